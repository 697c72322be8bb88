package lint

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/authvet/authvet/analyzers/suite"
	"github.com/authvet/authvet/internal/finding"
)

// With one package in flight at a time the suite still runs to the end,
// finds what loading every package first finds, and never holds two
// loaded packages at once; every package it loaded is released.
func TestLazyLoadOnePackageAtATime(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a 12-package module twice")
	}
	dir := releaseCorpus(t, 12)
	cat, err := finding.NewCatalogue(suite.Rules(), Rules)
	if err != nil {
		t.Fatal(err)
	}
	var loader *lazyLoader
	cfg := Config{Dir: dir, Analyzers: suite.Analyzers(), Rules: cat, Tests: true,
		inFlight: 1, lazyLoaded: func(l *lazyLoader) { loader = l }}
	lazy, err := runWithin(t, 3*time.Minute, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if loader == nil {
		t.Fatal("the packages were not loaded lazily; the test proves nothing")
	}
	if loader.gate.peak != 1 || loader.gate.n != 0 {
		t.Errorf("gate: %d packages in flight at most, %d left; want 1 and 0", loader.gate.peak, loader.gate.n)
	}
	cfg.keepSyntax, cfg.lazyLoaded = true, nil
	eager, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(lazy.Errors) > 0 || len(eager.Errors) > 0 || len(eager.Findings) == 0 {
		t.Fatalf("corpus did not load or gave no findings: %+v %+v", lazy.Errors, eager.Errors)
	}
	if !reflect.DeepEqual(lazy.Findings, eager.Findings) {
		t.Errorf("findings differ when packages are loaded lazily: %d against %d", len(lazy.Findings), len(eager.Findings))
	}
}

// failingAnalyzer fails on package a. Its facts make the checker run it
// on the packages a package imports, so it fails there too, and the
// release step of those packages never runs.
var failingAnalyzer = &analysis.Analyzer{
	Name:      "failing",
	Doc:       "fails on package a",
	FactTypes: []analysis.Fact{new(failingFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		if pass.Pkg.Name() == "a" {
			return nil, errors.New("boom")
		}
		return nil, nil
	},
}

type failingFact struct{}

func (*failingFact) AFact() {}

// An analyzer that fails keeps its package from being released: the gate
// must open rather than wait for it, and the failure is reported with the
// findings of the other packages.
func TestLazyLoadFailingAnalyzerOpensGate(t *testing.T) {
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
	var loader *lazyLoader
	res, err := runWithin(t, time.Minute, Config{Dir: dir, Rules: cat,
		Analyzers: []*analysis.Analyzer{fakeAnalyzer, failingAnalyzer},
		inFlight:  1, lazyLoaded: func(l *lazyLoader) { loader = l }})
	if err != nil {
		t.Fatal(err)
	}
	if loader == nil || !loader.gate.open {
		t.Fatal("the gate did not open after the failure")
	}
	failed := map[string]bool{}
	for _, e := range res.Errors {
		if strings.Contains(e.Message, "analyzer failed: failing") {
			failed[e.Package] = true
		}
	}
	if !failed["example.com/m/a"] || !failed["example.com/m/b"] || failed["example.com/m/c"] {
		t.Errorf("failures reported for %v, want a and b (which imports a)", res.Errors)
	}
	if len(res.Findings) != 3 {
		t.Errorf("got %d findings, want the fake analyzer's 3: %+v", len(res.Findings), res.Findings)
	}
}

// runWithin runs Run and fails the test when it does not return in time,
// as a deadlocked gate would not.
func runWithin(t *testing.T, d time.Duration, cfg Config) (*Result, error) {
	t.Helper()
	type out struct {
		res *Result
		err error
	}
	ch := make(chan out, 1)
	go func() {
		res, err := Run(context.Background(), cfg)
		ch <- out{res, err}
	}()
	select {
	case o := <-ch:
		return o.res, o.err
	case <-time.After(d):
		t.Fatalf("Run did not return within %v", d)
		return nil, nil
	}
}

// A dependency that imports an analyzed package (a module cycle, or a
// test variant's dependency) would have export data define the types of
// a package the lazy loader type-checks from source, and one without
// export data is type-checked from source by go/packages: such loads go
// the eager way.
func TestLazyLoadable(t *testing.T) {
	pkg := func(id string, imports ...*packages.Package) *packages.Package {
		p := &packages.Package{ID: id, PkgPath: id, ExportFile: id + ".a", Imports: map[string]*packages.Package{}}
		for _, q := range imports {
			p.Imports[q.PkgPath] = q
		}
		return p
	}
	std := pkg("fmt")
	b := pkg("m/b", std)
	dep := pkg("dep", std)
	a := pkg("m/a", b, dep)
	if !lazyLoadable([]*packages.Package{a, b}) {
		t.Error("a module whose dependencies import none of its packages must load lazily")
	}
	broken := pkg("broken")
	broken.ExportFile = ""
	if lazyLoadable([]*packages.Package{pkg("m/d", pkg("dep2", broken))}) {
		t.Error("a dependency without export data must make the load eager")
	}
	cyc := pkg("cyc", b)
	c := pkg("m/c", cyc)
	if lazyLoadable([]*packages.Package{a, b, c}) {
		t.Error("a dependency importing an analyzed package must make the load eager")
	}
}
