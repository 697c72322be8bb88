package tokenverify

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/textual"
)

// Salted derivations compared with the stored record.
//
// A login often checks a password or robot secret by deriving it again
// with the record's own salt and comparing the result with what the
// record stores (utils.Encrypt(password, entry.Salt, v) == entry.Password,
// hash(secret, robot.Salt) != robot.Secret). The stored field holds the
// derivation, whatever its name, and the side the program computes is a
// function of the presented value and a salt the caller does not know:
// the caller cannot choose the bytes being compared, so the time taken
// tells nothing about the stored value, as for two hashes (compare.go).
//
// The rule is structural: one operand reads a field of a value r, and the
// other is a call (or a local variable every definition of which is such
// a call) with an argument that reads a field of the same r whose name
// says salt. Near misses stay reported: a call without the record's salt
// (hash(pw) == u.Password), a salt of another record or of the
// configuration, a salt that is the caller's (a parameter), the stored
// secret itself passed to the call (md5(u.Password + salt) == token, the
// Subsonic form, where the derived value is the secret and the caller
// presents its copy), and a plain comparison of the presented value.

// saltedPair reports whether derived is the program's salted derivation
// of a presented value and stored is the field of the record whose salt
// it used.
func (c *pkgctx) saltedPair(derived, stored ast.Expr) bool {
	stored = c.stripConv(stored)
	if star, ok := stored.(*ast.StarExpr); ok {
		stored = ast.Unparen(star.X)
	}
	sel, ok := stored.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if s, ok := c.info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
		return false
	}
	base := types.ExprString(sel.X)
	if hasArgCall(sel.X) {
		return false // two calls may give two records
	}
	var calls []*ast.CallExpr
	derived = c.stripConv(derived)
	// callsOf collects the calls that define the local id: one result,
	// or the first of a result and an error (h, err := hash(pw, salt)).
	callsOf := func(id *ast.Ident) bool {
		defs, obj := c.localDefs(id)
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
		return true
	}
	switch d := derived.(type) {
	case *ast.CallExpr:
		calls = append(calls, d)
	case *ast.Ident:
		if !callsOf(d) {
			return false
		}
	case *ast.SelectorExpr:
		// hpwd.Password with hpwd, err := rehashPassword(pw, a.Salt): a
		// field of the derivation's result (zrok's login).
		id, ok := ast.Unparen(d.X).(*ast.Ident)
		if !ok || !callsOf(id) {
			return false
		}
	default:
		return false
	}
	for _, call := range calls {
		if !c.saltedCall(call, base, sel) {
			return false
		}
	}
	return true
}

// saltedCall reports whether call is a function call (not a conversion)
// with an argument reading a salt-named field of base, and no argument
// reading the stored field itself.
func (c *pkgctx) saltedCall(call *ast.CallExpr, base string, stored *ast.SelectorExpr) bool {
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		return false
	}
	salted := false
	for _, a := range call.Args {
		a = c.stripConv(a)
		as, ok := a.(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if s, ok := c.info.Selections[as]; !ok || s.Kind() != types.FieldVal {
			continue
		}
		if types.ExprString(as.X) != base {
			continue
		}
		if as.Sel.Name == stored.Sel.Name {
			return false // the stored value itself goes into the derivation
		}
		for _, w := range credname.Words(as.Sel.Name) {
			if w == "salt" {
				salted = true
			}
		}
	}
	return salted
}

// stripConv removes parentheses and type conversions (string(b), []byte(s)).
func (c *pkgctx) stripConv(e ast.Expr) ast.Expr { return textual.Unconvert(c.info, e) }
