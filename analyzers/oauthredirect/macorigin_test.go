package oauthredirect_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/oauthredirect"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestMACAndOrigin: a destination accepted only when its MAC matches a
// signature compared in constant time, and a callback whose origin
// (scheme + "://" + host) is looked up or compared, are checked; a MAC
// or an origin computed and not compared is no check.
func TestMACAndOrigin(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), oauthredirect.Analyzer, "macorigin")
}
