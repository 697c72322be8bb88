package hardcodedcred_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/hardcodedcred"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestEncodedLiterals checks that a literal the program base64- or
// hex-encodes itself on its way to a credential header is as hardcoded
// as the literal, judged on its plain text (the password of a
// user:password pair), and that words, documentation pairs, run-time
// values and other headers are left alone.
func TestEncodedLiterals(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "encoded")
}
