package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestConstField checks that a credential-named field of a local struct
// that the function fills only with constants is no credential (the
// constants are in the source already; hardcodedcred judges them), while
// a field also given a run-time value, or whose address is handed to a
// call, stays one.
func TestConstField(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "constfield")
}
