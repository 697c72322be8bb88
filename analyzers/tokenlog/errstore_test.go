package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestErrorStore checks that a credential stored into a field of an
// error type that its Error method prints is put in an error message, in
// the type's package and across packages through the errFields fact and
// the constructors' summaries (errlib.Wrap reported at its caller), and
// that fields Error does not print, structs that are no errors, lengths
// and user names are not.
func TestErrorStore(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "errtype", "errlib", "useerrlib")
}
