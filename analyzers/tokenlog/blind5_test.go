package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestBlind5Classes runs, in one load, the fixtures of the classes the
// blind5 set exposed (docs/precision-blind5.md):
//
//   - grpcmd: gRPC metadata read like request headers: a credential
//     entry (md.Get("authorization"), md["x-api-key"],
//     ValueFromIncomingContext) and the incoming metadata printed whole
//     are reported; other entries, keys, sizes and outgoing metadata the
//     program built are not;
//   - dsnlog: a database connection string (DatabaseURL, DATABASE_URL,
//     dsn, mongoURI) logged whole is reported; its host, path, redacted
//     form, length, the name of its environment variable and a template
//     are not;
//   - jsonhides: a value written by encoding/json (zerolog Interface,
//     json.Marshal) is hidden by MarshalJSON or MarshalText only, not by
//     a redacting String, which fmt still honours;
//   - issuedcookie: the value a function sets as a credential cookie's
//     value (session, sid) is a credential there; preference and state
//     cookies, a cookie of unknown name, the name, a length are not.
func TestBlind5Classes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "grpcmd", "dsnlog", "jsonhides", "issuedcookie")
}
