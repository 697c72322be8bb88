package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestPresented: values compared with a credential (==, !=,
// subtle.ConstantTimeCompare, hmac.Equal) or checked by
// bcrypt.CompareHashAndPassword are credentials, whatever their name;
// beside comparisons with a constant and with a name, a length, and a
// constant password.
func TestPresented(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "presented")
}
