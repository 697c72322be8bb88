package tokenverify

import (
	"go/ast"
	"go/types"
)

// Presented values checked against a record that expires (one-api's
// e-mail verification and password-reset code): the record a store
// holds for the caller's address is fetched by that address, rejected
// when the time it holds says it has expired, and then one of its fields
// is compared with what the caller presents:
//
//	value, ok := verificationMap[purpose+key]
//	if !ok || int(now.Sub(value.time).Seconds()) >= validMinutes*60 {
//		return false
//	}
//	return code == value.code
//
// No name says credential ("code", "value"), and the map is no
// credential-named store, so presented.go's rule does not apply. The
// shape does: a value the caller presents, matched against a value kept
// for a limited time under another key, is a one-time secret (a reset
// code, a verification code, a magic-link token); nothing else is kept
// with a deadline and then matched exactly against what a caller
// supplies. Decided by data flow and types, not names:
//
//   - one side is a parameter of the enclosing function (presented.go's
//     origin: presented, not stored), not a constant;
//   - the other is a field of a local record every assignment of which
//     is a lookup by a key computed at run time (a map index, a call with
//     a non-constant argument), and that key is not the presented value
//     (a record fetched by the value itself leaks nothing, decision.go's
//     lookedUpBy);
//   - before the compare, an if whose condition reads a field of the same
//     record together with a call of package time (time.Now, time.Since,
//     a time.Time method) rejects: returns, fails or records an error.
//
// A record with no expiry check (a preference, a cached setting), a
// field compared with another field of a record, a lookup by the
// presented value, and a compare with a constant stay silent; an
// identifier-named side (a user or session id) is left to compare.go's
// publicName check, which runs after.
func (c *pkgctx) expiringPair(fn ast.Node, n ast.Node, x, y ast.Expr) (secret, bool) {
	ox := c.originOf(fn, x, 0)
	if !ox.presented || ox.stored {
		return secret{}, false
	}
	px := c.paramRoot(x)
	if px == nil {
		return secret{}, false
	}
	rec, ok := c.lookedUpRecord(fn, y, px)
	if !ok {
		return secret{}, false
	}
	if !c.expiryRejected(fn, n, rec) {
		return secret{}, false
	}
	return secret{"one-time code in parameter " + px.Name() + " (matched against a stored record that expires)", true}, true
}

// paramRoot returns the parameter x is (conversions, slices and
// dereferences aside), or nil.
func (c *pkgctx) paramRoot(x ast.Expr) *types.Var {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.CallExpr:
			if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
				x = e.Args[0]
				continue
			}
			return nil
		case *ast.StarExpr:
			x = e.X
			continue
		case *ast.SliceExpr:
			x = e.X
			continue
		case *ast.Ident:
			v, ok := c.info.Uses[e].(*types.Var)
			if !ok || !c.isParam(v) {
				return nil
			}
			return v
		default:
			return nil
		}
	}
}

// lookedUpRecord reports whether y is a field of a local variable every
// assignment of which is a lookup by a run-time key that does not read
// the presented parameter p, and returns that variable.
func (c *pkgctx) lookedUpRecord(fn ast.Node, y ast.Expr, p *types.Var) (*types.Var, bool) {
	y = ast.Unparen(y)
	if call, ok := y.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
			y = ast.Unparen(call.Args[0])
		}
	}
	sel, ok := y.(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	if s, ok := c.info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
		return nil, false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || isPkgVar(v) || c.isParam(v) || c.isReceiver(fn, v) {
		return nil, false
	}
	defs := c.reaching(v, id)
	if len(defs) == 0 {
		return nil, false
	}
	for _, d := range defs {
		if d.rng {
			return nil, false
		}
		var keys []ast.Expr
		switch r := ast.Unparen(d.rhs).(type) {
		case *ast.IndexExpr:
			if _, isMap := c.info.TypeOf(r.X).Underlying().(*types.Map); !isMap {
				return nil, false
			}
			keys = []ast.Expr{r.Index}
		case *ast.CallExpr:
			if tv, ok := c.info.Types[r.Fun]; ok && tv.IsType() {
				return nil, false
			}
			keys = r.Args
		default:
			return nil, false
		}
		runtime := false
		for _, k := range keys {
			if c.isConst(k) {
				continue
			}
			if c.readsVar(k, p) {
				// Fetched by the presented value itself.
				return nil, false
			}
			runtime = true
		}
		if !runtime {
			return nil, false
		}
	}
	return v, true
}

// readsVar reports whether e reads v.
func (c *pkgctx) readsVar(e ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(e, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && c.info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// expiryRejected reports whether, before n in fn, an if whose condition
// reads a field of rec and calls into package time acts on the verdict
// (returns, fails, records an error).
func (c *pkgctx) expiryRejected(fn ast.Node, n ast.Node, rec *types.Var) bool {
	found := false
	ast.Inspect(funcBody(fn), func(m ast.Node) bool {
		if found || m == nil || m.Pos() >= n.Pos() {
			return false
		}
		if _, ok := m.(*ast.FuncLit); ok {
			return false
		}
		ifs, ok := m.(*ast.IfStmt)
		if !ok || ifs.Cond.End() > n.Pos() {
			return true
		}
		if c.readsRecordField(ifs.Cond, rec) && c.callsTime(ifs.Cond) && c.actsOn(ifs.Body) {
			found = true
		}
		return true
	})
	return found
}

func (c *pkgctx) readsRecordField(e ast.Expr, rec *types.Var) bool {
	found := false
	ast.Inspect(e, func(m ast.Node) bool {
		sel, ok := m.(*ast.SelectorExpr)
		if !ok || found {
			return !found
		}
		if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.FieldVal {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.info.Uses[id] == rec {
				found = true
			}
		}
		return !found
	})
	return found
}

func (c *pkgctx) callsTime(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if fn := c.callee(call); fn != nil && pkgPath(fn) == "time" {
			found = true
		}
		return !found
	})
	return found
}
