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
