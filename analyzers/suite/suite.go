// Package suite is the one list of authvet's analyzers and their rules.
// Every driver (the authvet CLI, go vet -vettool, tests and benchmarks)
// takes its analyzers from here, so they never disagree about what runs.
package suite

import (
	"golang.org/x/tools/go/analysis"

	"github.com/authvet/authvet/internal/finding"
)

// Analyzers returns every analyzer, in a fixed order.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{}
}

// Rules returns the rule metadata of every analyzer in Analyzers.
func Rules() []finding.Rule {
	var rs []finding.Rule
	return rs
}
