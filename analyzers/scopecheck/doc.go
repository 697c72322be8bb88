// Package scopecheck defines an Analyzer that reports handlers and
// routes that authenticate callers but never authorize them, and OAuth2
// clients that request all-powerful scopes.
//
// # Analyzer scopecheck
//
// scopecheck: report handlers that authenticate callers but never authorize them
//
// Authentication says who is calling; OAuth scopes, roles and
// permissions say what the caller may do. The most damaging API bugs are
// handlers that validate a bearer token or API key and then do the work
// for any valid token.
//
// Handlers are recognised by type: func(http.ResponseWriter,
// *http.Request) functions, methods and literals, ServeHTTP methods, gin
// handlers (func(*gin.Context)), echo handlers (func(echo.Context) error,
// func(*echo.Context) error in v5), fiber handlers (func(*fiber.Ctx)
// error, fiber.Ctx in v3), httprouter and fasthttp handlers; chi and
// gorilla/mux use the net/http shape.
//
// A function authenticates when it reads a credential of the request
// (an Authorization or X-API-Key style header, basic auth, an auth
// cookie, a credential query parameter, a token put in the request
// context by a middleware) and validates it: jwt.Parse*, an OIDC
// IDTokenVerifier.Verify, a token introspection, a lookup of the key in
// a map or store, a comparison with a known key. A call or map lookup
// counts only when its result decides what happens next (a condition, a
// return, or a variable one of those reads): a credential passed to a
// translation or formatter (i18n.T(r.Header.Get("Authorization"))) or
// to a function with no result is no check. It authorizes when it
// reads claims or fields named scope, scp, scopes, permissions, roles,
// groups or admin in a condition (not the audience, which every caller
// of the API passes alike), calls a policy engine (Casbin,
// OPA) or a function named like hasScope, requireScope, authorize, can,
// checkPermission or enforce, or passes a required scope to a library.
// A check comparing the resource owner with the token's subject, or
// data selected by the caller's own identity (claims.Subject, a user id
// read from the context through a helper such as auth.GetUserID(ctx),
// a record made with it, an attribute of the caller such as its teams),
// is authorization by ownership. A branch that rejects the request
// (returns an error, aborts, writes a 4xx) on a boolean field or
// method of the authenticated principal (account.Owner, user.IsStaff())
// is a role check whatever the flag is called, credited in the helper
// that authenticated and to the handlers calling it; a branch that only
// logs, a flag of the request's own body, or a validity flag (Verified,
// Expired) is not. A credential checked against one
// fixed by configuration (a static API key or password, a basic auth
// realm with a fixed user map, a configured set of keys, to bool, to
// struct{} or to each key's kind, checked where the key is read or in a
// helper given it) has one
// principal, or several of equal power: the check is the access
// decision. Both are followed through calls with object facts
// (AuthenticatesFact, AuthorizesFact, MiddlewareFact,
// CredentialSourceFact), across analyzed packages, including the
// methods of an interface whose implementations in its package
// authorize (a service layer checking the caller's rights). Where the
// module reads the caller back from a context (request.UserFrom(ctx)),
// a handler handing the request context to service code out of sight
// (an interface of the module implemented outside its package, such as
// a data store the persistence layer implements, or code passing the
// context on to one, followed with DefersFact) is unknown and not
// reported; a service in sight is judged by its body, and handing it
// context.Background() defers nothing.
//
// Rules:
//
//   - scopecheck/handler: a handler that authenticates the caller
//     itself and then works (reads or changes state, calls into the
//     application) with no authorization, reported at its declaration.
//   - scopecheck/route: a route registered under an authenticating
//     middleware (router Use, chi With/Group/Route, gin, echo and fiber
//     groups, fiber Route blocks, gorilla/mux sub-routers,
//     wrapped handlers or routers, wrapper types whose ServeHTTP
//     authenticates, a project's own adapters such as shiori's
//     ToHTTPHandler, followed with AdapterFact) with no authorizing
//     middleware and a handler that does not authorize, reported at
//     the registration (at the entry of a route table registered in a
//     loop); the methods of a gRPC service registered with
//     RegisterXServer behind an authenticating interceptor of
//     grpc.NewServer, reported at the method, also when the method
//     is in another package than the registration.
//     A middleware authenticates only if some path where the credential
//     is missing or wrong rejects the request (aborts, writes a 4xx,
//     returns an error, or in net/http returns before calling next);
//     one that only stores the user when a token parses (optional
//     authentication, woodpecker's session.SetUser) leaves the routes
//     under it public; a later middleware that rejects requests with no
//     user stored in the request context (c.Get("user"), directly or
//     through a helper; a MustUser) authenticates them. Read routes (GET, HEAD) of a path prefix split
//     into a read group behind an authenticating middleware and a
//     sibling group with the same prefix behind an authorizing one are
//     a decided policy and are not reported (not even as a note: the
//     sibling shows that the authors chose who may write). A route to
//     a handler of a module package that was not analysed has no
//     facts: it is unknown and not reported.
//   - scopecheck/broad-scope (note): an oauth2.Config,
//     clientcredentials.Config or Google credentials call requesting
//     "*", "admin", "repo", cloud-platform and similar scopes.
//
// Bad:
//
//	func deleteUser(w http.ResponseWriter, r *http.Request) {
//		if _, err := jwt.Parse(bearer(r), keyFunc); err != nil {
//			http.Error(w, "unauthorized", http.StatusUnauthorized)
//			return
//		}
//		store.DeleteUser(r.PathValue("id"))
//	}
//
// Good:
//
//	mux.Handle("DELETE /users/{id}", requireScope("users:delete", http.HandlerFunc(deleteUser)))
//
// Left alone on purpose: handlers with no authentication at all (public
// endpoints), login, token, OAuth2 callback and session endpoints,
// webhooks verified with an HMAC signature, handlers working only on the
// caller's own resources, handlers and routes guarded by a credential
// fixed by configuration (an admin key, a metrics password, chi's or
// gin's BasicAuth with configured accounts), endpoints that only answer
// (whoami, token checks), monitoring routes (health, readiness,
// version, metrics, status), WebSocket endpoints that only answer the
// connection's own frames (keep-alives), and middleware themselves
// (judged at the routes they wrap).
//
// Flags: -authz-funcs and -authn-funcs name in-house authorization and
// authentication functions or middleware (Name, pkg.Name, Type.Method or
// import/path.Name); -broad-scopes adds scopes to the broad list (and
// "-scope" removes one).
package scopecheck
