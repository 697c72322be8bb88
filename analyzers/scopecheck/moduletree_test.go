package scopecheck_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/authvet/authvet/analyzers/scopecheck"
	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/internal/lint"
	"golang.org/x/tools/go/analysis"
)

// writeTree writes a module's files (path to text) under a temporary
// directory and returns it.
func writeTree(t *testing.T, tree map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range tree {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// lintFindings runs scopecheck through the lint driver on the packages
// of dir matching patterns and returns "rule path:line:col" for each
// finding; a load error fails the test.
func lintFindings(t *testing.T, dir string, patterns ...string) []string {
	t.Helper()
	cat, err := finding.NewCatalogue(scopecheck.Rules, lint.Rules)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), lint.Config{Dir: dir, Patterns: patterns, Analyzers: []*analysis.Analyzer{scopecheck.Analyzer}, Rules: cat})
	if err != nil {
		t.Fatalf("lint %v: %v", patterns, err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("lint %v: load errors %+v", patterns, res.Errors)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.RuleID+" "+f.Location.String())
	}
	return got
}
