package tokenverify

import (
	"go/ast"
	"go/types"
)

// A value compared with what a function makes of it.
//
// isRedacted(key) tests RedactAPIKey(key) != key; a normaliser tests
// strings.TrimSpace(tok) != tok; a canonical form tests canon(id) == id.
// Both sides come from one value and nothing else (other arguments are
// constants): no secret the program holds is on either side, so the
// time taken tells whoever chose the value only about that value, which
// they already know. Such a comparison checks the value's form, not a
// presented credential against a stored one.
//
// The rule is structural: one operand is a call (or a local variable
// every definition of which is such a call) whose arguments (and method
// receiver) are the other operand, the same variable or field path, or
// constants. Near misses stay reported: a call that also takes a key,
// a salt or another variable (sign(key, tok) == tok, hash(pw) ==
// u.Password), a call of a different variable, and a call whose
// argument reads the other operand through an index or a call.

// selfDerived reports whether derived is a function of from alone.
func (c *pkgctx) selfDerived(derived, from ast.Expr) bool {
	from = c.stripConv(from)
	root, ok := c.pathRoot(from)
	if !ok {
		return false
	}
	key := types.ExprString(from)
	var calls []*ast.CallExpr
	switch d := c.stripConv(derived).(type) {
	case *ast.CallExpr:
		calls = append(calls, d)
	case *ast.Ident:
		defs, obj := c.localDefs(d)
		if obj == nil || len(defs) == 0 {
			return false
		}
		for _, df := range defs {
			call, ok := c.stripConv(df.rhs).(*ast.CallExpr)
			if !ok || df.index > 0 || df.rng {
				return false
			}
			calls = append(calls, call)
		}
	default:
		return false
	}
	for _, call := range calls {
		if tv, ok := c.info.Types[call.Fun]; !ok || tv.IsType() || tv.IsBuiltin() {
			return false
		}
		args := append([]ast.Expr(nil), call.Args...)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				args = append(args, sel.X) // the receiver is an input too
			}
		}
		uses := false
		for _, a := range args {
			a = c.stripConv(a)
			if tv, ok := c.info.Types[a]; ok && tv.Value != nil {
				continue
			}
			r, ok := c.pathRoot(a)
			if !ok || r != root || types.ExprString(a) != key {
				return false
			}
			uses = true
		}
		if !uses {
			return false
		}
	}
	return true
}

// pathRoot returns the variable a plain access path (v, v.f, v.f.g)
// starts from; any index, call or dereference of a call breaks it.
func (c *pkgctx) pathRoot(e ast.Expr) (types.Object, bool) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, ok := c.info.Uses[x].(*types.Var)
			if !ok || v.IsField() {
				return nil, false
			}
			return v, true
		case *ast.SelectorExpr:
			s, ok := c.info.Selections[x]
			if !ok || s.Kind() != types.FieldVal {
				return nil, false
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil, false
		}
	}
}
