package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestURLs: URLs whose user info has a password (url.UserPassword, a
// DSN parsed with url.Parse) printed whole, beside u.Redacted(), the
// host and path, a user without a password and a URL parsed from a
// string without one.
func TestURLs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "urls")
}
