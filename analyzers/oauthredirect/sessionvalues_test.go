package oauthredirect_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/oauthredirect"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSessionValues checks that a session entry is judged like a cookie:
// a callback redirecting to sess.Values[k] is open when the program
// stores unvalidated request data under k, and left alone when it stores
// a constant, a checked value, or nothing in sight.
func TestSessionValues(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), oauthredirect.Analyzer, "sessionvalues")
}
