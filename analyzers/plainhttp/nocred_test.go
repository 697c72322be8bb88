package plainhttp_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// checkNoCredential checks that a URL whose request carries no
// credential is the note plainhttp/url-no-credential and every other
// URL finding is plainhttp/url (the // want patterns tell them apart by
// message; this ties the message to the rule, and so to its level).
func checkNoCredential(t *testing.T, diags []analysis.Diagnostic) {
	notes := 0
	for _, d := range diags {
		quiet := strings.Contains(d.Message, "with no credential in the request")
		switch {
		case quiet && d.Category != "url-no-credential":
			t.Errorf("%q: category %s, want url-no-credential", d.Message, d.Category)
		case !quiet && d.Category == "url-no-credential":
			t.Errorf("%q: category url-no-credential for a message that names no missing credential", d.Message)
		}
		if quiet {
			notes++
		}
	}
	if notes == 0 {
		t.Error("no url-no-credential notes in the fixtures")
	}
}
