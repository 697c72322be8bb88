package tokenverify_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenverify"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestCallersOwn checks that a submitted value compared with a key of the
// account the request is authenticated as (read back from the request
// context, here or through another package's function) is not reported,
// while a key of an account looked up by name and the caller's own
// password (a re-authentication) are.
func TestCallersOwn(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "principallib", "principal")
}
