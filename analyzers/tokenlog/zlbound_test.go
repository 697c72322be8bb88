package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestZerologBound checks that a credential bound to a zerolog logger
// held in a local variable is reported where the logger writes, also
// through a pointer-receiver level method (Warn, Error: (*Logger).Warn(&log)),
// and that a logger bound to no credential, or another variable, is not.
func TestZerologBound(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "zlbound")
}
