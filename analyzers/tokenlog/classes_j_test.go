package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestDigestVars: local variables that only ever hold a digest are not
// credentials whatever their name (hashedvars.go).
func TestDigestVars(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "digestvars")
}

// TestElemCarrier: slices, arrays and maps of structs with a credential
// field printed whole (credsrc.CarrierFor).
func TestElemCarrier(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "elemcarrier")
}
