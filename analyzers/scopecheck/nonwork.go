package scopecheck

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"golang.org/x/tools/go/types/typeutil"
)

// What a handler does that is not the application work an authorizing
// check protects.
//
//   - The caller's own session. The session an authenticating
//     middleware stored in the request context under a session key
//     (c.Get(auth.SessionKey), ctx.Value(sessionKey{})) belongs to the
//     caller; destroying, saving or updating it (a logout) is not work
//     a route protects. Only that call is discounted: a handler that
//     also deletes a project is still judged by the deletion.
//   - A fixed asset. A file read whose path is fixed by the program
//     (a constant, or path.Join, filepath.Join or + of constants) serves
//     the same bytes to every caller: the page shell of a single-page
//     application, a robots.txt, an embedded template. A read whose path
//     comes from the request is still work.
//   - Configuration. A collection read through a configuration value
//     (a.cfg.Security.TrustedURLs, s.config.DefaultFeeds) is the service's
//     settings, not users' data; authRelatedName already says so of the
//     variable itself, and the same holds for what is reached through it.

// sessionFromContext reports whether e (a type assertion of it allowed)
// reads the request context under a key that names the session.
func (s *scan) sessionFromContext(e ast.Expr) bool {
	e = ast.Unparen(e)
	if ta, ok := e.(*ast.TypeAssertExpr); ok {
		e = ast.Unparen(ta.X)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	fn, ok := typeutil.Callee(s.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	path, name, recv := funcPath(fn), fn.Name(), recvName(fn)
	ctxRead := false
	switch {
	case path == pkgContext && name == "Value":
		ctxRead = true
	case path == pkgGin && recv == "Context" && (name == "Get" || name == "MustGet" || name == "Value"):
		ctxRead = true
	case isEchoPath(path) && recv == "Context" && name == "Get":
		ctxRead = true
	case isFiberPath(path) && recv == "Ctx" && name == "Locals" && len(call.Args) == 1:
		ctxRead = true
	}
	return ctxRead && sessionKeyName(s.info, call.Args[0])
}

// sessionKeyName reports whether a context key names the session: a
// key variable, constant, type or string whose words include session,
// sess or sid.
func sessionKeyName(info *types.Info, e ast.Expr) bool {
	name := ctxKeyName(info, e)
	for _, w := range credname.Words(name) {
		switch w {
		case "session", "sess", "sid":
			return true
		}
	}
	return false
}

// ownReceiver describes a method call on a value s.own marks (the
// caller's session, or the record found by its credential).
func (s *scan) ownReceiver(call *ast.CallExpr, fn *types.Func) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if se := s.info.Selections[sel]; se == nil || se.Kind() != types.MethodVal {
		return ""
	}
	if s.sessionFromContext(sel.X) {
		// r.Context().Value(sessionKey{}).(*Session).Destroy()
		return "acts on the caller's own session in " + shortName(fn)
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok || !s.own[s.info.ObjectOf(id)] {
		return ""
	}
	return "acts on the caller's own " + id.Name + " in " + shortName(fn)
}

// fixedAssetRead reports whether call reads a file, through a file
// system of any library, at a path the program fixes.
func (s *scan) fixedAssetRead(fn *types.Func, call *ast.CallExpr) bool {
	switch fn.Name() {
	case "Read", "ReadFile", "Open":
	default:
		return false
	}
	if len(call.Args) == 0 || !isString(s.info.TypeOf(call.Args[0])) {
		return false
	}
	if recv := recvName(fn); recv != "" {
		words := credname.Words(recv)
		if len(words) == 0 {
			return false
		}
		switch words[len(words)-1] {
		case "fs", "system", "files", "assets", "box", "embed":
		default:
			return false
		}
	}
	return s.fixedPath(call.Args[0])
}

// fixedPath reports whether a string expression is built from constants
// only: a constant, a + of fixed parts, or path.Join / filepath.Join of
// fixed parts.
func (s *scan) fixedPath(e ast.Expr) bool {
	e = ast.Unparen(e)
	if _, ok := s.constString(e); ok {
		return true
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		return s.fixedPath(x.X) && s.fixedPath(x.Y)
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(s.info, x).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Name() != "Join" {
			return false
		}
		if p := fn.Pkg().Path(); p != "path" && p != "path/filepath" {
			return false
		}
		for _, a := range x.Args {
			if !s.fixedPath(a) {
				return false
			}
		}
		return len(x.Args) > 0
	}
	return false
}

// configReach reports whether a selector chain reaches its value through
// a configuration value: a.cfg.Security.TrustedURLs, s.config.DefaultFeeds.
func configReach(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	for x := ast.Unparen(sel.X); ; {
		var name string
		switch y := x.(type) {
		case *ast.SelectorExpr:
			name, x = y.Sel.Name, ast.Unparen(y.X)
		case *ast.Ident:
			name, x = y.Name, nil
		default:
			return false
		}
		for _, w := range credname.Words(name) {
			switch w {
			case "cfg", "config", "conf", "configuration":
				return true
			}
		}
		if x == nil {
			return false
		}
	}
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// markOwnSession marks the variables assigned the caller's session from
// the request context as the caller's own.
func (s *scan) markOwnSession(lhs []ast.Expr, rhs []ast.Expr) {
	for i, r := range rhs {
		if !s.sessionFromContext(r) {
			continue
		}
		l := lhs[0]
		if len(lhs) == len(rhs) {
			l = lhs[i]
		}
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && id.Name != "_" {
			if obj := s.info.ObjectOf(id); obj != nil {
				s.own[obj] = true
			}
		}
	}
}

func identExprs(ids []*ast.Ident) []ast.Expr {
	out := make([]ast.Expr, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}
