package tokenverify_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenverify"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestBlind runs the realistic sets written before the analyzer was read
// (docs/precision-verify.md): JWT libraries in the styles services use,
// webhook HMAC checks and API key comparisons, each positive beside a
// near miss.
func TestBlind(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "blindjwt", "blindmac")
}
