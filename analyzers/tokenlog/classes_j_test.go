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

// TestCursorOwner: a bare "token" field of a type named as a pagination
// cursor or a lexer is a cursor (credname.CursorField); the same field
// in another type, or a qualified one in a cursor type, is a credential.
func TestCursorOwner(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "cursorowner")
}

// TestUserHalf: a function whose results name a user and a credential
// (ParseBasicAuth's username, password) passes the credential only in
// the credential-named result (its summary, in the package and in its
// fact; userhalf.go); unnamed halves and a lone user-named result are left
// as they were.
func TestUserHalf(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "userhalf")
}

// TestOverwrite: a credential in a closure's cell overwritten by its
// digest before anything but reads of it can see it is gone from the
// cell (overwrite.go); logged before, read by a closure made before, or
// overwritten on one branch only, it is still reported.
func TestOverwrite(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "overwrite")
}

// TestHelperPackage: a helper package that imports no logger and no
// source but exports a function from strings to strings is analyzed, so
// its summary carries a credential through it for callers in other
// packages (tokenlog.go passesOn); its user-name half (userhalf.go) and
// a digest carry none.
func TestHelperPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "splitlib", "splituse")
}

// TestCursorResult: a bare "token" returned by a function whose name or
// result name says cursor is no credential (cursorresult.go).
func TestCursorResult(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "cursorresult")
}

// TestPassedCredential: a value the function passes to a
// credential-named parameter is a credential on that path
// (passedcred.go).
func TestPassedCredential(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "passedcred")
}

// TestStridePairs: a variadic list walked two at a time reaches a sink
// only with the elements the loop's index selects (origins.go,
// strideIndex): names printed and values tested leak nothing.
func TestStridePairs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "pairs")
}

// TestSlackWebhookURL: a field posted to as a Slack incoming webhook's
// URL is a credential package-wide (sentfields.go, secretURLParam).
func TestSlackWebhookURL(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "slackhook")
}
