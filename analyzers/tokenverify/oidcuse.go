package tokenverify

import (
	"github.com/authvet/authvet/analyzers/internal/jwtlib"

	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// This file follows an oidc.Config to the verifier it configures and
// the Verify calls of that verifier, to recognise the verifications the
// specifications relax:
//
//   - an id_token_hint (OpenID Connect Core §3.1.2.1, RP-Initiated
//     Logout §2) may be expired and was issued to any client: its
//     expiry and audience checks are skipped by design;
//   - a server verifying a token it issued itself, with its own key
//     set rather than a provider's remote one, has no single audience to
//     expect: any of its clients may present the token;
//   - a verification whose token result is thrown away (only the error
//     is looked at, to guess the token's type) trusts nothing it
//     returns: a verified parse must follow before anything is believed.

// verifierUse is what a config's verifier is used for.
type verifierUse struct {
	localKeys bool // built with a key set of the program's own type
	hint      bool // verifies an id_token_hint
	discarded bool // every Verify call throws its token away
	// The verifier constructions, the variables holding them and their
	// Verify calls, in body (oidclocal.go).
	newCalls    []*ast.CallExpr
	vars        map[types.Object]bool
	verifyCalls []*ast.CallExpr
	body        *ast.BlockStmt
}

// oidcUse follows the config literal or assignment at n to the
// verifier built from it.
func (c *pkgctx) oidcUse(n ast.Node) verifierUse {
	var u verifierUse
	fn := c.outerFunc(n)
	body := funcBody(fn)
	if body == nil {
		return u
	}
	// The expressions that stand for the config: the literal itself,
	// &literal, or a variable it is assigned to.
	cfgVars := map[types.Object]bool{}
	if lit, ok := n.(*ast.CompositeLit); ok {
		if p, ok := c.parents[lit].(*ast.UnaryExpr); ok {
			n = p
		}
		switch p := c.parents[n].(type) {
		case *ast.AssignStmt:
			for i, r := range p.Rhs {
				if (r == n || r == lit) && i < len(p.Lhs) {
					if obj := c.objOf(p.Lhs[i]); obj != nil {
						cfgVars[obj] = true
					}
				}
			}
		case *ast.ValueSpec:
			for i, r := range p.Values {
				if (r == n || r == lit) && i < len(p.Names) {
					if obj := c.info.Defs[p.Names[i]]; obj != nil {
						cfgVars[obj] = true
					}
				}
			}
		}
	} else if as, ok := n.(*ast.AssignStmt); ok {
		for _, l := range as.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
				if obj := c.objOf(sel.X); obj != nil {
					cfgVars[obj] = true
				}
			}
		}
	}
	isCfg := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if e == n {
			return true
		}
		if un, ok := e.(*ast.UnaryExpr); ok {
			e = ast.Unparen(un.X)
		}
		if e == n {
			return true
		}
		if obj := c.objOf(e); obj != nil && cfgVars[obj] {
			return true
		}
		return false
	}
	// The verifier: NewVerifier(issuer, keySet, cfg) or
	// provider.Verifier(cfg), used directly or through a variable.
	verifierVars := map[types.Object]bool{}
	var newCalls []*ast.CallExpr
	ast.Inspect(body, func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		if !ok {
			return true
		}
		f := c.callee(call)
		if f == nil || !jwtlib.IsOIDC(pkgPath(f)) || (f.Name() != "NewVerifier" && f.Name() != "Verifier") || len(call.Args) == 0 || !isCfg(call.Args[len(call.Args)-1]) {
			return true
		}
		newCalls = append(newCalls, call)
		if f.Name() == "NewVerifier" && len(call.Args) == 3 {
			if t := c.info.TypeOf(call.Args[1]); t != nil && !isNil(c.info, call.Args[1]) {
				if p, ok := types.Unalias(t).(*types.Pointer); ok {
					t = p.Elem()
				}
				if nt, ok := types.Unalias(t).(*types.Named); ok && nt.Obj().Pkg() != nil && !jwtlib.IsOIDC(nt.Obj().Pkg().Path()) {
					u.localKeys = true
				}
			}
		}
		if as, ok := c.parents[call].(*ast.AssignStmt); ok {
			for i, r := range as.Rhs {
				if r == call && i < len(as.Lhs) {
					if obj := c.objOf(as.Lhs[i]); obj != nil {
						verifierVars[obj] = true
					}
				}
			}
		}
		return true
	})
	if len(newCalls) == 0 {
		return u
	}
	u.newCalls, u.vars, u.body = newCalls, verifierVars, body
	// A variable may hold another verifier later (gatekeeper's
	// VerifyToken checks the signature with every check off and the
	// token thrown away, then assigns a verifier with the checks on to
	// the same variable and keeps its token): a Verify call belongs to
	// the verifier last assigned before it.
	assigns := c.verifierAssigns(body, verifierVars)
	isVerifier := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		for _, nc := range newCalls {
			if e == nc {
				return true
			}
		}
		obj := c.objOf(e)
		if obj == nil || !verifierVars[obj] {
			return false
		}
		var last ast.Expr
		for _, a := range assigns[obj] {
			if a.pos < e.Pos() {
				last = a.rhs
			}
		}
		if last == nil {
			return true
		}
		for _, nc := range newCalls {
			if ast.Unparen(last) == nc {
				return true
			}
		}
		return false
	}
	verifies, kept := 0, 0
	ast.Inspect(body, func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Verify" || !isVerifier(sel.X) || len(call.Args) < 2 {
			return true
		}
		verifies++
		u.verifyCalls = append(u.verifyCalls, call)
		tok := call.Args[1]
		if id, ok := ast.Unparen(tok).(*ast.Ident); ok && strings.Contains(strings.ToLower(id.Name), "hint") {
			u.hint = true
		}
		if c.readsParam(tok, "id_token_hint", 0) {
			u.hint = true
		}
		if !c.tokenDiscarded(call) {
			kept++
		}
		return true
	})
	// A verifier stored in a struct field (a keyed literal or an
	// assignment to a field) is used by the methods that call Verify on
	// that field, anywhere in the package. Those calls count too: an
	// id_token_hint verifier kept in a field and used only by the logout
	// endpoint is a hint verifier.
	if fields := c.verifierFields(newCalls); len(fields) > 0 {
		fieldCalls, hints := 0, 0
		for _, f := range c.files {
			ast.Inspect(f, func(x ast.Node) bool {
				call, ok := x.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Verify" || len(call.Args) < 2 {
					return true
				}
				recv, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if v, ok := c.info.Uses[recv.Sel].(*types.Var); !ok || !fields[v] {
					return true
				}
				fieldCalls++
				verifies++
				u.verifyCalls = append(u.verifyCalls, call)
				if c.isHintToken(call.Args[1]) {
					hints++
				}
				if !c.tokenDiscarded(call) {
					kept++
				}
				return true
			})
		}
		if fieldCalls > 0 && hints == fieldCalls {
			u.hint = true
		}
	}
	u.discarded = verifies > 0 && kept == 0
	return u
}

// isHintToken reports whether tok is an id_token_hint: a variable named
// for a hint, or the id_token_hint parameter of the request.
func (c *pkgctx) isHintToken(tok ast.Expr) bool {
	if id, ok := ast.Unparen(tok).(*ast.Ident); ok && strings.Contains(strings.ToLower(id.Name), "hint") {
		return true
	}
	return c.readsParam(tok, "id_token_hint", 0)
}

// verifierFields returns the struct fields the verifier constructions
// are stored in: Endpoint{hint: p.Verifier(cfg)} or e.hint = p.Verifier(cfg).
func (c *pkgctx) verifierFields(newCalls []*ast.CallExpr) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	for _, nc := range newCalls {
		switch p := c.parents[nc].(type) {
		case *ast.KeyValueExpr:
			if id, ok := p.Key.(*ast.Ident); ok && p.Value == nc {
				if v, ok := c.info.Uses[id].(*types.Var); ok && v.IsField() {
					out[v] = true
				}
			}
		case *ast.AssignStmt:
			for i, r := range p.Rhs {
				if r != nc || i >= len(p.Lhs) {
					continue
				}
				if sel, ok := ast.Unparen(p.Lhs[i]).(*ast.SelectorExpr); ok {
					if v, ok := c.info.Uses[sel.Sel].(*types.Var); ok && v.IsField() {
						out[v] = true
					}
				}
			}
		}
	}
	return out
}

// verifierAssign is one assignment to a variable holding a verifier.
type verifierAssign struct {
	pos token.Pos
	rhs ast.Expr // nil when the value is not known (a tuple)
}

// verifierAssigns lists, in source order, the assignments in body to
// the variables vars.
func (c *pkgctx) verifierAssigns(body *ast.BlockStmt, vars map[types.Object]bool) map[types.Object][]verifierAssign {
	out := map[types.Object][]verifierAssign{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				obj := c.objOf(l)
				if obj == nil || !vars[obj] {
					continue
				}
				var rhs ast.Expr
				if len(n.Lhs) == len(n.Rhs) {
					rhs = n.Rhs[i]
				}
				out[obj] = append(out[obj], verifierAssign{n.Pos(), rhs})
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				obj := c.info.Defs[name]
				if obj == nil || !vars[obj] {
					continue
				}
				var rhs ast.Expr
				if len(n.Names) == len(n.Values) {
					rhs = n.Values[i]
				}
				out[obj] = append(out[obj], verifierAssign{n.Pos(), rhs})
			}
		}
		return true
	})
	return out
}

// tokenDiscarded reports whether the token a Verify call returns is
// thrown away: assigned to _ or the call used as a statement.
func (c *pkgctx) tokenDiscarded(call *ast.CallExpr) bool {
	switch p := c.parents[call].(type) {
	case *ast.ExprStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) >= 1 {
			id, ok := p.Lhs[0].(*ast.Ident)
			return ok && id.Name == "_"
		}
	}
	return false
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}
