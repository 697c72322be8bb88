package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestLookupKeyType: a credential-named map key type whose values are
// made from identifiers or plain values formatted together holds no
// secret (lookupkey.go).
func TestLookupKeyType(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "lookupkey")
}
