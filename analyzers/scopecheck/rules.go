package scopecheck

import "github.com/authvet/authvet/internal/finding"

// Rules is the metadata of every rule scopecheck reports.
var Rules = []finding.Rule{
	{
		ID:    "scopecheck/handler",
		Short: "handler authenticates the caller but never checks scopes, roles or permissions",
		Full: "An HTTP handler (net/http, chi, gorilla/mux, gin, echo, fiber, httprouter or fasthttp) validates a bearer token, API key or " +
			"session itself (a JWT parse, an OIDC verification, a token introspection, a key lookup or comparison, " +
			"directly or through the functions it calls) and then does its work for any valid credential: it never " +
			"checks the token's scopes, the caller's roles, groups or permissions, never asks a policy engine, " +
			"and never scopes the work to the caller's own resources, and no authorizing middleware wraps it. " +
			"Any holder of any valid credential, including one issued for another purpose or with read-only " +
			"scopes, can then call it: broken function-level authorization (OWASP API5) or broken object-level " +
			"authorization (OWASP API1).",
		Help: "Authentication says who is calling; scopes, roles and permissions say what the caller may do. A " +
			"handler that stops at the first is open to every valid token.\n\n" +
			"**Bad**\n\n" +
			"```go\n" +
			"func deleteUser(w http.ResponseWriter, r *http.Request) {\n" +
			"\tclaims, err := parseBearer(r) // jwt.ParseWithClaims inside\n" +
			"\tif err != nil {\n" +
			"\t\thttp.Error(w, \"unauthorized\", http.StatusUnauthorized)\n" +
			"\t\treturn\n" +
			"\t}\n" +
			"\tstore.DeleteUser(r.PathValue(\"id\")) // any valid token may delete any user\n" +
			"}\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"\tif !claims.HasScope(\"users:delete\") {\n" +
			"\t\thttp.Error(w, \"forbidden\", http.StatusForbidden)\n" +
			"\t\treturn\n" +
			"\t}\n" +
			"\tstore.DeleteUser(r.PathValue(\"id\"))\n" +
			"```\n\n" +
			"or register the handler behind an authorizing middleware, e.g. " +
			"`mux.Handle(\"DELETE /users/{id}\", requireScope(\"users:delete\", http.HandlerFunc(deleteUser)))`.\n\n" +
			"Authorization is recognised in the handler, in the functions it calls (followed across packages) and in " +
			"the middleware it is registered under: reading claims or fields named `scope`, `scp`, `scopes`, " +
			"`permissions`, `roles`, `groups` or `admin` in a condition (not the audience: `jwt.WithAudience` or an `aud` " +
			"check says which API a token is for, which every caller of the API passes alike); calls named like `hasScope`, " +
			"`requireScope`, `authorize`, `can`, `checkPermission`, `enforce`, `requireRole`; Casbin, OPA and other " +
			"policy engines; a required scope passed to a token introspection; a branch that rejects the request on a " +
			"boolean field or method of the authenticated caller (`account.Owner`, `user.IsStaff()`, whatever its name; " +
			"not a validity flag such as `Verified` or `Expired`, and not a branch that only logs), including one in " +
			"the helper that authenticated. Functions and middleware listed in " +
			"`-authz-funcs` count too.\n\n" +
			"**Left alone on purpose**: handlers that read the caller through a helper that returns the caller a middleware " +
			"stored in the request context and parses the token itself only when none was stored (`if v, ok := c.Get(\"claims\"); ok " +
			"{ return … }`): behind that middleware the handler authenticates nothing, and it is judged where it is registered " +
			"(`scopecheck/route`); handlers that do no authentication at all (public endpoints are not this " +
			"rule's business, and a credential read and passed to a call or used as a map key authenticates only " +
			"when the result decides what the handler does next, so `i18n.T(r.Header.Get(\"Authorization\"))` is " +
			"no check); login, token, OAuth2 callback and session endpoints (they sign tokens, set cookies, " +
			"exchange codes or answer OAuth2 requests); webhooks checked with an HMAC signature; handlers that only " +
			"work on the caller's own resources (the token's subject or user id compared with the resource owner or " +
			"used to select the data: authorization by ownership); handlers checked against a credential fixed by " +
			"configuration (a single admin or API key, a password from the configuration, a configured set of keys, also when each key maps to its kind such as `map[string]KeyKind` and the check sits in a helper given the key), " +
			"which has one principal and is the access decision itself; " +
			"a key looked up among the keys a resource keeps, the lookup returning that resource (a project's API " +
			"keys: holding one is the permission to act on that project); " +
			"handlers that only answer (whoami, token checks) without touching application state; middleware " +
			"itself, whose verdict is given at the routes it wraps (`scopecheck/route`).",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-285", "CWE-862"},
		SecuritySeverity: 7.5,
		Precision:        finding.PrecisionMedium,
	},
	{
		ID:    "scopecheck/route",
		Short: "route registered behind an authenticating middleware with no authorizing one",
		Full: "A route is registered (http.Handle, ServeMux with Go 1.22 patterns, chi, gorilla/mux, gin, echo, fiber, httprouter or fasthttp) " +
			"under a middleware that authenticates the caller, through the router's Use, a chi With/Group/Route, " +
			"a gin, echo or fiber group, or by wrapping the handler or the whole router, but neither a middleware on the " +
			"route nor its handler checks scopes, roles, permissions or ownership. Every holder of a valid token may " +
			"call it. The same holds for handlers in a project's own shape (func(w, r, user), " +
			"func(deps, webContext), func(ctx, req) (resp, error)) served through the project's own adapter, " +
			"for handlers wrapped in a type whose ServeHTTP authenticates (&Auth{Next: h}), for routes listed in " +
			"a table and registered in a loop (reported at the table entry), and for the methods of a gRPC service " +
			"served behind an authenticating interceptor (reported at the method).",
		Help: "An authenticating middleware proves the caller has a valid credential; it does not decide what the " +
			"caller may do.\n\n" +
			"**Bad**\n\n" +
			"```go\n" +
			"r := chi.NewRouter()\n" +
			"r.Use(auth.Verify) // validates the JWT\n" +
			"r.Delete(\"/users/{id}\", h.DeleteUser) // any valid token may delete any user\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"r.Use(auth.Verify)\n" +
			"r.With(auth.RequireScope(\"users:delete\")).Delete(\"/users/{id}\", h.DeleteUser)\n" +
			"```\n\n" +
			"Middleware are judged from their bodies (facts cross packages), from well-known libraries " +
			"(jwtauth, go-jwt-middleware, echo-jwt, echo KeyAuth/BasicAuth, gin BasicAuth, Casbin middlewares) and, " +
			"for code scopecheck cannot see, from their names; `-authn-funcs` and `-authz-funcs` teach it in-house " +
			"ones. A middleware held in a struct field (a router helper's `AuthMiddleware` used by another package) is " +
			"judged by every value its own package assigns to the field, across packages, and only by its name when no " +
			"value is in sight; a module's own comparison helper (`EqString(a, b)` returning " +
			"`subtle.ConstantTimeCompare(...) == 1`) counts as the comparison it wraps, so basic auth against the one " +
			"configured account through it is the access decision. " +
			"A middleware factory given a required scope, role or permission argument counts as authorizing. " +
			"A middleware handed in as a parameter of an unexported registration function is judged by the arguments the package's callers pass " +
			"(it authorizes when every one does); of an exported one, whose callers are out of sight, it is unknown and not reported. " +
			"A middleware authenticates only if it rejects a request with no or a bad credential (aborts, writes a 4xx, " +
			"returns an error, or returns before calling the next handler); one that only stores the user when a token " +
			"parses (optional authentication) leaves the routes under it public, until a later middleware rejects " +
			"requests with no user stored in the request context (a `MustUser`), which then authenticates them. " +
			"A project's own adapter (a function returning a handler that calls a function-typed parameter, such as " +
			"shiori's `ToHTTPHandler(deps, h, mws...)`) is a middleware for the endpoint it is given, followed " +
			"across packages; an endpoint that authenticates itself by calling a helper that rejects requests with " +
			"no logged-in caller in the project's own request context (`RequireLoggedInUser(deps, c)`) is judged " +
			"at its registration. gRPC: `RegisterXServer(s, impl)` serves impl's methods behind the interceptors " +
			"given to `grpc.NewServer` (unary interceptors for unary methods, stream interceptors for streaming ones), " +
			"also when impl's type is in another package of the module than the registration (judged by its facts).\n\n" +
			"**Left alone on purpose**: routes whose handler authorizes or works only on the caller's own resources (comparing the authenticated Basic auth user with the user name the configuration fixes authorizes: only that account passes; the owner field of a record the request names, `j.TenantID` after `j := jobs.Get(r.PathValue(\"id\"))`, is the resource's owner, so handing it on scopes nothing, while comparing it with the caller is the ownership check; a store method that keeps only the records of the owner it is given, `List(tenant)`, is the handler's ownership check only where the handler passes the caller's identity, not a value the request supplies, even with the caller's as a default); " +
			"handlers comparing the presented credential with a secret kept on the record the request names (a job's callback token), a capability for that one record; " +
			"handlers looking the credential up together with the resource the path names (a repository's sync token, `GetEmailByToken(repoID, token)`, also through a helper of the package given the path's value: a token of another resource finds nothing); " +
			"login, token and callback endpoints (a handler reading the `grant_type` of the request it serves is an OAuth 2.0 token endpoint, whatever its grant handlers); endpoints that do no work (whoami) and monitoring routes (health, " +
			"readiness, version, metrics, status); routes under a middleware checking a credential fixed by " +
			"configuration (chi's or gin's BasicAuth with configured accounts, one API key from the environment, an echo KeyAuth or BasicAuth validator of the package, or written in place, comparing the key with one configured key), " +
			"which is the access decision; routes with no authenticating middleware (a middleware that only checks an anti-forgery token, " +
			"X-CSRF-Token or a csrf form field or cookie, proves where the request came from, not who sent it); handlers whose only work is " +
			"the caller's own session (a logout), a file at a path the program fixes (the page shell of a single-page app) or " +
			"the service's configuration; handlers that authenticate themselves (reported by `scopecheck/handler` " +
			"instead); sub-routers mounted as a whole (their routes are judged where they are registered); read routes " +
			"(GET, HEAD) of a path prefix whose writes are registered on a sibling group with the same prefix behind " +
			"an authorizing middleware (reading open to every logged-in user is then a decided policy), and read routes " +
			"of endpoints that authenticate themselves beside write routes of the same resource whose handlers " +
			"authorize (the handler chose \"any logged-in user\" where its siblings chose a role); endpoints calling " +
			"a service interface method named for issuing a token (`CreateTokenForAccount`, `NewSessionToken`); routes to " +
			"handlers of a package of the module that was not analysed (no facts: unknown, not reported); handlers that " +
			"hand the request context to service code out of sight (an interface of the module implemented outside its " +
			"package, such as a data store, where the module reads the caller back from a context: the service may " +
			"authorize, unknown, not reported); routes served by a reverse proxy (`httputil.ReverseProxy`), which forwards the request to a service that decides out of sight (unknown, not reported); WebSocket endpoints that only answer the connection's own frames; process telemetry served by an observability library (`promhttp.Handler`, `expvar`, `net/http/pprof`); a web UI's assets served by `http.FileServer` from an `embed.FS` or a directory named as assets (`assets`, `static`, `dist`…), the same files to every caller; calls " +
			"of another module's pure value functions (`null.StringFrom`: plain values in and out, no error) and of codecs (mapstructure, YAML, TOML, msgpack, protobuf encodings), which are no work; " +
			"a lookup given the request's credential that returns what it found (`flags.ForKey(m, apiKey)`, `store.UserByToken(tok)`) is the authentication, not work: what the handler then does with it is judged on its own.",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-285", "CWE-862"},
		SecuritySeverity: 7.5,
		Precision:        finding.PrecisionMedium,
	},
	{
		ID:    "scopecheck/broad-scope",
		Short: "OAuth2 client requests an all-powerful scope",
		Full: "An oauth2.Config, clientcredentials.Config or Google credentials call requests a scope that grants " +
			"everything an account or organisation can do (`*`, `admin`, GitHub `repo`, Google `cloud-platform`, " +
			"full Drive or Gmail, Microsoft Graph directory write). A leaked or stolen token then has no limit, and " +
			"users are asked to consent to far more than the application uses. Providers ask for least privilege.",
		Help: "Request the narrowest scopes the client needs.\n\n" +
			"**Bad**\n\n" +
			"```go\n" +
			"conf := &oauth2.Config{\n" +
			"\tClientID: id, ClientSecret: secret, Endpoint: github.Endpoint,\n" +
			"\tScopes: []string{\"repo\"}, // full control of every private repository\n" +
			"}\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"\tScopes: []string{\"read:user\", \"public_repo\"},\n" +
			"```\n\n" +
			"The list is configurable: `-broad-scopes=scope1,scope2` adds scopes, `-broad-scopes=-repo` removes one. " +
			"Wildcards such as `orders:*` are reported too.\n\n" +
			"**Left alone on purpose**: scopes built at run time (only constants are checked), and narrow scopes.",
		Level:            finding.LevelNote,
		CWE:              []string{"CWE-250", "CWE-272"},
		SecuritySeverity: 4.0,
		Precision:        finding.PrecisionHigh,
	},
}
