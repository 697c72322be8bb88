package lint

import (
	"strings"
	"testing"
	"time"

	"github.com/authvet/authvet/internal/finding"
	"golang.org/x/tools/go/analysis"
)

// panickingAnalyzer panics on package a, as scopecheck did on nakama's
// server package before a nil check.
var panickingAnalyzer = &analysis.Analyzer{
	Name:      "panicking",
	Doc:       "panics on package a",
	FactTypes: []analysis.Fact{new(failingFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		if pass.Pkg.Name() == "a" {
			panic("ast.Walk: unexpected node type <nil>") // what scopecheck raised
		}
		return nil, nil
	},
}

// TestAnalyzerPanicIsReported: a panic in one analyzer on one package is
// that package's error (exit code 2), named with the analyzer, the
// package and where it happened; the findings of the other packages and
// of the other analyzers are still reported. Before, the panic ended the
// process and nothing was written. Both the lazy load and the load of
// every package first are covered.
func TestAnalyzerPanicIsReported(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"a/a.go": "package a\n\nvar S = \"BAD one\"\n",
		"b/b.go": "package b\n\nimport \"example.com/m/a\"\n\nvar T = a.S + \"BAD two\"\n",
		"c/c.go": "package c\n\nvar U = \"BAD three\"\n",
	})
	cat, err := finding.NewCatalogue(fakeRules, Rules)
	if err != nil {
		t.Fatal(err)
	}
	for _, keep := range []bool{false, true} {
		res, err := runWithin(t, time.Minute, Config{Dir: dir, Rules: cat,
			Analyzers: []*analysis.Analyzer{fakeAnalyzer, panickingAnalyzer},
			inFlight:  1, keepSyntax: keep})
		if err != nil {
			t.Fatal(err)
		}
		failed := map[string]string{}
		for _, e := range res.Errors {
			if strings.Contains(e.Message, "analyzer failed: panicking") {
				failed[e.Package] = e.Message
			}
		}
		msg := failed["example.com/m/a"]
		if !strings.Contains(msg, "internal error: panicking panicked on example.com/m/a") || !strings.Contains(msg, "unexpected node type <nil>") {
			t.Errorf("keepSyntax=%v: package a's error = %q, want the panic named", keep, msg)
		}
		if _, ok := failed["example.com/m/c"]; ok {
			t.Errorf("keepSyntax=%v: package c failed too: %v", keep, res.Errors)
		}
		if len(res.Findings) != 3 {
			t.Errorf("keepSyntax=%v: got %d findings, want the fake analyzer's 3: %+v", keep, len(res.Findings), res.Findings)
		}
	}
}
