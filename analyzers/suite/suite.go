// Package suite is the one list of authvet's analyzers and their rules.
// Every driver (the authvet CLI, go vet -vettool, tests and benchmarks)
// takes its analyzers from here, so they never disagree about what runs.
package suite

import (
	"golang.org/x/tools/go/analysis"

	"github.com/authvet/authvet/analyzers/credexposure"
	"github.com/authvet/authvet/analyzers/hardcodedcred"
	"github.com/authvet/authvet/analyzers/oauthredirect"
	"github.com/authvet/authvet/analyzers/plainhttp"
	"github.com/authvet/authvet/analyzers/scopecheck"
	"github.com/authvet/authvet/analyzers/tokenlog"
	"github.com/authvet/authvet/analyzers/tokenverify"
	"github.com/authvet/authvet/internal/finding"
)

// all pairs each analyzer with its rule metadata.
var all = []struct {
	analyzer *analysis.Analyzer
	rules    []finding.Rule
}{
	{credexposure.Analyzer, credexposure.Rules},
	{hardcodedcred.Analyzer, hardcodedcred.Rules},
	{oauthredirect.Analyzer, oauthredirect.Rules},
	{plainhttp.Analyzer, plainhttp.Rules},
	{scopecheck.Analyzer, scopecheck.Rules},
	{tokenlog.Analyzer, tokenlog.Rules},
	{tokenverify.Analyzer, tokenverify.Rules},
}

// Analyzers returns every analyzer, in a fixed order.
func Analyzers() []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(all))
	for i, a := range all {
		out[i] = a.analyzer
	}
	return out
}

// Rules returns the rule metadata of every analyzer in Analyzers.
func Rules() []finding.Rule {
	var rs []finding.Rule
	for _, a := range all {
		rs = append(rs, a.rules...)
	}
	return rs
}
