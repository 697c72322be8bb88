package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestStringers: credential types printed through a String method that
// shows the secret (judged by its body, or by its fact from another
// package), beside redacting, prefix-only and user-only String methods,
// an enumeration and a lexer's token.
func TestStringers(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "stringers", "usestringers")
}
