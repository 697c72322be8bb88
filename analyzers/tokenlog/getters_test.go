package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestGetters: protobuf-style getters of credential fields (by the
// Get<Field> convention where the body is not known, by the getter's
// fact where it is), beside getters of other fields, a computed Get
// method, a call through an interface and a redacting getter.
func TestGetters(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "getters", "pbmsg", "usepb")
}
