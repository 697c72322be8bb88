package scopecheck

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Rejection: whether code turns a request away. A middleware
// authenticates only if it rejects a request whose credential is
// missing or wrong; one that only stores the caller when a token
// parses (optional authentication) leaves anonymous requests through,
// and the routes under it are public. A branch on a role flag of the
// caller is an access decision only if it rejects.

// rejectCall reports whether call turns the request away: an abort
// (gin's Abort*, fiber's and echo's error helpers), http.Error, a
// client-error status written or returned (401, 403, any 4xx), an
// error value made for the reply (echo.NewHTTPError), or a panic.
func (s *scan) rejectCall(call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(s.info, call).(type) {
	case *types.Builtin:
		return fn.Name() == "panic"
	case *types.Func:
		name := fn.Name()
		if local := s.a.byObj[fn]; local != nil && local != s.fi && local.rejectsAny {
			return true // a helper that aborts or writes 401 itself
		}
		if strings.HasPrefix(name, "Abort") || (funcPath(fn) == pkgHTTP && name == "Error") ||
			(funcPath(fn) == pkgHTTP && name == "Redirect") || name == "NewHTTPError" {
			return true
		}
	}
	for _, a := range call.Args {
		if tv, ok := s.info.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
			if v, ok := constant.Int64Val(tv.Value); ok && v >= 400 && v < 500 {
				return true
			}
		}
	}
	return false
}

// mwAuthn is the credential check fi makes as a middleware: none when
// it lets requests without a valid credential through.
func (fi *fnInfo) mwAuthn() string {
	if fi.optional {
		return ""
	}
	return fi.authn
}

// opaqueRejecter reports whether call, a statement, hands the response
// (the ResponseWriter or the framework's context) to a function of
// another package: it may turn the request away there
// (auth.RequireLogin(c)), so it is taken as a rejection.
func (s *scan) opaqueRejecter(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(s.info, call).(*types.Func)
	if !ok || s.a.byObj[fn] != nil || s.a.std(fn) || isFramework(funcPath(fn)) || isNeutral(funcPath(fn)) {
		return false
	}
	for _, a := range call.Args {
		t := s.info.TypeOf(a)
		if t == nil {
			continue
		}
		if isNamed(t, pkgHTTP, "ResponseWriter") || isPtrTo(t, pkgGin, "Context") || isEchoContext(t) || isFiberCtx(t) {
			return true
		}
	}
	return false
}

// rejectReturn reports whether ret returns a non-nil error (an echo or
// fiber middleware, or a helper whose caller stops on its error).
func (s *scan) rejectReturn(ret *ast.ReturnStmt) bool {
	for _, r := range ret.Results {
		if isNil(s.info, r) || s.delegatesIn(r) {
			continue // return next(c): the next handler's answer
		}
		if t := s.info.TypeOf(r); t != nil && implementsError(t) {
			return true // err, echo.ErrUnauthorized, fiber.ErrForbidden
		}
		if call, ok := ast.Unparen(r).(*ast.CallExpr); ok && s.rejectCall(call) {
			return true
		}
	}
	return false
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func implementsError(t types.Type) bool {
	return isError(t) || types.Implements(t, errorIface)
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// rejects reports whether the statements turn the request away: a
// rejecting call, a return of an error, or (net/http middleware,
// delegating is true) a return in a branch that does not call the next
// handler. Nested function literals that are not part of the function
// are left out.
func (s *scan) rejects(n ast.Node, netHTTP bool) bool {
	found := false
	ast.Inspect(n, func(c ast.Node) bool {
		if found {
			return false
		}
		switch c := c.(type) {
		case *ast.FuncLit:
			// Handler literals are judged on their own paths; the
			// returns of a callback (a key function) are its own.
			sig, _ := s.info.TypeOf(c).(*types.Signature)
			if signatureKind(sig) == notHandler && s.a.nestedIsPart(s.fi, c) {
				saved := s.callsOnly
				s.callsOnly = true
				found = s.rejects(c.Body, false)
				s.callsOnly = saved
			}
			return false
		case *ast.CallExpr:
			found = s.rejectCall(c)
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(c.X).(*ast.CallExpr); ok && s.opaqueRejecter(call) {
				found = true
			}
		case *ast.ReturnStmt:
			found = (!s.callsOnly && s.rejectReturn(c)) || (netHTTP && !s.delegatesIn(n))
		}
		return !found
	})
	return found
}

// helperRejects reports whether fi turns the request away itself (an
// abort, a 401 written), so that calling it is a rejection.
func (s *scan) helperRejects() bool {
	s.callsOnly = true
	defer func() { s.callsOnly = false }()
	return s.rejects(s.fi.body, false)
}

// delegatesIn reports whether n calls the next handler.
func (s *scan) delegatesIn(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(c ast.Node) bool {
		if call, ok := c.(*ast.CallExpr); ok && !found {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "ServeHTTP" || sel.Sel.Name == "Next") {
				found = true
			}
			if v, ok := typeutil.Callee(s.info, call).(*types.Var); ok && (isHandlerType(v.Type()) || s.a.adaptedVars[v]) {
				found = true
			}
		}
		return !found
	})
	return found
}

// optionalAuthn reports whether fi, a middleware that reads and checks
// a credential, never rejects a request whose credential is missing or
// wrong: every rejection it has (if any) sits in the branch taken when
// a check succeeded (if err == nil { ...; c.AbortWithStatus(401) },
// a CSRF check of a valid session), so a request without a credential
// always reaches the next handler.
// ginMiddleware reports whether the function is a gin middleware, or
// returns one: gin's chain goes on after it unless it aborts, whether or
// not it calls Next.
func (s *scan) ginMiddleware() bool {
	if s.fi.kind == ginHandler {
		return s.a.isMiddleware(s.fi)
	}
	sig := s.fi.sig
	if sig == nil || sig.Results().Len() != 1 {
		return false
	}
	rs, ok := sig.Results().At(0).Type().Underlying().(*types.Signature)
	return ok && signatureKind(rs) == ginHandler && (s.fi.obj == nil || middlewareName(s.fi.obj.Name()) || s.fi.setsCtx)
}

func (s *scan) optionalAuthn() bool {
	if !s.fi.delegates && !s.ginMiddleware() {
		// It does not call the next handler itself: a wrapper around
		// a library middleware, or one whose chain goes on without
		// it; judged as before. A gin middleware need not call Next:
		// the chain goes on unless it aborts (nezha's
		// fallbackAuthMiddleware returns on a missing token).
		return false
	}
	// A net/http handler rejects by returning without calling next;
	// gin's chain goes on unless aborted.
	netHTTP := s.fi.kind == httpHandler || s.fi.kind == httprouterHandler
	rejecting := false
	var walk func(stmts []ast.Stmt)
	var stmt func(st ast.Stmt)
	stmt = func(st ast.Stmt) {
		if rejecting {
			return
		}
		switch st := st.(type) {
		case *ast.IfStmt:
			if st.Init != nil {
				stmt(st.Init)
			}
			if s.rejects(st.Cond, false) {
				rejecting = true
				return
			}
			succ := s.successTest(st.Cond)
			if succ != 1 {
				walk(st.Body.List) // the body runs when a check failed, or on anything else
			}
			if st.Else != nil && succ != -1 {
				stmt(st.Else)
			}
		case *ast.BlockStmt:
			walk(st.List)
		case *ast.ExprStmt, *ast.AssignStmt, *ast.DeclStmt, *ast.DeferStmt, *ast.GoStmt, *ast.SendStmt, *ast.IncDecStmt, *ast.ReturnStmt:
			if s.rejects(st, netHTTP) {
				rejecting = true
			}
		case *ast.LabeledStmt:
			stmt(st.Stmt)
		default:
			// switch, for, select: any rejection inside counts.
			if s.rejects(st, netHTTP) {
				rejecting = true
			}
		}
	}
	walk = func(stmts []ast.Stmt) {
		delegated := false
		for _, st := range stmts {
			if _, ok := st.(*ast.ReturnStmt); ok && delegated {
				continue // next.ServeHTTP(w, r); return
			}
			stmt(st)
			delegated = delegated || s.delegatesIn(st)
			if ifs, ok := st.(*ast.IfStmt); ok && !rejecting && ifs.Else == nil && s.successTest(ifs.Cond) == -1 && endsInReturn(ifs.Body) {
				// if err != nil { return } let the request through
				// on failure; what follows runs only when the check
				// succeeded (nezha's fallbackAuthMiddleware blocks a
				// parsed token with no identity, after it).
				return
			}
		}
	}
	ast.Inspect(s.fi.body, func(n ast.Node) bool {
		if rejecting {
			return false
		}
		if lit, ok := n.(*ast.FuncLit); ok {
			// The handler a middleware factory returns.
			if s.a.nestedIsPart(s.fi, lit) && signatureKind(s.info.TypeOf(lit).(*types.Signature)) != notHandler {
				outer := netHTTP
				k := signatureKind(s.info.TypeOf(lit).(*types.Signature))
				netHTTP = k == httpHandler || k == httprouterHandler
				walk(lit.Body.List)
				netHTTP = outer
				return false
			}
			return s.a.nestedIsPart(s.fi, lit)
		}
		return true
	})
	if !rejecting {
		walk(s.fi.body.List)
	}
	return !rejecting
}

// endsInReturn reports whether a block's last statement is a return.
func endsInReturn(b *ast.BlockStmt) bool {
	if b == nil || len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}

// successTest says whether cond tests that an error is nil (1: the
// body runs when a check succeeded), that it is not nil (-1: the else
// runs on success), or neither (0).
func (s *scan) successTest(cond ast.Expr) int {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return 0
	}
	if b.Op == token.LAND && b.X != nil {
		if s.successTest(b.X) == 1 || s.successTest(b.Y) == 1 {
			return 1
		}
		return 0
	}
	if b.Op != token.EQL && b.Op != token.NEQ {
		return 0
	}
	x, y := b.X, b.Y
	if isNil(s.info, x) {
		x, y = y, x
	}
	if !isNil(s.info, y) {
		return 0
	}
	if t := s.info.TypeOf(x); t == nil || !isError(t) {
		return 0
	}
	if b.Op == token.EQL {
		return 1
	}
	return -1
}
