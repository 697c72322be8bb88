package lint

import (
	"context"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/authvet/authvet/analyzers/suite"
	"github.com/authvet/authvet/internal/benchcorpus"
	"github.com/authvet/authvet/internal/finding"
)

const corpusPackages = 200

func corpus(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if err := benchcorpus.Write(dir, corpusPackages); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkLint measures what `authvet lint ./...` does over a generated
// module of 200 packages: one load and type-check, all analyzers in one
// pass, findings built.
func BenchmarkLint(b *testing.B) {
	dir := corpus(b)
	cat, err := finding.NewCatalogue(suite.Rules(), Rules)
	if err != nil {
		b.Fatal(err)
	}
	cfg := Config{Dir: dir, Analyzers: suite.Analyzers(), Rules: cat}
	// The first load compiles the corpus for its export data; later ones
	// hit the build cache, as repeated runs on a project do. Measure
	// those.
	if _, err := Run(context.Background(), cfg); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var n int
	for b.Loop() {
		res, err := Run(context.Background(), cfg)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Errors) > 0 {
			b.Fatalf("corpus failed to load: %+v", res.Errors[0])
		}
		n = len(res.Findings)
	}
	b.ReportMetric(float64(n), "findings")
}

// BenchmarkAnalyzer measures each analyzer alone over the loaded corpus
// (loading excluded), so their costs can be compared: the SSA-based ones
// against the AST-only ones.
func BenchmarkAnalyzer(b *testing.B) {
	dir := corpus(b)
	pkgs, err := packages.Load(&packages.Config{Mode: loadMode, Dir: dir}, "./...")
	if err != nil {
		b.Fatal(err)
	}
	linkRoots(pkgs)
	for _, a := range suite.Analyzers() {
		b.Run(a.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
