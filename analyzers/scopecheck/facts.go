package scopecheck

import (
	"fmt"
	"strings"
)

// AuthenticatesFact marks a function that reads a credential of the
// incoming request and validates it, directly or through the functions it
// calls: a JWT parse, an OIDC verification, a token introspection, a
// lookup of an API key in a store or a comparison with a known key.
type AuthenticatesFact struct {
	// Check names the credential check, for messages
	// ("jwt.ParseWithClaims", "comparison of the X-API-Key header").
	Check string
}

// AFact marks AuthenticatesFact as an analysis fact.
func (*AuthenticatesFact) AFact() {}

func (f *AuthenticatesFact) String() string { return fmt.Sprintf("authenticates(%s)", f.Check) }

// AuthorizesFact marks a function that makes an access decision: it
// inspects scopes, roles, permissions, groups or the audience of the
// caller, calls a policy engine (Casbin, OPA) or a function that does.
// Ownership marks the weaker form in which the function only scopes
// its work to the caller's own identity (the token's subject compared
// with or used to select the resource): that is authorization by
// ownership for a handler, but not a role check a middleware could lend
// to every route it wraps.
type AuthorizesFact struct {
	// Check names the authorization found ("claims.HasScope").
	Check string
	// Ownership is true when the only authorization is by ownership.
	Ownership bool
	// Param, when not 0, is 1 + the index of the parameter the
	// ownership check compares a record's owner with: the call scopes
	// its work to the caller only when it passes the caller's
	// identity there (ownparam.go).
	Param int
}

// AFact marks AuthorizesFact as an analysis fact.
func (*AuthorizesFact) AFact() {}

func (f *AuthorizesFact) String() string {
	if f.Ownership {
		return fmt.Sprintf("owns(%s)", f.Check)
	}
	return fmt.Sprintf("authorizes(%s)", f.Check)
}

// MiddlewareFact marks a middleware (a func(http.Handler) http.Handler,
// an echo.MiddlewareFunc, a gin middleware, or a factory returning one)
// and says whether the middleware it makes authenticates and authorizes
// the requests it passes on.
type MiddlewareFact struct {
	Authenticates bool
	Authorizes    bool
	// Check names the credential or access check found.
	Check string
}

// AFact marks MiddlewareFact as an analysis fact.
func (*MiddlewareFact) AFact() {}

func (f *MiddlewareFact) String() string {
	return fmt.Sprintf("middleware(authn=%v authz=%v %s)", f.Authenticates, f.Authorizes, f.Check)
}

// CredentialSourceFact marks a function whose result is a credential of
// the incoming request, such as a helper returning the bearer token of
// the Authorization header.
type CredentialSourceFact struct {
	// What describes the credential ("the Authorization header").
	What string
}

// AFact marks CredentialSourceFact as an analysis fact.
func (*CredentialSourceFact) AFact() {}

func (f *CredentialSourceFact) String() string { return fmt.Sprintf("credential(%s)", f.What) }

// WorkFact marks a function that does work worth protecting: it reads
// or changes application state or calls into code outside the standard
// library, rather than only writing a response.
type WorkFact struct {
	// What names the first piece of work found ("calls store.Delete").
	What string
}

// AFact marks WorkFact as an analysis fact.
func (*WorkFact) AFact() {}

func (f *WorkFact) String() string { return fmt.Sprintf("work(%s)", f.What) }

// IssuesFact marks a function that issues credentials: it mints or signs
// tokens, sets session cookies, exchanges an OAuth2 code or answers an
// OAuth2 token, authorize or introspection request. Handlers that do so
// are login, callback and token endpoints, public by design.
type IssuesFact struct {
	What string
}

// AFact marks IssuesFact as an analysis fact.
func (*IssuesFact) AFact() {}

func (f *IssuesFact) String() string { return fmt.Sprintf("issues(%s)", f.What) }

// AnalyzedFact is a package fact saying scopecheck analyzed the package
// from source, so that the absence of a function fact there is a
// verdict, and names are not consulted as hints.
type AnalyzedFact struct {
	// CtxCaller names a function of the package that returns the
	// caller read from a context.Context (request.UserFrom), the sign
	// that the module's request contexts carry a principal
	// (ctxdefer.go); "" if none.
	CtxCaller string
}

// AFact marks AnalyzedFact as an analysis fact.
func (*AnalyzedFact) AFact() {}

func (f *AnalyzedFact) String() string {
	if f.CtxCaller != "" {
		return "analyzed(caller in context: " + f.CtxCaller + ")"
	}
	return "analyzed"
}

// RoutesFact marks an exported function that registers routes on a
// router it receives as a parameter (users.Register(r *gin.RouterGroup)),
// listing the routes that nothing in the function authorizes. The
// caller, which knows the middleware on the router it passes, judges
// them.
type RoutesFact struct {
	Routes []RouteInfo
}

// RouteInfo is one route of a RoutesFact.
type RouteInfo struct {
	// Param is the index of the router parameter.
	Param int
	// Pattern is the route's pattern; Handler names its handler.
	Pattern, Handler string
	// Work is what the handler does ("calls Store.Delete").
	Work string
}

// AFact marks RoutesFact as an analysis fact.
func (*RoutesFact) AFact() {}

func (f *RoutesFact) String() string {
	var parts []string
	for _, r := range f.Routes {
		parts = append(parts, fmt.Sprintf("%d:%s->%s", r.Param, r.Pattern, r.Handler))
	}
	return "routes(" + strings.Join(parts, " ") + ")"
}
