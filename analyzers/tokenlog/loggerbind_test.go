package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestLoggerBind checks that a credential bound to a logger that leaves
// its function (a logger factory) is reported once at the binding, and
// that the records the derived logger writes in another package are
// not reported again; a logger bound and used in one function is still
// reported where it writes.
func TestLoggerBind(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "loggerbind", "useloggerbind")
}
