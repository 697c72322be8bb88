package scopecheck

import "go/ast"

// An OAuth 2.0 token endpoint known by its request. RFC 6749 §4 gives
// every token request a grant_type parameter; an authorization server
// dispatches on it, often through a map of grant handlers that
// scopecheck cannot follow (grantTypes[r.Form.Get("grant_type")]). A
// handler that reads grant_type from the request it serves is the token
// endpoint: it authenticates the client and issues tokens, public by
// design like a login, whatever its grant handlers are. A client that
// writes grant_type into the request it sends (url.Values{"grant_type":
// …}) reads nothing from its own request and is not one.

// tokenRequestRead describes call when it reads the grant_type
// parameter of the request being served, or "".
func (s *scan) tokenRequestRead(call *ast.CallExpr) string {
	for _, a := range call.Args {
		if k, ok := s.constString(a); ok && k == "grant_type" && s.mentionsRequest(call) {
			return "answers an OAuth2 token request (reads grant_type)"
		}
	}
	return ""
}
