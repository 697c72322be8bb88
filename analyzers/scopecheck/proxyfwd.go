package scopecheck

import "go/types"

// A route whose endpoint is a reverse proxy (net/http/httputil's
// ReverseProxy) forwards the request, with the identity the
// authenticating middleware established, to another service, which
// does the work and decides what the caller may do there. That decision
// is out of sight, as for a service interface implemented elsewhere
// (ctxdefer.go): the verdict is unknown and the route is not reported.

// forwardsRequest reports whether fn is the ServeHTTP of a reverse
// proxy of the standard library.
func forwardsRequest(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/http/httputil" && fn.Name() == "ServeHTTP"
}
