package scopecheck_test

import (
	"strings"
	"testing"

	"github.com/authvet/authvet/analyzers/scopecheck"
	"github.com/authvet/authvet/internal/finding"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAnalyzer runs every fixture that needs no flag in one load, to
// keep the test fast: basic (net/http handlers), routes (chi, ServeMux,
// gorilla/mux, gin, echo registrations), public (login, callback,
// webhook, whoami), broad (OAuth2 scopes), inhouse (name hints) and
// recall (the route shapes of real services: Go 1.22 method patterns,
// server-struct methods in http.HandlerFunc, inline closures, chi With,
// Group and Route blocks, httprouter and fasthttp), gating (a credential
// passed to a call counts only when the result decides), fiberroutes
// (fiber groups, Use and Route), echov5 (*echo.Context handlers) and
// websocket (an upgraded connection answering its own frames is no work).
func TestAnalyzer(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "basic", "routes", "public", "broad", "inhouse", "fixedcred", "recall", "gating", "fiberroutes", "echov5", "optionalauth", "roleflag", "readsplit", "csrf", "nonwork", "websocket", "perroute", "gintyped", "parammw", "wsconn", "blind6rules", "gorillactx", "authaction", "twotier", "resourcekey", "copiedbasic", "staticfiles", "blind9rules", "mwfactory/authmw", "mwfactory/listener", "blind10rules/principal", "blind10rules/api", "keyparam")
	checkRules(t, results)
}

// checkRules checks that every category reported has valid rule
// metadata, and that every rule is reported by some fixture.
func checkRules(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	if _, err := finding.NewCatalogue(scopecheck.Rules); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, r := range scopecheck.Rules {
		if !strings.HasPrefix(r.ID, scopecheck.Analyzer.Name+"/") {
			t.Errorf("rule %s does not start with %s/", r.ID, scopecheck.Analyzer.Name)
		}
		known[r.ID] = true
	}
	seen := map[string]bool{}
	for _, res := range results {
		for _, d := range res.Diagnostics {
			id := scopecheck.Analyzer.Name + "/" + d.Category
			if !known[id] {
				t.Errorf("diagnostic with category %q has no rule: %s", d.Category, d.Message)
			}
			seen[id] = true
		}
	}
	for id := range known {
		if !seen[id] {
			t.Errorf("rule %s is never reported by the fixtures", id)
		}
	}
}

// TestCrossPackage is the realistic multi-package fixture: an API with
// an auth package (middleware, token parsing, an authorization helper),
// a store, handlers and a router, where every verdict rests on facts
// flowing between packages.
func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "example.com/shop/billing", "example.com/shop/handlers", "example.com/shop/catalog", "example.com/shop/router")
}

// setFlag sets an analyzer flag for one test and restores it after.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := scopecheck.Analyzer.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("no flag %s", name)
	}
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set("") })
}

// TestRoleFlagCrossPackage: a role flag checked in an exported helper
// of another package is credited, through its fact, to the handlers
// that call it; a helper that only logs the flag is not.
func TestRoleFlagCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "example.com/acct/session", "example.com/acct/api")
}

// TestStoredCallerFallback: a helper that returns the caller a
// middleware stored and parses the token only when none was stored
// does not make its callers handlers that authenticate themselves; one
// that always parses does.
func TestStoredCallerFallback(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "example.com/menu/claims", "example.com/menu/api")
}

// TestOwnConfigCheck: a function of another package that checks a
// token (an "authenticates" fact) authenticates a handler's caller only
// when it is given something of the request; checking the program's own
// client configuration is no such check.
func TestOwnConfigCheck(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "example.com/kube/kubecfg", "example.com/kube/api")
}

// TestTenantLookup: a lookup given the request's key (returning the
// record it found) is the authentication, not work; a codec filling a
// local is no work; a call given the key that returns only an error
// still is.
func TestTenantLookup(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "example.com/tenant/flags", "example.com/tenant/api")
}

func TestInhouseFlags(t *testing.T) {
	setFlag(t, "authz-funcs", "example.com/platform/acl.Gate")
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "inhouseflag")
}

func TestBroadScopesFlag(t *testing.T) {
	setFlag(t, "broad-scopes", "internal,-repo")
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "broadflag")
}

// TestFlowCodes: validating a one-time code of a login or device flow
// (user code, device code, OTP) is a step of the flow, not the
// authentication of an API caller.
func TestFlowCodes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "flowcode")
}

// TestNonWorkCrossPackage: a CSRF middleware, a logout of the caller's
// session and a fixed-path asset handler in one package, routed in
// another: the first exports no authenticating fact, the others no work
// fact, and a handler that does work behind the session middleware is
// still reported.
func TestNonWorkCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "example.com/web/ui", "example.com/web/routes")
}

// TestCSRFNotAuthn: CSRF protection (gorilla/csrf, nosurf, an in-house
// double-submit check) is not authentication; routes behind it alone are
// left alone, the same routes behind a real authenticating middleware
// are reported.
func TestCSRFNotAuthn(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "csrfmw")
}

// TestServiceLayerContext: handlers leaving the access decision to the
// service layer, which reads the caller from the request context. A
// service in sight is judged (an owner check credited; reading the
// caller and deciding nothing, or handing the store a fresh context,
// is no check); one out of sight (a data store implemented in a package
// the handlers do not import) makes the verdict unknown, through the
// package, a helper, a function of another package and, for routes
// registered in another package, DefersFact.
func TestServiceLayerContext(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "example.com/media/core", "example.com/media/api", "example.com/media/server")
}

// TestPreflight: OPTIONS registrations (chi's Options, a Go 1.22
// "OPTIONS /x" pattern) answer CORS preflights and are not reported;
// the same handler under DELETE or every method still is.
func TestPreflight(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "preflight")
}

// TestCtxNilVar: a rejecting condition that reads a variable declared
// without a value (var u *User, assigned later from the request
// context) is judged like any other; the declaration's missing value
// must not stop the analysis (it panicked on nakama's RpcFuncHttp).
func TestCtxNilVar(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "ctxnilvar")
}

// TestOwnToken: a verifier run on a token the program obtained for
// itself (an oauth2.Token from its own token source) authenticates no
// caller; the same verifier on the request's token does.
func TestOwnToken(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "owntoken")
}

// TestRuntimeCallback: the caller's identity handed to a function
// value looked up at run time (a module's hook, a registered RPC),
// whose answer decides, makes the verdict unknown; a hook not handed
// the caller, one whose answer is ignored and a function in sight are
// judged as before.
func TestRuntimeCallback(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "callback")
}

// TestOwnDecoder: the results of the module's own parser of a
// credential it is handed (computed from its parameter alone) are that
// credential: compared with the configured account, the check is the
// access decision; an account looked up in the store is still one
// caller of many.
func TestOwnDecoder(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "owndecoder")
}

// TestKeyHeader: a custom X-…-Key header carries the caller's key
// (credname.IsCredentialHeader), unless another word says which kind of
// key is no credential (idempotency, cache).
func TestKeyHeader(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "keyheader")
}

// TestAuthenticatorGetter: a call named for authentication that returns
// the authenticator itself (a passkey service's getter, a configured
// checker) checks no caller; a check returning the caller it found
// still authenticates.
func TestAuthenticatorGetter(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "authngetter")
}

// TestParseKey: parsing or decoding a bare key (a peer's public key, a
// configured key) checks no caller; parsing an API key or verifying a
// key still authenticates.
func TestParseKey(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "parsekey")
}

// TestDiscardedVerdict: a verifier whose error result is thrown away
// (a stored record's token decoded for display) authenticates no
// caller; the request's token with its error dropped but Valid
// checked, a stored token whose error is checked, and a helper handed
// the caller's token still do.
func TestDiscardedVerdict(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "discarded")
}

// TestFieldMiddlewareAndCompareHelper: a module's own comparison helper
// (CompareFact) is a comparison, so basic auth against the configured
// account through it is the access decision, and a middleware handed
// to route-registering code in a struct field is judged by the values
// its package assigns to the field (FieldMiddlewareFact). Near misses:
// the same helper comparing with a password looked up per user, a
// field that may hold either middleware, a field set by nobody in
// sight, helpers that are no equality.
func TestFieldMiddlewareAndCompareHelper(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "example.com/tunnel/cmp", "example.com/tunnel/netx", "example.com/tunnel/httpx", "example.com/tunnel/api")
}

// TestBasicUser: the Basic auth user name compared with the name the
// server's configuration fixes is an access decision; a name from a
// header or the query, a looked-up record and a comparison that decides
// nothing are not (basicuser.go).
func TestBasicUser(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "basicuser")
}

// TestOnePrincipal: many routes behind authentication whose handlers
// never ask who the caller is serve one principal (a panel of one
// administrator) and are not reported; one handler reading the caller,
// or a handful of routes, and every route is judged.
func TestOnePrincipal(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "onepanel", "manyusers", "fewroutes")
}

// TestResourceOwner: the owner field of a record the request names
// (j := jobs.Get(r.PathValue("id")); j.TenantID) is the resource's,
// not the caller's: handing it on scopes nothing (reported), comparing
// it with the caller is the ownership check, and a secret kept on that
// record compared with the presented credential is a capability for
// it (resourceowner).
func TestResourceOwner(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "resourceowner")
}

// TestKeyValidator: an echo KeyAuth or BasicAuth validator comparing the
// presented credential with one configured key is the access decision;
// one looking the key up among the accounts' keys is authentication
// only (keyvalidator).
func TestKeyValidator(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "keyvalidator")
}

// TestGrantParam: a handler reading the grant_type of the request it
// serves is an OAuth 2.0 token endpoint, public by design, even when its
// grant handlers are called through a map; the same client
// authentication in front of other work is still reported (grantparam).
func TestGrantParam(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "grantparam")
}

// TestOwnershipThroughParameter: a function scoping its work to the
// owner it is given (store.List(tenant), across packages by its fact,
// or the package's own helper) is the caller's ownership check only
// where the handler passes the caller's identity, not a value the
// request names (ownparam/store, ownparam/api).
func TestOwnershipThroughParameter(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "ownparam/store", "ownparam/api")
}

// TestBoundResource: a credential looked up together with the resource
// the path names (a repository's sync token) is checked against that
// resource, also through a helper given the path's value; a lookup of
// the token alone, or given a value the query names, is authentication
// only (boundres).
func TestBoundResource(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "boundres")
}

// TestBoundReceiver: a token checked by a method of the record the path
// names (loaded with the path's value, or handed to a callback by the
// call that loads it) is checked against that record; a record the
// query names, or a check by the server, is authentication only
// (boundrecv).
func TestBoundReceiver(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "boundrecv")
}

// TestDispatcher: a dispatcher's cases run one per request, so the
// authentication of one case's handler does not precede another case's
// work; authentication and work in one case, or authentication before
// the switch, are judged as before (dispatch).
func TestDispatcher(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "dispatch")
}
