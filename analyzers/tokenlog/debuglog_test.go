package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestDebugLog: resty's debug log turned on for clients and requests
// with credentials (chained, per request, through a struct field and a
// constructor, Client.Debug), beside debug on clients without
// credentials or with another client's, debug off, an empty literal
// token and a redacting OnRequestLog callback.
func TestDebugLog(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "debuglog")
}
