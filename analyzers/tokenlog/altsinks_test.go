package tokenlog_test

import (
	"strings"
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAltSinks checks that one credential written at the branches of an
// if/else or the cases of a switch (one record at a level chosen at run
// time) is reported once, and that calls which can both run (in
// sequence, in a loop) and different sources are each reported.
func TestAltSinks(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "altsinks")
}

// TestUserID checks that the field before the first colon of a
// colon-joined credential (Basic's user-id, an API key's id) is not a
// credential, while the fields after it, the whole value and the first
// field of a split on another separator are.
func TestUserID(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "userid")
}

// TestACMEPublic: an ACME challenge's token and key authorization are
// public (acmechal); the secrets beside them are still reported.
func TestACMEPublic(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "acmepublic", "provider/acme")
}

// TestSentFields: a field the package sends as a credential is one
// wherever else it goes (sentfields.go).
func TestSentFields(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "sentfields")
}

// TestCredFile: what a whole-file read returns from a credential's file
// is the credential (credfile.go).
func TestCredFile(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "credfile")
}

// TestFreshPrint runs the fixture of freshprint.go: a credential the
// function generates at random (a generator of the package, or of
// another through randomFact) printed to stdout is delivered to the
// operator; logged, written to stderr, generated elsewhere, read from
// configuration or made by a function that draws nothing, it is
// reported.
func TestFreshPrint(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "randlib", "freshprint")
	notes := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			generated := strings.Contains(d.Message, "generated it at random")
			if generated != (d.Category == "print-generated") {
				t.Errorf("%s: category %q", d.Message, d.Category)
			}
			if generated {
				notes++
			}
		}
	}
	if notes != 2 {
		t.Errorf("%d print-generated notes, want 2", notes)
	}
}

// TestInertParams checks that a field passed for a credential-named
// parameter of the package's own function is a credential field only
// when the function uses the parameter as one (inertparam.go).
func TestInertParams(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "inertparam")
}

// TestDumpMasked checks that a request dump is no credential when the
// function masked the dumped request's credential headers before it, in
// line or through a helper of the package (dumpmask.go), and still is
// with the mask on one branch, after the dump, on another request, in a
// helper that only reads, or missing the cookie of a received request.
func TestDumpMasked(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "dumpmask")
}
