package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestBlind runs the blind set: realistic service code written without
// looking at the analyzer, leaks marked want and everything else
// (lengths, prefixes, hashes, ids, expiries, redacting helpers and
// types, masked copies) silent. Leaks still missed are marked MISS.
func TestBlind(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer,
		"blindapi", "blindlog", "blindtypes", "blindoauth", "blindcfg", "blindiface", "blindgw", "blindprobe")
}

// TestPrecisionRules runs one fixture per rule of
// docs/precision-tokenlog.md, each with its near misses, in one load.
func TestPrecisionRules(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer,
		// A credential field whose type prints itself through a
		// redacting method is not printed; unexported fields, a String
		// that shows the value and LogValue under fmt still are.
		"fieldtypes",
		// A copy masked in the branch where its credential field is
		// not empty prints no credential; other conditions leave it.
		"condmask",
		// A masked copy returned by a helper of the package, or masked
		// by a masking function, prints the masks; a helper that
		// forgets a field, keeps the value or returns the original is
		// reported.
		"maskcopy",
		// A field its own package shows holds a path is no credential
		// in the packages that print the struct (facts).
		"plainlib", "useplainlib",
		// A method called through an interface whose name says
		// credential returns one; identifiers, hashes, expiries and
		// references do not.
		"ifacegetters",
		// LogValue and MarshalText hide a value from slog and encoders
		// only; fmt and the log package print its fields.
		"fmthides",
		// The value field of a credential type is a credential; a
		// lexer's Token and other types' Value fields are not.
		"credvalue",
		// A prefix or suffix of at most eight characters bounded with
		// min or max is short; a longer bound is not.
		"shortslice",
		// url.Values.Set and Add store what Encode writes out.
		"urlvalues",
	)
}
