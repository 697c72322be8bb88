package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestLexicalPieces: tokens := strings.Fields(line) takes no credential
// from its name; the pieces of a credential are still reported.
func TestLexicalPieces(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "lexpieces")
}

// TestCarrierHelper: a helper that prints a struct with a credential
// field whole is reported there (tokenlog/struct), and its callers that
// fill the field from a credential stay silent; a plain parameter the
// helper logs is still reported at the caller.
func TestCarrierHelper(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "carrierlib", "usecarrierlib")
}
