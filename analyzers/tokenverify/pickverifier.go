package tokenverify

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// Unverified claims that pick the verifier.
//
// A server holding several verifiers (one per issuer, tenant or
// provisioner) reads the token's claims before any key is known, to
// find the one that can verify it: the issuer, the audience, the
// authorized party, and at times whether a claim is present at all
// ("a token with an email is an OIDC token"). Such a function returns
// the verifier: a value whose type has a method that takes the token
// and returns an error, named like a check (Verify, Authorize,
// Validate, Authenticate). Whatever the claims decide there, the
// caller still has to pass the token through the verifier it got, so a
// forged claim can at most pick another verifier, which then refuses
// the token. In such a function the claims' conditions are routing,
// and returning the verifier they picked is no decision.
//
// Such a function often returns the claims it read beside the
// verifier. That is no decision either when the function is not
// exported and every call of it in the package drops that result or
// reads only routing or time claims from it (issuer, issued-at,
// audience: the routingFields the rule already allows).
//
// The type is the signal (a method taking a token of a JWT library, or a
// string its parameter names a token, returning an error); the method's
// name is the hint that the method checks the token rather than, say,
// logs it.

// verifierResults marks, for the function around an unverified parse,
// the results that are a verifier or a bool (found/not found), when at
// least one result is a verifier; nil otherwise.
func (c *pkgctx) verifierResults(fnNode ast.Node) []bool {
	sig := c.funcSig(fnNode)
	if sig == nil {
		return nil
	}
	marks := make([]bool, sig.Results().Len())
	found := false
	for i := range sig.Results().Len() {
		t := sig.Results().At(i).Type()
		if isVerifierType(t) {
			marks[i], found = true, true
			continue
		}
		if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			marks[i] = true
		}
	}
	if !found {
		return nil
	}
	return marks
}

// funcSig returns the signature of a function declaration or literal.
func (c *pkgctx) funcSig(fnNode ast.Node) *types.Signature {
	var t types.Type
	switch fn := fnNode.(type) {
	case *ast.FuncDecl:
		if obj, ok := c.info.Defs[fn.Name].(*types.Func); ok {
			t = obj.Type()
		}
	case *ast.FuncLit:
		t = c.info.TypeOf(fn)
	}
	sig, _ := t.(*types.Signature)
	return sig
}

// isVerifierType reports whether t has a method that checks a token: it
// takes a token (takesToken) and returns an error, and its name says it
// verifies, authorizes, validates or authenticates.
func isVerifierType(t types.Type) bool {
	if t == nil {
		return false
	}
	sets := []*types.MethodSet{types.NewMethodSet(t)}
	if _, isPtr := t.(*types.Pointer); !isPtr && !types.IsInterface(t) {
		sets = append(sets, types.NewMethodSet(types.NewPointer(t)))
	}
	for _, ms := range sets {
		for i := range ms.Len() {
			fn, ok := ms.At(i).Obj().(*types.Func)
			if !ok || !checkName(fn.Name()) {
				continue
			}
			sig := fn.Type().(*types.Signature)
			if takesToken(sig) && returnsError(sig) {
				return true
			}
		}
	}
	return false
}

func checkName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"verif", "authoriz", "validat", "authenticat"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// takesToken reports whether a method takes a token: a JWT library's
// token, or a string parameter named as one (token, jwt, ott, assertion,
// raw…). A string named otherwise (a password a user record checks) is
// no token.
func takesToken(sig *types.Signature) bool {
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		t := p.Type()
		if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.String && tokenParamName(p.Name()) {
			return true
		}
		if jwtlib.IsToken(t) {
			return true
		}
	}
	return false
}

func returnsError(sig *types.Signature) bool {
	for i := range sig.Results().Len() {
		if isErrorType(sig.Results().At(i).Type()) {
			return true
		}
	}
	return false
}

// resultReadForRouting reports whether result i of the unexported
// function declaration fnNode is, at every call in the package, dropped
// or read only for routing or time claims.
func (c *pkgctx) resultReadForRouting(fnNode ast.Node, i int) bool {
	decl, ok := fnNode.(*ast.FuncDecl)
	if !ok || decl.Name.IsExported() {
		return false
	}
	fn, ok := c.info.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	calls, ok := 0, true
	for _, f := range c.files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, isCall := n.(*ast.CallExpr)
			if !ok || !isCall || c.callee(call) != fn {
				return ok
			}
			calls++
			if !c.callResultRouting(call, i) {
				ok = false
			}
			return true
		})
	}
	return ok && calls > 0
}

// callResultRouting reports whether result i of call is dropped, or
// assigned to a local variable whose every use selects a routing field
// of it.
func (c *pkgctx) callResultRouting(call *ast.CallExpr, i int) bool {
	switch p := c.parents[call].(type) {
	case *ast.ExprStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || i >= len(p.Lhs) {
			return false
		}
		id, ok := p.Lhs[i].(*ast.Ident)
		if !ok {
			return false
		}
		if id.Name == "_" {
			return true
		}
		obj := c.objOf(id)
		if obj == nil {
			return false
		}
		used := true
		ast.Inspect(funcBody(c.enclosingFunc(call)), func(n ast.Node) bool {
			use, ok := n.(*ast.Ident)
			if !ok || c.info.Uses[use] != obj {
				return used
			}
			sel, ok := c.parents[use].(*ast.SelectorExpr)
			if !ok || sel.X != use || !routingFields[sel.Sel.Name] {
				used = false
			}
			return used
		})
		return used
	}
	return false
}

// routedResult reports whether result i of ret, a return of the
// function whose parse is judged, is no decision: the verifier the
// claims picked (or whether one was found), or claims that every
// caller reads only for routing.
func (u *unverified) routedResult(ret *ast.ReturnStmt, i int) bool {
	if u.picks == nil || len(ret.Results) != len(u.picks) {
		return false
	}
	if u.picks[i] {
		return true
	}
	fnNode := u.c.enclosingFunc(ret)
	return u.c.resultReadForRouting(fnNode, i)
}

func tokenParamName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"token", "jwt", "ott", "assertion", "raw"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}
