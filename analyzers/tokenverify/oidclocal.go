package tokenverify

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// SkipClientIDCheck judged per verifier.
//
// Skipping go-oidc's client-id check is safe when the program checks
// the audience itself. Package-wide, any read of an ID token's Audience
// (or of an "aud" claim) credits every verifier of the package, so a
// verifier whose tokens nobody checks passes because another verifier's
// are checked. When a verifier is built and used in one function (held
// in local variables, used only to call Verify), its own tokens are
// visible: the audience must be read from a token one of its Verify
// calls returns, or from claims decoded from such a token. A verifier
// stored in a field, returned or passed on is used where this function
// cannot see, and keeps the package-wide judgement.

// localAudience reports, for a verifier whose every use is visible in
// the function that builds it, whether the audience of a token it
// verified is read there (checked), and known true; known is false
// when the verifier leaves the function.
func (c *pkgctx) localAudience(u verifierUse) (checked, known bool) {
	if u.body == nil || len(u.newCalls) == 0 || len(u.verifyCalls) == 0 {
		return false, false
	}
	for _, nc := range u.newCalls {
		as, ok := c.parents[nc].(*ast.AssignStmt)
		if !ok {
			return false, false // returned, passed or stored in place
		}
		for i, r := range as.Rhs {
			if r != nc || i >= len(as.Lhs) {
				continue
			}
			id, ok := ast.Unparen(as.Lhs[i]).(*ast.Ident)
			if !ok {
				return false, false // a field or an element
			}
			if v, ok := c.objOf(id).(*types.Var); !ok || isPkgVar(v) {
				return false, false
			}
		}
	}
	receivers := map[ast.Node]bool{}
	for _, vc := range u.verifyCalls {
		receivers[ast.Unparen(vc.Fun.(*ast.SelectorExpr).X)] = true
	}
	leaves := false
	ast.Inspect(u.body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || c.info.Uses[id] == nil || !u.vars[c.info.Uses[id]] {
			return true
		}
		if !receivers[id] {
			leaves = true
		}
		return true
	})
	if leaves {
		return false, false
	}
	// The tokens the Verify calls return, and what is decoded from them.
	toks := map[types.Object]bool{}
	for _, vc := range u.verifyCalls {
		if as, ok := c.parents[vc].(*ast.AssignStmt); ok && len(as.Rhs) == 1 && len(as.Lhs) >= 1 {
			if obj := c.objOf(as.Lhs[0]); obj != nil {
				toks[obj] = true
			}
		}
	}
	ast.Inspect(u.body, func(n ast.Node) bool {
		if checked {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if n.Sel.Name == "Audience" && isNamed(c.info.TypeOf(n.X), jwtlib.IsOIDC, "IDToken") && toks[c.rootObj(n.X)] {
				checked = true
			}
		case *ast.CallExpr:
			// tok.Claims(&claims) with a json:"aud" field, or claims
			// read into a map whose "aud" entry is read below.
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Claims" || !toks[c.rootObj(sel.X)] || len(n.Args) != 1 {
				return true
			}
			if c.decodesAud(n.Args[0]) {
				checked = true
			}
		}
		return true
	})
	return checked, true
}

// decodesAud reports whether the claims target &x has an aud field, or
// is a map (whose "aud" entry the caller reads).
func (c *pkgctx) decodesAud(arg ast.Expr) bool {
	t := c.info.TypeOf(arg)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		return true
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if strings.Split(reflect.StructTag(u.Tag(i)).Get("json"), ",")[0] == "aud" {
				return true
			}
		}
	}
	return false
}
