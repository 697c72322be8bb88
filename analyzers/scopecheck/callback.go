package scopecheck

import (
	"go/ast"
	"go/types"
)

// The caller handed to code chosen at run time. nakama's player API
// hands the caller's user id, taken from the request context, to hook
// functions a game module registers with the server at start-up
// (fn := s.runtime.BeforeGetUsers(); fn(ctx, …, userID, …)), and an
// error from the hook rejects the request; its RPC endpoint runs the
// function the module registered under the requested id, again with the
// caller's id. Which code runs, and what it allows whom, is decided out
// of sight: a call of a function value (not a declared function, not a
// function literal in sight) that was obtained from a call or read from
// a field, that is handed the caller's identity, and whose result
// decides what happens next, makes the verdict unknown, as a service
// out of sight does (ctxdefer.go). A callback the function was given
// as a parameter, one it is not handed the caller, or one whose result
// is ignored decides nothing here.

// runtimeCallback reports whether call calls a function value obtained
// at run time, hands it the caller's identity, and lets its result
// decide.
func (s *scan) runtimeCallback(call *ast.CallExpr, v *types.Var) bool {
	if _, ok := v.Type().Underlying().(*types.Signature); !ok {
		return false
	}
	if !s.obtainedAtRunTime(v) || !s.gates(call) {
		return false
	}
	for _, a := range call.Args {
		if s.carriesCaller(a) {
			return true
		}
	}
	return false
}

// obtainedAtRunTime reports whether every value assigned to the local
// function variable v is the result of a call or a field read: a
// function the program looked up, not one written in sight.
func (s *scan) obtainedAtRunTime(v *types.Var) bool {
	seen := false
	for _, r := range s.assigns[v] {
		if r == nil {
			continue // var fn func(…), assigned later
		}
		seen = true
		switch r := ast.Unparen(r).(type) {
		case *ast.CallExpr:
			if tv, ok := s.info.Types[r.Fun]; ok && tv.IsType() {
				return false // a conversion of a function in sight
			}
		case *ast.SelectorExpr:
			if sel := s.info.Selections[r]; sel == nil || sel.Kind() != types.FieldVal {
				return false // a method value or a declared function
			}
		case *ast.IndexExpr:
			// handlers[name]: a function looked up in a table.
		default:
			return false
		}
	}
	return seen // none: a parameter, given rather than looked up here
}

// carriesCaller reports whether e holds the caller's identity: a value
// identityIn knows, or one read from the request context under a key
// that names the caller (ctx.Value(ctxUserIDKey{}).(uuid.UUID).String()).
func (s *scan) carriesCaller(e ast.Expr) bool {
	return s.carriesCallerDepth(e, 0)
}

func (s *scan) carriesCallerDepth(e ast.Expr, depth int) bool {
	if depth > 3 || e == nil {
		return false // e is nil for a declaration without a value
	}
	if s.identityIn(e) != "" {
		return true
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = s.ctxCallerRead(n) != ""
		case *ast.Ident:
			// A local set from the caller on some path:
			// uid := ""; if u := ctx.Value(userKey{}); u != nil { uid = u.(uuid.UUID).String() }.
			if v, ok := s.info.Uses[n].(*types.Var); ok && s.local(n) {
				for _, r := range s.assigns[v] {
					if s.carriesCallerDepth(r, depth+1) {
						found = true
						break
					}
				}
			}
		}
		return !found
	})
	return found
}
