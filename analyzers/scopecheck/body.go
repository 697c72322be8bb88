package scopecheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// scan computes the local summary of one function.
type scan struct {
	// undecided holds the expressions of conditions whose branches
	// only log (logshape.go): a role read there is no decision.
	undecided map[ast.Expr]bool
	// recordsAsCaller lets identityIn take a record's owner field for
	// an identity while a comparison is judged (compare.go).
	recordsAsCaller bool
	// fixedAuthz is a comparison with a configured key, an access
	// decision unless lookupAuthn says the function also looks the
	// credential up per caller (compare.go, summarize).
	fixedAuthz  string
	lookupAuthn bool
	a           *state
	fi          *fnInfo
	info        *types.Info
	taint       map[types.Object]string
	// hmac is true when the function computes an HMAC: its comparisons
	// are signature checks of a webhook, not credential checks.
	hmac bool
	// lookedUp holds map expressions indexed by a credential: reading
	// them is the credential lookup, not work.
	lookedUp map[ast.Expr]bool
	// own holds variables assigned from a lookup of the credential (the
	// session or token record): work on them is work on the caller's
	// own credential, such as a logout.
	own map[types.Object]bool
	// assigns holds the expressions assigned to each variable of the
	// outermost function around this one (fixed.go).
	assigns map[types.Object][]ast.Expr
	// ident holds variables holding the caller's identity, or a record
	// made for the caller (userID := auth.GetUserID(ctx);
	// app := Application{UserID: userID}).
	ident map[types.Object]string
	// parents maps the nodes of the body to their parents (gate.go).
	parents map[ast.Node]ast.Node
	// callsOnly makes rejects (reject.go) count rejecting calls only,
	// not returned errors.
	callsOnly bool
	// ctxAuthn is set when a branch rejects a request with no caller
	// stored in the request context (ctxcaller.go).
	ctxAuthn string
	// signedVia names a SignedOnly verifier the function passes a
	// credential to (signedonly.go).
	signedVia string
	// noRecv makes fixedKey not count a receiver as configuration
	// (fixedparam.go).
	noRecv bool
	// inFallback is set while a call made only when the request
	// context holds no caller is looked at (storedfallback.go).
	inFallback bool
}

// inspect walks the function's body. Nested literals are part of the
// function, except handler literals inside a function that does not
// make handlers: those are endpoints of their own (a route table
// registering closures), judged on their own.
func (s *scan) inspect(f func(ast.Node) bool) {
	ast.Inspect(s.fi.body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && lit != s.fi.lit && !s.a.nestedIsPart(s.fi, lit) {
			return false
		}
		return f(n)
	})
}

// nestedIsPart reports whether a literal nested in fi belongs to fi's
// behaviour.
func (st *state) nestedIsPart(fi *fnInfo, lit *ast.FuncLit) bool {
	sig, _ := st.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if signatureKind(sig) == notHandler {
		return true
	}
	return makesHandlers(fi.sig)
}

// makesHandlers reports whether sig returns a handler or a middleware.
func makesHandlers(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if isHandlerType(t) || isMWArgType(t) {
			return true
		}
	}
	return false
}

func (st *state) summarize(fi *fnInfo) {
	s := &scan{a: st, fi: fi, info: st.pass.TypesInfo, taint: map[types.Object]string{}, lookedUp: map[ast.Expr]bool{}, own: map[types.Object]bool{}, ident: map[types.Object]string{}}
	s.collectAssigns()
	fi.authn, fi.authz, fi.owns, fi.work, fi.issues, fi.credSrc, fi.callerSrc = "", "", "", "", "", "", ""
	fi.delegates, fi.setsCtx, fi.callees, fi.ctxCalls, fi.unknown = false, false, nil, nil, false
	fi.fallbackCalls, fi.fixedParams, fi.credArgs = nil, nil, nil
	fi.ownsParam, fi.identArgs = 0, nil
	fi.keyParams, fi.fixedArgs = nil, nil
	fi.verifies = ""
	s.inspect(func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, ok := typeutil.Callee(s.info, call).(*types.Func); ok && funcPath(fn) == "crypto/hmac" && fn.Name() == "New" {
				s.hmac = true
			}
		}
		return true
	})
	// Taint: iterate so that assignments in loops and out of order
	// settle; three rounds cover realistic helper chains.
	for range 3 {
		if !s.propagate() {
			break
		}
	}
	s.inspect(s.visit)
	if s.fixedAuthz != "" && !s.lookupAuthn {
		// A configured key that is the only way in. Beside a per-caller
		// lookup (scimgate's bootstrap token, else the tenant's SCIM
		// token from the store) it is one key among many callers',
		// whose rights still need checking.
		s.setAuthz(s.fixedAuthz)
	}
	fi.ctxCaller = s.readsCtxCaller()
	fi.asksCaller = s.asksCaller() // oneprincipal.go
	if s.ctxAuthn != "" && (fi.delegates || (fi.kind == notHandler && s.ctxAuthn == ownCtxAuthn)) {
		// A middleware rejecting requests with no stored caller, or a
		// helper rejecting them from the project's own request context
		// (RequireLoggedInUser(deps, c)): with no framework middleware
		// chain, the helper is where the request is turned away. A
		// helper reading gin's or echo's context sits behind the
		// framework's middleware, which is judged at the routes.
		s.setAuthn(s.ctxAuthn)
	}
	fi.rejectsAny = s.helperRejects()
	if s.signedVia != "" && fi.kind != notHandler && !s.storesForHandlers() {
		// A middleware whose verifier names no caller and which hands
		// nothing to the handlers authenticates one principal, the
		// holder of the signing key: the check is the decision.
		s.setAuthz("verification naming no caller (" + s.signedVia + " returns only an error): one principal, the key holder")
	}
	fi.optional = s.optionalAuthn()
	// A function returning a credential of the request is a credential
	// source for its callers.
	if fi.decl != nil {
		ast.Inspect(fi.body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) > 0 && fi.credSrc == "" {
				if w := s.cred(ret.Results[0]); w != "" {
					fi.credSrc = w
				}
			}
			if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) > 0 && fi.callerSrc == "" && fi.kind == notHandler {
				if d := s.identityIn(ret.Results[0]); d != "" {
					fi.callerSrc = d
				}
			}
			return true
		})
	}
}

// givenRequest reports whether call hands the callee something of the
// incoming request: the request or its framework context, a value of
// the request's (header, cookie, form: s.cred), a context.Context (which
// carries what a middleware stored), a basic value that is not a
// constant, or a receiver or argument of any type but client-go's
// configuration (a wrapper the program built around the request). A
// function that authenticates what it is given (a fact of its package)
// authenticates the caller only when it is given something of the
// caller's: loading
// the program's own kubeconfig and setting up its client transport
// (headlamp's LoadContextsFromAPIConfig, whose client-go authenticator
// checks the config's token) checks no caller.
func (s *scan) givenRequest(call *ast.CallExpr) bool {
	args := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if sl, ok := s.info.Selections[sel]; ok && sl.Kind() == types.MethodVal {
			args = append([]ast.Expr{sel.X}, args...)
		}
	}
	if len(args) == 0 {
		return true // a check of state the middleware set: judged as before
	}
	for _, a := range args {
		t := s.info.TypeOf(a)
		if t == nil || isRequestValue(t) || s.cred(a) != "" || isContext(t) || !plainConfig(t) {
			return true
		}
		if _, basic := t.Underlying().(*types.Basic); basic && s.info.Types[a].Value == nil {
			return true // a value of unknown origin (an id from the path)
		}
	}
	return false
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// plainConfig reports whether a value of type t cannot carry the
// incoming request: a basic value (judged by its origin above), or a
// client's own configuration (client-go's rest and transport configs,
// a kubeconfig), the only such types known here.
func plainConfig(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Basic); ok {
		return true
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	path := n.Obj().Pkg().Path()
	return strings.HasPrefix(path, "k8s.io/client-go/")
}

func (s *scan) setAuthn(d string) {
	if s.inFallback {
		return
	}
	if s.fi.authn == "" {
		s.fi.authn = d
	}
}

func (s *scan) setAuthz(d string) {
	if s.fi.authz == "" {
		s.fi.authz = d
	}
}

func (s *scan) setOwns(d string) {
	if s.fi.owns == "" {
		s.fi.owns = d
	}
}

func (s *scan) setWork(d string) {
	if s.fi.work == "" {
		s.fi.work = d
	}
}

func (s *scan) setIssues(d string) {
	if s.fi.issues == "" {
		s.fi.issues = d
	}
}

// rangeDecides reports whether the body of a loop over the caller's
// scopes, roles or permissions tests its elements: a comparison, a
// switch on them, or a call of a comparing or matching function
// (strings.EqualFold, slices.Contains, path.Match). A loop that only
// copies them (u.Permissions = append(u.Permissions, p), after a type
// assertion) decides nothing.
func (s *scan) rangeDecides(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			found = n.Op == token.EQL || n.Op == token.NEQ
		case *ast.SwitchStmt:
			found = n.Tag != nil || len(n.Body.List) > 0
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(s.info, n).(*types.Func); ok {
				switch p := funcPath(fn); {
				case isCompareFunc(fn):
					found = true
				case p == "strings" || p == "bytes" || p == "path" || p == "path/filepath" || p == "regexp" || p == "slices":
					switch fn.Name() {
					case "HasPrefix", "HasSuffix", "Contains", "EqualFold", "Match", "MatchString", "Index", "ContainsFunc", "IndexFunc":
						found = true
					}
				default:
					// A method or function of the program given the
					// element (p.Allows(action), matches(p, want)).
					found = p != "" && !isStdlib(p)
				}
			}
		}
		return !found
	})
	return found
}

// visit records the signals of one node.
func (s *scan) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		s.call(n)
	case *ast.BinaryExpr:
		if n.Op == token.EQL || n.Op == token.NEQ {
			s.compare(n, n.X, n.Y)
		}
	case *ast.IfStmt:
		if d := s.authzMention(n.Cond); d != "" {
			if s.onlyRecords(n.Body, n.Else) {
				// The comparisons of the condition decide nothing
				// either (compare.go).
				ast.Inspect(n.Cond, func(c ast.Node) bool {
					if e, ok := c.(ast.Expr); ok {
						if s.undecided == nil {
							s.undecided = map[ast.Expr]bool{}
						}
						s.undecided[e] = true
					}
					return true
				})
			} else {
				s.setAuthz(d)
			}
		}
		if d := s.roleFlagCheck(n.Cond, n.Body, n.Else); d != "" {
			s.setAuthz(d) // roleflag.go
		}
		if d := s.rejectsCallerKind(n.Cond, n.Body); d != "" {
			s.setAuthz(d) // ctxcaller.go
		} else if d := s.requiresCtxCaller(n.Cond, n.Body, n.Else); d != "" && s.ctxAuthn == "" {
			s.ctxAuthn = d // ctxcaller.go
		}
	case *ast.SwitchStmt:
		if n.Tag != nil {
			if d := s.authzMention(n.Tag); d != "" {
				s.setAuthz(d)
			}
		}
		for _, c := range n.Body.List {
			for _, e := range c.(*ast.CaseClause).List {
				if d := s.authzMention(e); d != "" {
					s.setAuthz(d)
				}
				if d := s.roleFlagCheck(e, c); d != "" {
					s.setAuthz(d)
				}
				cond := e
				if n.Tag != nil {
					cond = n.Tag // switch user { case nil: ... }
				}
				if d := s.requiresCtxCaller(cond, c); d != "" && s.ctxAuthn == "" {
					s.ctxAuthn = d
				}
			}
		}
	case *ast.RangeStmt:
		if d := s.authzMention(n.X); d != "" && s.rangeDecides(n.Body) {
			s.setAuthz(d)
		}
	case *ast.IndexExpr:
		if s.ownSlot(n.X, n.Index) {
			// The caller's slot of a connection registry: reading the
			// registry there is no work either (connstate.go).
			s.lookedUp[ast.Unparen(n.X)] = true
		}
		// State selected by the caller's identity is the caller's own:
		// s.profiles[claims.Subject].
		// The identity must be one the function obtained itself (from
		// the context, the claims): a data-layer method indexing by a
		// parameter's OwnerID is told whose data it is by its caller.
		if d := s.identityIn(n.Index); d != "" && s.bodyLocal(n.Index) && s.stateRead(ast.Unparen(n.X)) != "" {
			s.setOwns("selects " + exprString(n.X) + " by " + d)
		}
		if w := s.cred(n.Index); w != "" {
			if _, ok := s.info.TypeOf(n.X).Underlying().(*types.Map); ok && s.gates(n) {
				s.setAuthn("lookup of " + w + " in " + exprString(n.X))
				s.lookedUp[ast.Unparen(n.X)] = true
				fixedSet := s.fixedKeySet(n.X)
				if !fixedSet && !s.fixedKey(n.X, 0) {
					s.lookupAuthn = true // not a configured map
				}
				if fixedSet {
					// Membership in a configured set of keys says
					// nothing about who calls: it is the decision.
					s.setAuthz("membership in the configured key set " + exprString(n.X))
				}
			}
		} else if s.credParam(n.Index) && s.gates(n) && s.fixedKeySet(n.X) {
			// A helper given the key (Config.APIKeyExists(apiKey))
			// deciding by membership in the configured set: the
			// same decision, made for its callers (AuthorizesFact).
			s.setAuthz("membership in the configured key set " + exprString(n.X))
		}
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			if d := s.stateWrite(l); d != "" {
				s.setWork(d)
			}
		}
	case *ast.IncDecStmt:
		if d := s.stateWrite(n.X); d != "" {
			s.setWork(d)
		}
	case *ast.SelectorExpr, *ast.Ident:
		if d := s.stateRead(n.(ast.Expr)); d != "" {
			s.setWork(d)
		}
	}
	return true
}

// call records the signals of one call.
func (s *scan) call(call *ast.CallExpr) {
	if d := s.tokenRequestRead(call); d != "" {
		s.setIssues(d) // grantparam.go
	}
	// Delegation to the next handler makes a middleware.
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "ServeHTTP" && len(call.Args) == 2 {
		s.fi.delegates = true
	}
	obj := typeutil.Callee(s.info, call)
	if v, ok := obj.(*types.Var); ok && (isHandlerType(v.Type()) || s.a.adaptedVars[v] || s.isFuncReceiver(v)) {
		s.fi.delegates = true // the next handler, or the endpoint an adapter serves
		return
	}
	if v, ok := obj.(*types.Var); ok && s.runtimeCallback(call, v) {
		// The caller handed to code chosen at run time, whose answer
		// decides: unknown (callback.go).
		s.fi.unknown = true
		return
	}
	if b, ok := obj.(*types.Builtin); ok && b.Name() == "delete" && len(call.Args) > 0 {
		if len(call.Args) == 2 && s.ownSlot(call.Args[0], call.Args[1]) {
			s.lookedUp[ast.Unparen(call.Args[0])] = true // connstate.go
			return
		}
		if !s.local(call.Args[0]) && !s.connField(call.Args[0]) {
			s.setWork("deletes from " + exprString(call.Args[0]))
		}
		return
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return
	}
	// A call made only when no middleware stored the caller
	// authenticates nothing behind that middleware (storedfallback.go).
	s.inFallback = s.fallbackToStored(call)
	defer func() { s.inFallback = false }()
	if sig, ok := fn.Type().(*types.Signature); ok && isMiddlewareSig(sig) && !s.a.isMiddleware(s.fi) {
		// Building a middleware (requireScope("x", h)) wires routes; it
		// checks nothing in the function that builds it.
		return
	}
	path, name, recv := funcPath(fn), fn.Name(), recvName(fn)
	if path == pkgGin && recv == "Context" {
		switch name {
		case "Next":
			s.fi.delegates = true
		case "Set":
			s.fi.setsCtx = true
		}
	}
	if isEchoPath(path) && recv == "Context" && name == "Set" {
		s.fi.setsCtx = true
	}
	if isFiberPath(path) && recv == "Ctx" {
		switch {
		case name == "Next":
			s.fi.delegates = true
		case name == "Locals" && len(call.Args) == 2:
			s.fi.setsCtx = true
		}
	}
	if d, ok := verifier(fn); ok && !s.verifiesOwnToken(call) && !s.discardsVerdict(call) {
		s.setAuthn(d) // owntoken.go: not the program's own client token, nor a verdict thrown away
		if s.fi.verifies == "" && keyHolderVerifier(fn) {
			s.fi.verifies = d
		}
	}
	if d, ok := authnMiddlewareLibrary(fn); ok {
		s.setAuthn(d)
	}
	if d, ok := fixedCredentialMiddleware(fn); ok {
		s.setAuthz(d)
	}
	if d, ok := authzLibrary(fn); ok {
		s.setAuthz(d)
	}
	if d, ok := issuer(fn); ok {
		s.setIssues(d)
	}
	s.requiredArgs(fn, call)
	if s.a.cfg.authz.matches(fn) {
		s.setAuthz(shortName(fn))
	}
	if s.a.cfg.authn.matches(fn) {
		s.setAuthn(shortName(fn))
	}
	if authzFuncHint(fn) {
		s.setAuthz(shortName(fn))
	}

	// A credential handed to code outside the standard library is
	// validated or looked up there: store.Lookup(key), validate(tok).
	// The result must decide what happens next (gate.go): a credential
	// passed to a translation or a formatter is no check.
	passesCred := false
	if !s.a.std(fn) && !isFramework(path) && !isNeutral(path) && !s.hmac {
		for i, a := range call.Args {
			if w := s.cred(a); w != "" {
				passesCred = true
				if s.gates(call) {
					if s.a.byObj[fn] != nil && !s.inFallback {
						s.fi.credArgs = append(s.fi.credArgs, credArg{fn, i, s.recvFixed(call)}) // fixedparam.go
					}
					s.setAuthn("passes " + w + " to " + shortName(fn))
					s.boundLookup(fn, call, i) // boundres.go
					s.boundReceiver(fn, call)  // boundres.go
					s.lookupAuthn = s.lookupAuthn || s.perCallerLookup(fn)
					if d := s.resourceKey(fn, call); d != "" {
						s.setAuthz(d)
					}
					if v := s.signedOnlyCallee(fn); v != "" {
						s.signedVia = shortName(fn)
						if s.fi.verifies == "" {
							s.fi.verifies = v
						}
					}
				}
				break
			}
		}
	}

	// A method of an interface of an analyzed package whose
	// implementations authorize: a service checking the caller's
	// rights behind the interface the handler calls.
	if isAbstract(fn) && s.a.analyzed(fn) {
		var zf AuthorizesFact
		if s.a.pass.ImportObjectFact(fn, &zf) {
			if zf.Ownership {
				s.setOwns(shortName(fn) + " (" + zf.Check + ")")
			} else {
				s.setAuthz(shortName(fn) + " (" + zf.Check + ")")
			}
		}
	}
	s.noteContextCall(fn, call) // ctxdefer.go
	if leveledLogger(fn) {
		return // a record of what happened, not work (logshape.go)
	}
	local := s.a.byObj[fn]
	ownSession := s.ownReceiver(call, fn) != "" || s.principalReceiver(call) != "" // nonwork.go, principalrecv.go
	switch {
	case local != nil:
		s.fi.callees = append(s.fi.callees, fn)
		s.recordIdentArgs(fn, call) // ownparam.go
		s.recordPathArgs(fn, call)  // boundres.go
		s.recordCases(fn, call)     // dispatch.go
		if s.fi.fallbackCalls == nil {
			s.fi.fallbackCalls = map[*types.Func]bool{}
		}
		// True while every call of fn so far was a fallback; a call on
		// the main path makes it false for good.
		if _, seen := s.fi.fallbackCalls[fn]; !seen || !s.inFallback {
			s.fi.fallbackCalls[fn] = s.inFallback
		}
		if ownSession {
			if s.fi.sessionCalls == nil {
				s.fi.sessionCalls = map[*types.Func]bool{}
			}
			s.fi.sessionCalls[fn] = true
		}
	case !isAbstract(fn) && s.a.analyzed(fn):
		var af AuthenticatesFact
		if s.a.pass.ImportObjectFact(fn, &af) && s.givenRequest(call) {
			s.setAuthn(shortName(fn) + " (" + af.Check + ")")
			if d := s.passesAction(call); d != "" {
				s.setAuthz(shortName(fn) + " (" + d + ")") // action.go
			}
		}
		var zf AuthorizesFact
		if s.a.pass.ImportObjectFact(fn, &zf) {
			if zf.Ownership {
				if s.ownsThrough(zf.Param, call) { // ownparam.go
					s.setOwns(zf.Check)
				}
			} else {
				s.setAuthz(shortName(fn) + " (" + zf.Check + ")")
			}
		}
		// A lookup given the request's credential (a call returning a
		// value besides an error: helper.FlagSet(m, apiKey) finding the
		// caller's tenant, store.UserByToken(tok)) is the
		// authentication, not work; what the handler then does with
		// the record it found is judged on its own. A call given the
		// credential that returns only an error may act for anyone
		// (svc.Transfer(key, to, amount)) and stays work.
		var wf WorkFact
		if s.a.pass.ImportObjectFact(fn, &wf) && af.Check == "" && !isRenderer(fn) && !ownSession && !(passesCred && returnsValue(fn)) {
			s.setWork("calls " + shortName(fn))
		}
		var isf IssuesFact
		if s.a.pass.ImportObjectFact(fn, &isf) {
			s.setIssues(isf.What)
		}
	case !isAbstract(fn) && s.a.unanalyzedLocal(fn):
		// A function of the module whose package was not analysed: it
		// may authorize; the handler's verdict is unknown (split.go).
		s.fi.unknown = true
		s.setWork("calls " + shortName(fn))
	case recvCarriesRequest(fn):
		// The project's own request context (c.Request(),
		// c.ResponseWriter()) is the framework's part, not work.
	case !s.a.std(fn) && !isFramework(path) && !isNeutral(path) && !isAuthPackage(path):
		// Code scopecheck cannot see (another module, or an interface
		// method): its name is the only hint.
		if d := issuerCallHint(fn); d != "" {
			s.setIssues(d)
		} else if authnCallHint(name) && !returnsAuthenticator(fn) {
			if !s.discardsVerdict(call) {
				s.setAuthn(shortName(fn)) // owntoken.go: nor a verdict thrown away
				if d := s.passesAction(call); d != "" {
					// Authenticate(&auth.Request{Action: conf.AuthActionAPI}):
					// the authenticator is asked whether the caller may
					// do that action (action.go).
					s.setAuthz(shortName(fn) + " (" + d + ")")
				}
			}
		} else if _, ok := authzLibrary(fn); !ok && !authzNameHint(name) && !passesCred && !s.fixedAssetRead(fn, call) && !ownSession && !pureValueFunc(fn) && !answersRequest(fn) {
			s.setWork("calls " + shortName(fn)) // not a pure value function (purevalue.go)
		}
	case stdlibWork(fn) && !s.fixedAssetRead(fn, call):
		s.setWork("calls " + shortName(fn))
	}

	// Comparison helpers with a credential on one side.
	if s.a.comparesArgs(fn) && len(call.Args) >= 2 { // comparewrap.go
		s.compare(call, call.Args[0], call.Args[1])
	}
	// A key's own comparison method given the credential
	// (expected.EqualTo([]byte(key)), keyparam.go), and keys fixed by
	// configuration handed to the package's helpers.
	if recv, arg, ok := s.compareMethod(call, fn); ok {
		s.compare(call, recv, arg)
	}
	s.recordFixedArgs(call, fn)
	// The record found by the credential (the session or token) handed
	// to a data call is the caller's own: rs.Store.DeleteToken(token)
	// in a logout.
	if !passesCred && !s.a.std(fn) && !isFramework(path) && !isNeutral(path) {
		for _, a := range call.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); ok && s.own[s.info.ObjectOf(id)] {
				s.setOwns("acts on the caller's own " + id.Name + " in " + shortName(fn))
				break
			}
		}
	}
	// The caller's identity handed to a data call scopes the work to
	// the caller: store.ListOrders(claims.Subject). Not an audit record
	// (s.auditRecord).
	if ((!s.a.std(fn) && !isFramework(path) && !isNeutral(path) && !isAuthPackage(path)) || stdlibWork(fn)) && !s.auditRecord(fn, call) {
		for _, a := range call.Args {
			if s.messageText(a) {
				// "retried by " + u.Login: the caller named in a
				// description, not the work's scope.
				continue
			}
			if d := s.identityIn(a); d != "" {
				s.setOwns("uses " + d + " in " + shortName(fn))
				break
			}
		}
	}
}

// messageText reports whether e is text for people built around values:
// a string concatenation or fmt.Sprintf whose constant part holds a
// space ("retried by " + u.Login).
func (s *scan) messageText(e ast.Expr) bool {
	e = ast.Unparen(e)
	if t := s.info.TypeOf(e); t == nil || !isString(t) {
		return false
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return false
		}
		found := false
		ast.Inspect(x, func(n ast.Node) bool {
			if ex, ok := n.(ast.Expr); ok && !found {
				if str, ok := s.constString(ex); ok && strings.ContainsAny(strings.TrimSpace(str), " \t") {
					found = true
				}
			}
			return !found
		})
		return found
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(s.info, x).(*types.Func)
		if !ok || funcPath(fn) != "fmt" || fn.Name() != "Sprintf" || len(x.Args) == 0 {
			return false
		}
		str, ok := s.constString(x.Args[0])
		return ok && strings.ContainsAny(strings.TrimSpace(str), " \t")
	}
	return false
}

// requiredArgs records an access decision when a call passes a value to
// a parameter named scope, role or permission:
// IntrospectToken(ctx, tok, typ, sess, "photos") or
// auth.Check(tok, "orders:write").
func (s *scan) requiredArgs(fn *types.Func, call *ast.CallExpr) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || s.a.std(fn) {
		return
	}
	for i, a := range call.Args {
		pi := i
		if pi >= sig.Params().Len() {
			if !sig.Variadic() {
				break
			}
			pi = sig.Params().Len() - 1
		}
		p := sig.Params().At(pi)
		if !authzParamName(p.Name()) {
			continue
		}
		if s.trivial(a) || s.requestData(a, 0) {
			continue
		}
		s.setAuthz(shortName(fn) + " with required " + p.Name())
		return
	}
}

// bodyLocal reports whether e is rooted in a variable declared in the
// body of the function being scanned (not a parameter).
func (s *scan) bodyLocal(e ast.Expr) bool {
	root := rootIdent(e)
	if root == nil {
		return false
	}
	obj, ok := s.info.ObjectOf(root).(*types.Var)
	return ok && s.fi.body != nil && s.fi.body.Pos() <= obj.Pos() && obj.Pos() < s.fi.body.End()
}

// isFuncReceiver reports whether v is the receiver of the method being
// scanned and has a function type: a ServeHTTP of type authHandler
// func(w, r, *User) calling f(w, r, user) serves the endpoint it
// adapts.
func (s *scan) isFuncReceiver(v *types.Var) bool {
	if s.fi.obj == nil {
		return false
	}
	recv := s.fi.sig.Recv()
	if recv == nil || recv != v {
		return false
	}
	_, ok := v.Type().Underlying().(*types.Signature)
	return ok
}

// requestData reports whether e is data the request supplies: a path,
// query or form value read through the framework or net/http
// (c.Query("role"), r.FormValue("role"), mux.Vars(r)["role"]), or a
// field of a variable the request body was decoded into
// (c.ShouldBindJSON(&req); req.Role). Such a value passed to a
// parameter named role or scope is what the handler writes (the role
// given to a new member), not a role the caller is required to hold.
func (s *scan) requestData(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := s.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return s.requestData(x.Args[0], depth+1)
		}
		fn, ok := typeutil.Callee(s.info, x).(*types.Func)
		if !ok {
			return false
		}
		if p := funcPath(fn); !isFramework(p) && p != pkgHTTP && p != "net/url" {
			return false
		}
		return s.mentionsRequest(x)
	case *ast.IndexExpr:
		return s.requestData(x.X, depth+1)
	case *ast.SelectorExpr:
		if sel := s.info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
			return s.requestData(x.X, depth+1)
		}
	case *ast.StarExpr:
		return s.requestData(x.X, depth+1)
	case *ast.Ident:
		obj := s.info.ObjectOf(x)
		if obj == nil {
			return false
		}
		if s.decodedInto(obj) {
			return true
		}
		for _, rhs := range s.assigns[obj] {
			if s.requestData(rhs, depth+1) {
				return true
			}
		}
	}
	return false
}

// decodedInto reports whether the function hands v (or its address) to
// a call that also reads the request: json.NewDecoder(r.Body).Decode(&v),
// c.ShouldBindJSON(&v), c.Bind(&v), c.BodyParser(&v).
func (s *scan) decodedInto(v types.Object) bool {
	if s.fi == nil || s.fi.body == nil {
		return false
	}
	found := false
	ast.Inspect(s.fi.body, func(n ast.Node) bool {
		if found {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		for i, a := range call.Args {
			a = ast.Unparen(a)
			if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
				a = ast.Unparen(u.X)
			}
			id, ok := a.(*ast.Ident)
			if !ok || s.info.ObjectOf(id) != v {
				continue
			}
			if s.mentionsRequest(call.Fun) {
				found = true
			}
			for j, b := range call.Args {
				if j != i && s.mentionsRequest(b) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// mentionsRequest reports whether n reads the incoming request (the
// *http.Request or the framework's context).
func (s *scan) mentionsRequest(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(c ast.Node) bool {
		if found {
			return false
		}
		if _, ok := c.(*ast.FuncLit); ok {
			return false
		}
		if id, ok := c.(*ast.Ident); ok {
			if v, ok := s.info.ObjectOf(id).(*types.Var); ok && isRequestValue(v.Type()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// auditRecord reports whether call records who did what rather than
// doing it for the caller: a function with no result given a constant
// string that names the action (store.Audit(ctx, claims.Subject,
// "address.update", id)). It can neither return the caller's data nor
// fail on another's, and the constant says what happened; the caller's
// id there scopes nothing. A store's Put(uid, v) with no constant is
// still the caller's own write.
func (s *scan) auditRecord(fn *types.Func, call *ast.CallExpr) bool {
	if fn.Type().(*types.Signature).Results().Len() > 0 {
		return false
	}
	for _, a := range call.Args {
		if v, ok := s.constString(a); ok && v != "" {
			return true
		}
	}
	return false
}

// returnsValue reports whether fn has a result that is not an error.
func returnsValue(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := range sig.Results().Len() {
		if !isError(sig.Results().At(i).Type()) {
			return true
		}
	}
	return false
}

// perCallerLookup reports whether fn, given the request's credential,
// looks a caller up: a method of another package's value returning
// something besides a bool or an error (store.TenantBySCIMToken(tok),
// users.ByKey(key)). A comparison helper (cmp.EqString) or a decoder
// of the package (parseBasic(h)) identifies no one.
func (s *scan) perCallerLookup(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || s.a.comparesArgs(fn) || isCompareFunc(fn) {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			continue
		}
		if types.Identical(t, types.Universe.Lookup("error").Type()) {
			continue
		}
		return true
	}
	return false
}
