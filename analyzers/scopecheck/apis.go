package scopecheck

import (
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/webfw"
)

// This file holds what scopecheck knows about libraries: which calls
// validate a credential, which make an access decision, which issue
// credentials, which belong to a web framework and which do no work.
// Everything is matched by package path and name, never by syntax.

const (
	pkgHTTP = "net/http"
	pkgGin  = "github.com/gin-gonic/gin"
	pkgMux  = "github.com/gorilla/mux"
	// pkgHTTPRouter and pkgFastHTTP's router are the routers of
	// julienschmidt/httprouter and valyala/fasthttp services.
	pkgHTTPRouter   = "github.com/julienschmidt/httprouter"
	pkgFastHTTP     = "github.com/valyala/fasthttp"
	pkgFastRouter   = "github.com/fasthttp/router"
	pkgGRPC         = "google.golang.org/grpc"
	pkgGRPCMetadata = "google.golang.org/grpc/metadata"
	pkgOAuth2       = "golang.org/x/oauth2"
	pkgCCreds       = "golang.org/x/oauth2/clientcredentials"
	pkgContext      = "context"

	pkgGorillaContext = "github.com/gorilla/context"
)

// funcPath returns the package path of fn, or "".
func funcPath(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	return fn.Pkg().Path()
}

// recvName returns the name of fn's receiver type, without pointer, or
// "" for a function.
func recvName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		return t.Obj().Name()
	case *types.Interface:
		return ""
	}
	return ""
}

// shortName writes fn as a reader knows it: "jwt.Parse",
// "IDTokenVerifier.Verify", "store.Lookup" (receiver type for methods).
func shortName(fn *types.Func) string {
	if r := recvName(fn); r != "" {
		return r + "." + fn.Name()
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// qualifiedNames are the names under which a user may list fn in
// -authz-funcs and -authn-funcs: "Name", "pkg.Name", "Type.Name",
// "pkgpath.Name" and "pkgpath.Type.Name".
func qualifiedNames(fn *types.Func) []string {
	names := []string{fn.Name()}
	r := recvName(fn)
	if r != "" {
		names = append(names, r+"."+fn.Name())
	}
	if fn.Pkg() != nil {
		p := fn.Pkg()
		if r != "" {
			names = append(names, p.Name()+"."+r+"."+fn.Name(), p.Path()+"."+r+"."+fn.Name())
		} else {
			names = append(names, p.Name()+"."+fn.Name(), p.Path()+"."+fn.Name())
		}
	}
	return names
}

func isStdlib(path string) bool {
	if path == "" {
		return false
	}
	first := path
	if i := strings.IndexByte(path, '/'); i >= 0 {
		first = path[:i]
	}
	return !strings.Contains(first, ".")
}

func hasPathPrefix(path, prefix string) bool {
	// No prefix+"/": on a large module that concatenation was 7 % of all
	// the bytes a lint run allocated (pprof alloc_space).
	return strings.HasPrefix(path, prefix) && (len(path) == len(prefix) || path[len(prefix)] == '/')
}

func isJWTPath(path string) bool {
	return jwtlib.FamilyOf(path) == jwtlib.GolangJWT
}

func isEchoPath(path string) bool { return webfw.Echo(path) }

// isFiberPath reports whether path is gofiber/fiber's core package (v1
// to v3), not one of its middleware packages.
func isFiberPath(path string) bool {
	return path == "github.com/gofiber/fiber" || path == "github.com/gofiber/fiber/v2" || path == "github.com/gofiber/fiber/v3"
}

func isChiPath(path string) bool {
	return path == "github.com/go-chi/chi" || (strings.HasPrefix(path, "github.com/go-chi/chi/v") && !strings.Contains(path[len("github.com/go-chi/chi/v"):], "/"))
}

// verifier reports whether fn validates a credential by itself (a JWT
// parse, an OIDC verification, a token introspection) and names it.
func verifier(fn *types.Func) (string, bool) {
	path, name, recv := funcPath(fn), fn.Name(), recvName(fn)
	switch {
	case jwtlib.IsLibrary(path):
		// The project's JWT/JOSE/OIDC table says which calls verify.
		if f, ok := jwtlib.Classify(fn); ok && f.Role == jwtlib.Verify {
			if recv == "" || recv == "Parser" {
				return fn.Pkg().Name() + "." + name, true
			}
			return fn.Pkg().Name() + "." + recv + "." + name, true
		}
	case hasPathPrefix(path, "github.com/go-oauth2/oauth2"):
		if name == "ValidationBearerToken" || name == "LoadAccessToken" {
			return shortName(fn), true
		}
	case hasPathPrefix(path, "github.com/ory/fosite"):
		if name == "IntrospectToken" {
			return "fosite IntrospectToken", true
		}
	case hasPathPrefix(path, "firebase.google.com/go") && strings.HasSuffix(path, "/auth"):
		if strings.HasPrefix(name, "VerifyIDToken") || strings.HasPrefix(name, "VerifySessionCookie") {
			return "firebase auth." + name, true
		}
	case path == "google.golang.org/api/idtoken":
		if name == "Validate" {
			return "idtoken.Validate", true
		}
	case strings.Contains(path, "auth0/go-jwt-middleware"):
		if name == "ValidateToken" {
			return "validator.ValidateToken", true
		}
	case hasPathPrefix(path, "github.com/go-chi/jwtauth"):
		if name == "VerifyRequest" || name == "VerifyToken" || name == "Decode" {
			return "jwtauth." + name, true
		}
	case hasPathPrefix(path, "github.com/appleboy/gin-jwt"):
		if name == "ParseToken" || name == "GetClaimsFromJWT" || name == "CheckIfTokenExpire" {
			return "ginjwt." + name, true
		}
	}
	return "", false
}

// authzLibrary reports whether fn belongs to a policy engine or
// authorization service client: Casbin, OPA (rego), Ory Ladon and Keto,
// SpiceDB (authzed), Cerbos, OpenFGA, Permify, Oso.
func authzLibrary(fn *types.Func) (string, bool) {
	path, name := funcPath(fn), fn.Name()
	switch {
	case strings.Contains(path, "casbin"), hasPathPrefix(path, "github.com/gin-contrib/authz"):
		// Enforcer methods, and the Casbin middlewares of gin, echo and
		// chi (their constructors are named NewAuthorizer or Middleware).
		if strings.HasPrefix(name, "Enforce") || strings.HasPrefix(name, "BatchEnforce") || strings.HasPrefix(name, "Has") ||
			strings.Contains(name, "Middleware") || strings.Contains(name, "Authorizer") {
			return "casbin " + shortName(fn), true
		}
	case strings.Contains(path, "open-policy-agent/opa"):
		if name == "Eval" || name == "PrepareForEval" || name == "Decision" {
			return "OPA " + shortName(fn), true
		}
	case strings.Contains(path, "ory/ladon"), strings.Contains(path, "ory/keto"), strings.Contains(path, "authzed/authzed-go"),
		strings.Contains(path, "cerbos/cerbos-sdk-go"), strings.Contains(path, "openfga/go-sdk"), strings.Contains(path, "permify"),
		strings.Contains(path, "osohq/go-oso"):
		if strings.HasPrefix(name, "Check") || strings.HasPrefix(name, "IsAllowed") || name == "Authorize" || name == "Allow" || strings.HasPrefix(name, "Enforce") {
			return shortName(fn), true
		}
	}
	return "", false
}

// issuer reports whether fn issues a credential: a signed token, a
// session, an OAuth2 code exchange or an OAuth2 server response. A
// handler that does is a login, callback or token endpoint.
func issuer(fn *types.Func) (string, bool) {
	path, name, recv := funcPath(fn), fn.Name(), recvName(fn)
	switch {
	case isJWTPath(path):
		if name == "SignedString" || name == "NewWithClaims" {
			return "signs a JWT (" + shortName(fn) + ")", true
		}
	case jwtlib.FamilyOf(path) == jwtlib.JWX:
		if name == "Sign" {
			return "signs a JWT (" + shortName(fn) + ")", true
		}
	case jwtlib.FamilyOf(path) == jwtlib.GoJose:
		if name == "Signed" || name == "CompactSerialize" || name == "NewSigner" {
			return "signs a JWT (" + shortName(fn) + ")", true
		}
	case path == pkgOAuth2:
		if recv == "Config" && (name == "Exchange" || name == "PasswordCredentialsToken" || name == "DeviceAccessToken") {
			return "exchanges an OAuth2 grant (" + shortName(fn) + ")", true
		}
	case hasPathPrefix(path, "github.com/ory/fosite"):
		if (strings.HasPrefix(name, "New") || strings.HasPrefix(name, "Write")) && (strings.Contains(name, "Request") || strings.Contains(name, "Response")) {
			return "answers an OAuth2 request (fosite " + name + ")", true
		}
	case hasPathPrefix(path, "github.com/go-oauth2/oauth2"):
		if strings.HasPrefix(name, "Handle") || name == "ValidationTokenRequest" || name == "GetAccessToken" || name == "ValidationAuthorizeRequest" {
			return "answers an OAuth2 request (" + shortName(fn) + ")", true
		}
	case path == pkgHTTP:
		if name == "SetCookie" && recv == "" {
			return "sets a cookie (http.SetCookie)", true
		}
	case path == pkgGin, isEchoPath(path), isFiberPath(path):
		if name == "SetCookie" || (isFiberPath(path) && name == "Cookie" && recv == "Ctx") {
			return "sets a cookie (" + shortName(fn) + ")", true
		}
	case hasPathPrefix(path, "github.com/gorilla/sessions"), hasPathPrefix(path, "github.com/gin-contrib/sessions"),
		hasPathPrefix(path, "github.com/alexedwards/scs"):
		if name == "Save" || name == "RenewToken" || name == "Put" {
			return "saves a session (" + shortName(fn) + ")", true
		}
	case hasPathPrefix(path, "firebase.google.com/go"):
		if name == "CustomToken" || name == "SessionCookie" {
			return "issues a Firebase " + name, true
		}
	case hasPathPrefix(path, "github.com/appleboy/gin-jwt"):
		if name == "LoginHandler" || name == "RefreshHandler" || name == "TokenGenerator" {
			return "issues a token (" + shortName(fn) + ")", true
		}
	}
	return "", false
}

// authnMiddlewareLibrary reports whether fn makes or is a well-known
// authenticating middleware.
func authnMiddlewareLibrary(fn *types.Func) (string, bool) {
	path, name := funcPath(fn), fn.Name()
	switch {
	case hasPathPrefix(path, "github.com/go-chi/jwtauth"):
		if name == "Verifier" || name == "Verify" || name == "Authenticator" {
			return "jwtauth." + name, true
		}
	case strings.Contains(path, "auth0/go-jwt-middleware"):
		if name == "CheckJWT" || name == "New" || name == "Handler" {
			return "jwtmiddleware." + name, true
		}
	case strings.HasPrefix(path, "github.com/labstack/echo") && strings.HasSuffix(path, "/middleware"):
		if strings.HasPrefix(name, "JWT") || strings.HasPrefix(name, "KeyAuth") || strings.HasPrefix(name, "BasicAuth") {
			return "middleware." + name, true
		}
	case hasPathPrefix(path, "github.com/labstack/echo-jwt"):
		if name == "JWT" || name == "WithConfig" {
			return "echojwt." + name, true
		}
	case path == pkgGin:
		if strings.HasPrefix(name, "BasicAuth") {
			return "gin." + name, true
		}
	case strings.HasPrefix(path, "github.com/go-chi/chi") && strings.HasSuffix(path, "/middleware"):
		if name == "BasicAuth" {
			return "middleware.BasicAuth", true
		}
	case hasPathPrefix(path, "github.com/gofiber/contrib/jwt"), hasPathPrefix(path, "github.com/gofiber/jwt"),
		hasPathPrefix(path, "github.com/gofiber/contrib/v3/jwt"):
		if name == "New" {
			return "jwtware.New", true
		}
	case hasPathPrefix(path, "github.com/appleboy/gin-jwt"):
		if name == "MiddlewareFunc" {
			return "ginjwt.MiddlewareFunc", true
		}
	}
	return "", false
}

// fixedCredentialMiddleware reports whether fn makes a middleware
// that checks the caller against credentials fixed by configuration: a
// basic auth realm with a fixed map of users to passwords (chi's
// middleware.BasicAuth, gin.BasicAuth). Every account it admits has
// the same rights, so the check is the access decision. Middleware
// taking a validator function (echo's BasicAuth and KeyAuth) is judged
// by that function instead.
func fixedCredentialMiddleware(fn *types.Func) (string, bool) {
	path, name := funcPath(fn), fn.Name()
	switch {
	case path == pkgGin:
		if strings.HasPrefix(name, "BasicAuth") {
			return "the fixed accounts of gin." + name, true
		}
	case strings.HasPrefix(path, "github.com/go-chi/chi") && strings.HasSuffix(path, "/middleware"):
		if name == "BasicAuth" {
			return "the fixed accounts of middleware.BasicAuth", true
		}
	}
	return "", false
}

// isFramework reports whether calls into path only route, bind or
// render (web frameworks, validation): they are neither work nor
// authentication.
func isFramework(path string) bool {
	for _, p := range []string{
		pkgGin, "github.com/gin-contrib", pkgMux, "github.com/gorilla/schema", "github.com/gorilla/handlers",
		"github.com/julienschmidt/httprouter", "github.com/go-chi/render", "github.com/go-chi/cors",
		"github.com/go-playground/validator", "github.com/unrolled/render", "github.com/rs/cors", pkgGRPC,
	} {
		if hasPathPrefix(path, p) {
			return true
		}
	}
	return isEchoPath(path) || strings.HasPrefix(path, "github.com/labstack/echo") || strings.HasPrefix(path, "github.com/go-chi/chi") ||
		strings.HasPrefix(path, "github.com/gofiber/fiber") || isTransport(path)
}

// isNeutral reports whether calls into path are bookkeeping (logging,
// metrics, tracing, errors, ids, JSON and other codecs) rather than work.
func isNeutral(path string) bool {
	for _, p := range []string{
		"go.uber.org/zap", "github.com/sirupsen/logrus", "github.com/rs/zerolog", "github.com/go-kit/log",
		"github.com/go-kit/kit/log", "github.com/go-logr/logr", "github.com/apex/log", "github.com/hashicorp/go-hclog",
		"github.com/prometheus/client_golang", "go.opentelemetry.io", "github.com/opentracing", "github.com/pkg/errors",
		"golang.org/x/xerrors", "github.com/google/uuid", "github.com/gofrs/uuid", "github.com/json-iterator/go",
		"github.com/goccy/go-json", "github.com/bytedance/sonic", "github.com/getsentry/sentry-go", "github.com/stretchr/testify",
		// Other codecs: they decode into and encode from values the
		// caller holds (mapstructure.Decode(event, &e)).
		"github.com/mitchellh/mapstructure", "github.com/go-viper/mapstructure", "gopkg.in/yaml.v2", "gopkg.in/yaml.v3",
		"sigs.k8s.io/yaml", "github.com/goccy/go-yaml", "github.com/BurntSushi/toml", "github.com/pelletier/go-toml",
		"github.com/vmihailenco/msgpack", "google.golang.org/protobuf/encoding", "github.com/fxamacker/cbor",
	} {
		if hasPathPrefix(path, p) {
			return true
		}
	}
	return false
}

// isAuthPackage reports whether path is an authentication or token
// library: calls into it are credential handling, never work.
func isAuthPackage(path string) bool {
	if jwtlib.IsLibrary(path) {
		return true
	}
	for _, p := range []string{
		pkgOAuth2, "github.com/ory/fosite", "github.com/go-oauth2/oauth2",
		"firebase.google.com/go", "google.golang.org/api/idtoken", "golang.org/x/crypto", "github.com/auth0/go-jwt-middleware",
		"github.com/go-chi/jwtauth", "github.com/MicahParks/keyfunc", "github.com/appleboy/gin-jwt", "github.com/labstack/echo-jwt",
		"github.com/gorilla/sessions", "github.com/gorilla/securecookie", "github.com/gorilla/csrf", "github.com/alexedwards/scs",
		"github.com/zitadel/oidc", "github.com/markbates/goth",
	} {
		if hasPathPrefix(path, p) {
			return true
		}
	}
	return false
}

// stdlibWork reports whether a standard-library call reads or changes
// application state: SQL, files, processes.
func stdlibWork(fn *types.Func) bool {
	path, name := funcPath(fn), fn.Name()
	switch path {
	case "database/sql":
		switch name {
		case "Close", "Ping", "PingContext", "SetMaxOpenConns", "SetMaxIdleConns", "SetConnMaxLifetime", "Stats", "Err", "Scan", "Next", "Columns":
			return false
		}
		return true
	case "os":
		switch name {
		case "Remove", "RemoveAll", "WriteFile", "Create", "Rename", "Mkdir", "MkdirAll", "OpenFile", "Truncate", "Chmod",
			"Chown", "Symlink", "Link", "ReadFile", "Open", "ReadDir":
			return true
		}
	case "os/exec":
		return name == "Command" || name == "CommandContext"
	}
	return false
}

// Name hints. A name is never a verdict on its own where a body or a
// fact is available; it teaches scopecheck about code it cannot see.

// strongAuthzWords say on their own that a function makes an access
// decision.
var strongAuthzWords = map[string]bool{
	"authorize": true, "authorized": true, "authorizer": true, "authz": true, "authorise": true, "authorised": true,
	"permitted": true, "rbac": true, "abac": true, "acl": true, "acls": true, "enforce": true, "enforcer": true,
	"forbidden": true, "forbid": true,
}

// weakAuthzWords say so only beside a verb (hasScope, RequireRole,
// isAdmin, AdminOnly): alone they name gorm scopes, retry policies and
// admin clients.
// tenancyNouns name what a caller is a member of.
var tenancyNouns = map[string]bool{
	"team": true, "teams": true, "org": true, "orgs": true, "organization": true, "organisation": true,
	"group": true, "groups": true, "workspace": true, "project": true, "tenant": true, "account": true,
	"channel": true, "room": true, "space": true,
}

var weakAuthzWords = map[string]bool{
	"permission": true, "permissions": true, "permit": true, "perm": true, "perms": true, "scope": true, "scopes": true,
	"role": true, "roles": true, "policy": true, "policies": true, "privilege": true, "privileges": true,
	"entitlement": true, "entitlements": true, "admin": true, "superuser": true, "allowed": true, "owner": true,
	"ownership": true, "access": true,
}

// corsWords mark names about CORS or HTTP methods, where "allowed" is
// not an access decision about the caller.
var corsWords = map[string]bool{"cors": true, "origin": true, "origins": true, "method": true, "methods": true, "header": true, "headers": true, "content": true, "host": true, "hosts": true, "ip": true, "ips": true}

var accessVerbs = map[string]bool{
	"check": true, "has": true, "have": true, "verify": true, "require": true, "requires": true, "required": true,
	"ensure": true, "can": true, "deny": true, "must": true, "validate": true, "is": true, "assert": true, "only": true,
	"allowed": true, "granted": true, "grant": true, "owns": true, "allow": true, "allows": true, "need": true, "needs": true,
	"matches": true, "match": true, "contains": true,
}

// authzNameHint reports whether a function or method name says it makes
// an access decision: hasScope, requireScope, authorize, can, CanEdit,
// checkPermission, enforce, RequireRole, IsAdmin, AdminOnly, checkAccess.
func authzNameHint(name string) bool {
	w := credname.Words(name)
	if len(w) == 0 {
		return false
	}
	for _, x := range w {
		if corsWords[x] {
			return false
		}
	}
	if w[0] == "can" || w[0] == "may" {
		return true
	}
	if (w[0] == "in" || w[0] == "belongs" || w[0] == "is" && len(w) >= 3 && w[1] == "in") && len(w) >= 2 && tenancyNouns[w[len(w)-1]] {
		// A membership test: s.InTeam(teamID), u.BelongsToOrg(id),
		// IsInWorkspace(ws): whether the caller may act in the tenant
		// the request names.
		return true
	}
	verb, weak := false, false
	for _, x := range w {
		if strongAuthzWords[x] {
			return true
		}
		switch x {
		case "token", "jwt", "key", "apikey", "password", "session", "cookie", "credential", "credentials", "header":
			// ValidateAccessToken, CheckAPIKey: authentication words.
			return false
		}
		if accessVerbs[x] {
			verb = true
		}
		if weakAuthzWords[x] {
			weak = true
		}
	}
	// "access" and "allowed" double as verbs; they need another word.
	return verb && weak && len(w) > 1
}

// authzFuncHint is authzNameHint for a function whose signature is
// known. A name saying only "can" or "may" (canRetry, mayExecute) makes
// an access decision about someone or something: the function must
// take an argument or be a method of a value standing for the caller
// (user.CanEdit()). A sync.Once-like mayExecute() is not one.
func authzFuncHint(fn *types.Func) bool {
	if !authzNameHint(fn.Name()) {
		return false
	}
	w := credname.Words(fn.Name())
	for _, x := range w {
		if strongAuthzWords[x] || weakAuthzWords[x] {
			return true
		}
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return true
	}
	return sig.Params().Len() > 0 || userLike(recvName(fn))
}

var authnNouns = map[string]bool{
	"token": true, "jwt": true, "bearer": true, "apikey": true, "key": true, "credential": true, "credentials": true,
	"creds": true, "session": true, "cookie": true, "password": true, "signature": false, "idtoken": true, "accesstoken": true,
	"user": true, "caller": true, "request": true, "claims": true, "principal": true,
}

var authnVerbs = map[string]bool{
	"verify": true, "validate": true, "parse": true, "check": true, "introspect": true, "lookup": true, "decode": true,
	"authenticate": true, "auth": true,
}

// loginFlowWords follow "auth" in the names of login-flow records.
var loginFlowWords = map[string]bool{"request": true, "req": true, "requests": true, "flow": true, "challenge": true}

// flowCodeWords end the names of checks of a login or device flow's
// one-time codes (ValidateUserCode, VerifyDeviceCode, CheckOTP): the
// person is proving a step of the flow, not an API caller its identity.
var flowCodeWords = map[string]bool{"code": true, "otp": true, "totp": true, "hotp": true}

// authnCallHint reports whether a function name says it validates a
// credential: authenticate, verifyToken, ValidateAPIKey, parseJWT.
func authnCallHint(name string) bool {
	w := credname.Words(name)
	if len(w) > 1 && flowCodeWords[w[len(w)-1]] {
		return false
	}
	hasVerb, hasNoun := false, false
	// parseOnly and keyOnly: every verb parses or decodes and every noun
	// is a bare "key" (ParseKey, DecodeKey): the call reads a
	// cryptographic key (a peer's public key, a configured key) into a
	// value; it checks no caller. ParseAPIKey, VerifyKey and
	// ParseToken still count.
	parseOnly, keyOnly := true, true
	for i, x := range w {
		switch x {
		case "authenticate", "authenticated", "authn", "authenticator":
			return true
		}
		if x == "auth" && i+1 < len(w) && loginFlowWords[w[i+1]] {
			// GetAuthRequest, LoadAuthFlow: the record of a login in
			// progress (an OAuth authorization request, a device or
			// consent challenge), looked up by the id the browser
			// carries. The caller is not authenticated yet; the
			// handler is a step of the login flow.
			continue
		}
		if authnVerbs[x] {
			hasVerb = true
			if x != "parse" && x != "decode" {
				parseOnly = false
			}
		}
		apiKey := x == "key" && i > 0 && w[i-1] == "api"
		if authnNouns[x] || apiKey {
			hasNoun = true
			if x != "key" || apiKey {
				keyOnly = false
			}
		}
	}
	return hasVerb && hasNoun && !(parseOnly && keyOnly) && !authzNameHint(name)
}

// authenticatorWords end the names of types that are an authenticator
// itself (webauthn.WebAuthn, an Authenticator), not a checked caller.
var authenticatorWords = map[string]bool{"authn": true, "authenticator": true}

// returnsAuthenticator reports whether fn's first result is a value of
// a named type whose own name ends in an authenticator word (a getter
// or constructor: Dep.WebAuthn(ctx) (*webauthn.WebAuthn, error),
// NewAuthenticator(cfg) *Authenticator). Such a call hands out the
// authenticator, configured and unused; it checks no caller, whatever
// its name says. A check that returns the caller it found
// (Authenticate(ctx, tok) (*AuthenticatedUser, error)) names its
// result for the caller, not the authenticator, and still counts.
func returnsAuthenticator(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return false
	}
	t := types.Unalias(sig.Results().At(0).Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	w := credname.Words(n.Obj().Name())
	return len(w) > 0 && authenticatorWords[w[len(w)-1]]
}

var authnMiddlewareWords = map[string]bool{
	"auth": true, "authenticate": true, "authenticated": true, "authentication": true, "authn": true, "authenticator": true,
	"jwt": true, "bearer": true, "apikey": true, "token": true, "oidc": true, "oauth": true, "oauth2": true, "login": true,
	"verifier": true, "session": true, "basicauth": true, "protected": true, "protect": true, "signin": true,
}

// authnMiddlewareHint reports whether the name of a middleware says it
// authenticates: Auth, RequireAuth, JWTMiddleware, APIKeyAuth,
// LoginRequired, Verifier.
func authnMiddlewareHint(name string) bool {
	if csrfName(name) {
		return false
	}
	w := credname.Words(name)
	if len(w) > 1 && otherConcernWords[w[len(w)-1]] {
		// authBodyLimit, authRateLimiter, authLogger: the head noun
		// says what the middleware does, for the auth routes.
		return false
	}
	for i, x := range w {
		if authnMiddlewareWords[x] {
			return true
		}
		if x == "key" && i > 0 && w[i-1] == "api" {
			return true
		}
	}
	return false
}

// otherConcernWords end the names of middleware that do something else
// than authenticate, whatever word comes first: a body-size or rate
// limit, logging, CORS, caching, compression, timeouts, recovery,
// tracing, metrics.
var otherConcernWords = map[string]bool{
	"limit": true, "limiter": true, "limits": true, "size": true, "log": true, "logger": true, "logging": true,
	"cors": true, "cache": true, "gzip": true, "compress": true, "compression": true, "timeout": true,
	"recover": true, "recovery": true, "trace": true, "tracing": true, "tracer": true, "metrics": true,
}

// authzFieldWords are the names of claims and fields whose reading in a
// condition is an access decision. The audience is not one of them: it
// names the API a token was issued for, and checking it (a claim read in
// a condition, jwt.WithAudience, an OIDC ClientID) is part of validating
// the token, which every caller of the API passes alike.
var authzFieldWords = map[string]bool{
	"scope": true, "scopes": true, "scp": true, "permission": true, "permissions": true, "perm": true, "perms": true,
	"role": true, "roles": true, "groups": true, "admin": true,
	"superuser": true, "privilege": true, "privileges": true, "entitlement": true, "entitlements": true,
	"authorities": true, "acl": true, "rbac": true,
}

// authzFieldName reports whether a field, claim key or getter name is
// about scopes, roles, permissions or groups.
func authzFieldName(name string) bool {
	for _, x := range credname.Words(name) {
		if authzFieldWords[x] {
			return true
		}
	}
	return false
}

// authzParamName reports whether a parameter name receives a required
// scope, role or permission.
func authzParamName(name string) bool {
	for _, x := range credname.Words(name) {
		switch x {
		case "scope", "scopes", "role", "roles", "permission", "permissions", "perm", "perms", "privilege", "privileges":
			return true
		}
	}
	return false
}

// identityName reports whether a field, claim or getter names the
// caller's identity (subject, user id, owner, tenant). generic reports
// names such as "ID" that say so only on a user-like value.
func identityName(name string) (ok, generic bool) {
	w := credname.Words(name)
	if len(w) > 0 && w[0] == "get" {
		w = w[1:]
	}
	if len(w) == 0 {
		return false, false
	}
	last := w[len(w)-1]
	switch strings.Join(w, "") {
	case "sub", "subject", "userid", "uid", "ownerid", "owner", "accountid", "tenantid", "orgid", "organizationid",
		"customerid", "username", "email", "login", "memberid", "principalid", "callerid":
		return true, false
	case "id":
		return true, true
	}
	if len(w) >= 2 && last == "id" {
		switch w[len(w)-2] {
		case "user", "owner", "account", "tenant", "org", "customer", "member", "principal", "caller":
			return true, false
		}
		// The id of what the caller belongs to, by another word
		// (MerchantID, TeamID, WorkspaceID, ProjectID): the caller's
		// when read from the caller (claims.MerchantID), not from a
		// record (payment.MerchantID), as a bare id is.
		return true, true
	}
	return false, false
}

// userLike reports whether a variable or type name denotes the caller:
// user, claims, principal, session, identity, account, current user.
func userLike(name string) bool {
	for _, x := range credname.Words(name) {
		switch x {
		case "user", "claims", "principal", "caller", "identity", "subject", "session", "account", "me", "current", "member", "customer", "token", "auth":
			return true
		}
	}
	return false
}

// issuerCallHint returns a description when fn, a function scopecheck
// cannot see (an interface method, another module), is named for
// issuing a credential: CreateTokenForAccount, IssueToken,
// GenerateJWT, NewSession, RefreshToken. A handler calling it is a
// login or token endpoint. Names are the only hint there is for code
// behind an interface.
func issuerCallHint(fn *types.Func) string {
	verb, noun := false, false
	for _, w := range credname.Words(fn.Name()) {
		switch w {
		case "create", "issue", "generate", "gen", "mint", "sign", "new", "refresh", "renew":
			verb = true
		case "token", "tokens", "jwt", "session", "cookie":
			noun = true
		}
	}
	if verb && noun {
		return "issues a credential (" + shortName(fn) + ")"
	}
	return ""
}
