package scopecheck_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/scopecheck"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAudience: a token's audience check (jwt.WithAudience, the
// audience claim read in a condition) is part of validating the token,
// not an authorization; handlers and routes behind it are judged like
// any other authenticated ones, beside near misses that check a scope,
// a role or the owner.
func TestAudience(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "audience")
}

// TestComposedMiddleware: the middleware a project's chain(h, mws...)
// helper is given wrap the route like nested calls.
func TestComposedMiddleware(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "composed")
}

// TestHashedKey: a presented key hashed before it is looked up
// (keys[hex(sha256(key))]) is still the credential being checked.
func TestHashedKey(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "hashedkey")
}

// TestProxyForward: a route served by a reverse proxy hands the request
// to a service out of sight, which decides: unknown, not reported.
func TestProxyForward(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "proxyfwd")
}
