package plainhttp_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/plainhttp"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestPointerHelpers checks that a URL handed through a pointer helper of
// another package (aws.String, a generic ptr.To: one parameter T, result
// *T) to a base-URL field is followed, and that local and TLS URLs,
// fields of other names and helpers of other shapes are left alone.
func TestPointerHelpers(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "pointerhelpers")
}
