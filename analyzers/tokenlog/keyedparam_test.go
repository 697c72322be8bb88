package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestKeyedParam runs the fixture of keyedparam.go: a project's own
// accessor of request parameters called with a credential's name is a
// credential source, across packages through the keyedParam fact;
// other names, fixed keys and plain functions are not.
func TestKeyedParam(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "keyedlib", "usekeyed")
}
