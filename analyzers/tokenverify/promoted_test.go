//go:build go1.27

package tokenverify_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenverify"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestPromotedExpiry runs the fixture of Go 1.27 literals that set a
// promoted field by its own name (&AccessClaims{ExpiresAt: …} with
// RegisteredClaims embedded). Go before 1.27 cannot type-check it, so
// the test needs a Go 1.27 toolchain: GOTOOLCHAIN=go1.27.3 go test
// ./analyzers/tokenverify -run TestPromotedExpiry.
func TestPromotedExpiry(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "promotedexp")
}
