package oauthredirect_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/oauthredirect"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSessionKeep checks that saving a session the function obtained,
// with nothing new put in it (a flash message, a longer lifetime, the
// user it already holds), is no login step, while a session given a
// looked-up user or a constant, or a session filled by the caller, is.
func TestSessionKeep(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), oauthredirect.Analyzer, "sessionkeep")
}
