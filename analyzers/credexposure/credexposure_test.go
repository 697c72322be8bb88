package credexposure_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/credexposure"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAnalyzer runs every fixture in one load (loading net/http is most
// of the cost): cookies and queries, their near-misses, and the helpers
// of cookiehelp and queryhelp, which their users see only as facts.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), credexposure.Analyzer,
		"cookie", "cookiev5", "cookiehelp", "usecookiehelp",
		"query", "queryhelp", "usequeryhelp",
		"accept", "acceptkey", "acceptws", "fastclient", "headercookie", "mapsclient", "mixedclient", "fibercookie", "acceptlib", "acceptdeep", "acceptform", "redirectq",
		"sessionstore", "sessionset", "sessioncfg", "signedq")
}

// TestFix checks the suggested fix: the missing flags added to the
// cookie's literal, one-line and multi-line, and no fix where a flag is
// set to false on purpose.
func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), credexposure.Analyzer, "fix")
}

// TestAllowQueryHosts checks the -allow-query-hosts option: a listed
// host is left alone, and the list replaces the default.
func TestAllowQueryHosts(t *testing.T) {
	flag := credexposure.Analyzer.Flags.Lookup("allow-query-hosts")
	old := flag.Value.String()
	if err := flag.Value.Set("legacy.vendor.example.com"); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = flag.Value.Set(old) }()
	analysistest.Run(t, analysistest.TestData(), credexposure.Analyzer, "allow")
}

// TestPresignedQuery checks that a presigned URL put in another URL's
// query is left alone (its signature is a query parameter by design)
// while an API key beside it is reported.
func TestPresignedQuery(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), credexposure.Analyzer, "presignq")
}
