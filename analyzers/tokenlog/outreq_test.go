package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestOutgoingRequest runs the fixture of outreq.go: the headers of a
// request the package builds and puts no credential in are not
// reported; an incoming request's, a request of unknown origin's, and
// those of a package that sets a credential header or hands its
// requests to a signer are.
func TestOutgoingRequest(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "outreq", "outreqauth", "outreqsign")
}

// TestLoginURLField runs the fixture of loginurl.go: a setting the
// package parses as a URL and reads the password of is a connection URL
// with its login, whatever it is called; one parsed for its host only,
// and one never parsed, are not (review CY, podinfo's CacheServer).
func TestLoginURLField(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "loginurl")
}

// TestCiphertextTypes: a credential-named field inside a struct type
// named for ciphertext (EncryptedCredentials) holds encrypted bytes; the
// same field in a plain struct is a credential (review DA, Telegram
// Passport data in a message logged as JSON).
func TestCiphertextTypes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "ciphertext")
}
