package lint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/authvet/authvet/analyzers/suite"
	"github.com/authvet/authvet/internal/benchcorpus"
	"github.com/authvet/authvet/internal/finding"
)

// releaseCorpus is the benchmark corpus with, in some packages, an
// in-package test file: such a package and its test variant share the
// parsed files of the package, which may be freed only when both are
// done. The test files and some package files carry findings, and one
// file an ignore comment.
func releaseCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	if err := benchcorpus.Write(dir, n); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i += 3 {
		pkg := fmt.Sprintf("svc%03d", i)
		files := map[string]string{
			"extra.go": fmt.Sprintf(`package %s

import "net/http"

// Fetch calls the upstream over plain HTTP.
func Fetch() (*http.Response, error) {
	return http.Get("http://billing.example.com/v1/invoices")
}

// FetchMirror reads the mirror.
func FetchMirror() (*http.Response, error) {
	//authvet:ignore plainhttp -- the mirror only speaks HTTP, see #1
	return http.Get("http://mirror.example.com/v1/feed")
}
`, pkg),
			"extra_test.go": fmt.Sprintf(`package %s

import (
	"net/http"
	"testing"
)

func TestFetch(t *testing.T) {
	if _, err := http.Get("http://billing.example.com/v1/ping"); err != nil {
		t.Skip(err)
	}
}
`, pkg),
		}
		for name, body := range files {
			if err := os.WriteFile(filepath.Join(dir, "services", pkg, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// Loading each package when the analysis reaches it and releasing its
// syntax as soon as its analyzers are done must not change a finding:
// the suite's analyzers running over packages in parallel, with test
// variants that share files with their packages, against a run that loads
// every package first and keeps it (keepSyntax).
func TestReleaseKeepsFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a 30-package module twice")
	}
	dir := releaseCorpus(t, 30)
	cat, err := finding.NewCatalogue(suite.Rules(), Rules)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Dir: dir, Analyzers: suite.Analyzers(), Rules: cat, Tests: true}
	released, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.keepSyntax = true
	kept, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(released.Errors) > 0 || len(kept.Errors) > 0 {
		t.Fatalf("corpus did not load: %+v %+v", released.Errors, kept.Errors)
	}
	var inShared, inTest, suppressed int
	for _, f := range kept.Findings {
		switch {
		case f.Suppression != nil:
			suppressed++
		case filepath.Base(f.Location.Path) == "extra.go":
			inShared++
		case filepath.Base(f.Location.Path) == "extra_test.go":
			inTest++
		}
	}
	if inShared == 0 || inTest == 0 || suppressed == 0 {
		t.Fatalf("the corpus must give findings in shared files (%d), in test files (%d) and suppressed ones (%d)", inShared, inTest, suppressed)
	}
	if !reflect.DeepEqual(released.Findings, kept.Findings) {
		t.Errorf("findings differ when packages are released: %d against %d kept", len(released.Findings), len(kept.Findings))
		for i := range min(len(released.Findings), len(kept.Findings)) {
			if !reflect.DeepEqual(released.Findings[i], kept.Findings[i]) {
				t.Errorf("first difference: %+v\nagainst %+v", released.Findings[i], kept.Findings[i])
				break
			}
		}
	}
}

// After a run every package's syntax and type information is gone, a
// file shared with a test variant included, and what the driver needs
// later is kept.
func TestReleaserFreesSyntax(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod":      "module example.com/m\n\ngo 1.22\n",
		"a/a.go":      "package a\n\nfunc BadThing() string { return \"x\" }\n\nvar S = \"BAD one\" //authvet:ignore fake/bad -- fixture\n",
		"a/a_test.go": "package a\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) { _ = \"BAD test\" }\n",
		"b/b.go":      "package b\n\nimport \"example.com/m/a\"\n\nvar T = a.BadThing()\n",
	})
	pkgs, err := packages.Load(&packages.Config{Mode: loadMode, Dir: dir, Tests: true}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	var good []*packages.Package
	for _, p := range pkgs {
		if !isTestMain(p) {
			good = append(good, p)
		}
	}
	linkRoots(good)
	shared := 0
	holders := map[any]int{}
	for _, p := range good {
		for _, f := range p.Syntax {
			holders[f]++
			if holders[f] == 2 {
				shared++
			}
		}
	}
	if shared == 0 {
		t.Fatal("no file is shared between a package and its test variant; the test proves nothing")
	}
	rel := newReleaser(good)
	as := []*analysis.Analyzer{fakeAnalyzer}
	graph, err := checker.Analyze(append(as, rel.analyzer(as)), good, nil)
	if err != nil {
		t.Fatal(err)
	}
	diags := 0
	for act := range graph.All() {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		diags += len(act.Diagnostics)
	}
	if diags < 3 {
		t.Errorf("got %d diagnostics, want the fake analyzer's 3 or more", diags)
	}
	ignores := 0
	for _, p := range good {
		if rel.done[p] == nil {
			t.Errorf("%s was not released", p.ID)
			continue
		}
		if len(p.TypesInfo.Types)+len(p.TypesInfo.Defs)+len(p.TypesInfo.Uses) > 0 {
			t.Errorf("%s: type information kept", p.ID)
		}
		for _, f := range p.Syntax {
			if f.Decls != nil || f.Comments != nil {
				t.Errorf("%s: syntax of %s kept", p.ID, p.Fset.File(f.Pos()).Name())
			}
		}
		if rel.tests(p) == nil {
			t.Errorf("%s: no test-support index kept", p.ID)
		}
		ignores += len(rel.ignores(p))
	}
	if ignores != 2 { // a/a.go, in package a and in its test variant
		t.Errorf("kept %d ignore comments, want 2", ignores)
	}
}
