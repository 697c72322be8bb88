package hardcodedcred_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/hardcodedcred"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFlagDefaults checks that the default value of a flag or pflag
// string flag named like a credential is judged as an assignment to that
// name, and that empty defaults, placeholders, words, paths, header names
// and flags of other names are left alone.
func TestFlagDefaults(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "flagdefault")
}
