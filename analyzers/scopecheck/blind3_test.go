package scopecheck_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/scopecheck"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestBlind3Classes runs, in one load, the fixtures of the classes the
// blind3 set exposed (docs/precision-blind3.md), each positive beside
// near misses that check a scope, a role or the owner:
//
//   - audience: a token's audience check (jwt.WithAudience, the aud
//     claim in a condition) is token validation, not authorization;
//   - composed: the middleware a chain(h, mws...) helper is given wrap
//     the route like nested calls;
//   - hashedkey: a key hashed before its lookup (keys[hex(sha256(k))])
//     is still the credential checked;
//   - proxyfwd: a route served by httputil.ReverseProxy hands the
//     request to a service that decides out of sight: unknown.
func TestBlind3Classes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "audience", "composed", "hashedkey", "proxyfwd")
}
