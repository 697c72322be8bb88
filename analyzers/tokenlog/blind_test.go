package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestBlind runs the blind set: realistic service code written without
// looking at the analyzer, leaks marked want and everything else
// (lengths, prefixes, hashes, ids, expiries, redacting helpers and
// types, masked copies) silent.
func TestBlind(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer,
		"blindapi", "blindlog", "blindtypes", "blindoauth", "blindcfg", "blindiface")
}

// TestFieldTypes: a credential field whose type prints itself through a
// redacting method is not printed; unexported fields, a String that
// shows the value and LogValue under fmt still are.
func TestFieldTypes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "fieldtypes")
}

// TestCondMask: a copy masked in the branch where its credential field
// is not empty prints no credential; other conditions leave it.
func TestCondMask(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "condmask")
}

// TestIfaceGetters: a method called through an interface whose name
// says credential returns one; names of identifiers, hashes, expiries
// and references do not.
func TestIfaceGetters(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "ifacegetters")
}

// TestFmtHides: LogValue and MarshalText hide a value from slog and
// encoders only; fmt and the log package print its fields.
func TestFmtHides(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "fmthides")
}

// TestCredValue: the value field of a credential type is a credential;
// a lexer's Token and other types' Value fields are not.
func TestCredValue(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "credvalue")
}
