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
