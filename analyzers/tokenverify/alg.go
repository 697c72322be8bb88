package tokenverify

import (
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"sort"

	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// The alg rule.
//
// golang-jwt verifies a token with the algorithm its own header names,
// using whatever key the key function returns. The library refuses a key
// of the wrong Go type for that algorithm (HS256 needs []byte, RS256 an
// *rsa.PublicKey, none a magic constant), so a key function that returns
// only typed asymmetric keys cannot be steered to another family: a
// forged "alg": "HS256" with an *rsa.PublicKey fails with
// ErrInvalidKeyType. The rule therefore fires only when the key function
// can return a []byte key, where the header alone decides how the key is
// used: the HMAC family accepts any byte string, and a key function that
// hands out byte strings (an HMAC secret today, a PEM or JWKS byte blob
// tomorrow, a key picked by kid from a mixed set) depends on the method
// check the library documentation requires. A key function that checks
// token.Method (type switch, type assertion, comparison of
// token.Method.Alg() or token.Header["alg"]), delegates the token to
// another library, or whose parse restricts the methods
// (jwt.WithValidMethods, Parser.ValidMethods) is left alone.

// restriction says whether a parse restricts its accepted algorithms.
type restriction int

const (
	restrictNo      restriction = iota // visibly not restricted
	restrictUnknown                    // built somewhere in this package we cannot see into
	restrictOutside                    // built outside the function (parameter, other package)
	restrictYes                        // WithValidMethods or ValidMethods seen
)

// checkKeyfunc checks the key function kf passed to the parse call.
func (c *pkgctx) checkKeyfunc(call *ast.CallExpr, fn *types.Func, kf ast.Expr) {
	if c.parseRestricted(call, kf) || c.checksMethodAfter(call) {
		return
	}
	for _, body := range c.resolveFuncs(kf, 0) {
		if c.checksMethod(body, 0) {
			continue
		}
		if !c.returnsBytesKey(body) {
			continue
		}
		var at ast.Node = kf
		if lit, ok := ast.Unparen(kf).(*ast.FuncLit); ok {
			at = lit.Type
		}
		c.report(at, catAlg, fmt.Sprintf("key function passed to %s returns an HMAC ([]byte) key without checking token.Method, and the parse sets no %s: the token's alg header chooses how the key is used", qualified(fn), restrictOption(fn)))
		return
	}
}

// qualified names fn as users write it: jwt.Parse, (*jwt.Parser).Parse.
func qualified(fn *types.Func) string {
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Name() + "."
	}
	if r := recvName(fn); r != "" {
		return "(*" + pkg + r + ")." + fn.Name()
	}
	return pkg + fn.Name()
}

// parseRestricted reports whether a parse call restricts the algorithms
// it accepts, through its options or its parser.
func (c *pkgctx) parseRestricted(call *ast.CallExpr, kf ast.Expr) bool {
	r := restrictNo
	for _, a := range call.Args {
		if a != kf && c.isOptionType(c.info.TypeOf(a)) {
			r = max(r, c.restricts(a, 0))
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			r = max(r, c.restricts(sel.X, 0))
		}
	}
	// Unknown (a parser or options built where they cannot be seen) is
	// not reported: only a visible construction that lacks the check is.
	return r != restrictNo
}

// isOptionType reports whether t is a parser, a parser option or a
// slice of options of a JWT library or its request package.
func (c *pkgctx) isOptionType(t types.Type) bool {
	if t == nil {
		return false
	}
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	inJWT := func(p string) bool { return jwtlib.IsGolangJWT(p) || jwtlib.IsGolangJWTRequest(p) }
	if isNamed(t, inJWT, "Parser") {
		return true
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && inJWT(n.Obj().Pkg().Path()) && strings.HasSuffix(n.Obj().Name(), "Option")
}

// restricts follows an option or parser expression to where it is built.
func (c *pkgctx) restricts(e ast.Expr, depth int) restriction {
	if depth > 4 {
		return restrictUnknown
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.restricts(e.Args[0], depth+1)
		}
		fn := c.callee(e)
		if fn == nil {
			if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "new" {
				return restrictNo
			}
			return restrictOutside
		}
		p := pkgPath(fn)
		switch {
		case jwtlib.IsGolangJWT(p) && fn.Name() == "WithValidMethods":
			return restrictYes
		case jwtlib.IsGolangJWT(p) || jwtlib.IsGolangJWTRequest(p):
			r := restrictNo
			for _, a := range e.Args {
				if c.isOptionType(c.info.TypeOf(a)) {
					r = max(r, c.restricts(a, depth+1))
				}
			}
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && c.isOptionType(c.info.TypeOf(sel.X)) {
				r = max(r, c.restricts(sel.X, depth+1))
			}
			return r
		}
		if impls, ok := c.implementations(fn); ok {
			// Options or a parser from an interface method: every
			// implementation in the package decides; none visible is
			// outside.
			if len(impls) == 0 {
				return restrictOutside
			}
			r := restrictNo
			for _, d := range impls {
				r = max(r, c.returnsRestricted(d, depth))
			}
			return r
		}
		if d := c.decls[fn]; d != nil {
			return c.returnsRestricted(d, depth)
		}
		return restrictOutside
	case *ast.UnaryExpr:
		return c.restricts(e.X, depth+1)
	case *ast.CompositeLit:
		r := restrictNo
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "ValidMethods" {
					return restrictYes
				}
				el = kv.Value
			}
			if c.isOptionType(c.info.TypeOf(el)) {
				r = max(r, c.restricts(el, depth+1))
			}
		}
		return r
	case *ast.Ident:
		defs, obj := c.localDefs(e)
		if obj == nil {
			return restrictUnknown
		}
		if c.isParam(obj) {
			if v, ok := obj.(*types.Var); ok {
				return c.paramRestricts(v, depth)
			}
			return restrictOutside
		}
		if len(defs) == 0 {
			if _, isStruct := obj.Type().Underlying().(*types.Struct); isStruct && !isPkgVar(obj) {
				// var p jwt.Parser: the zero value, no ValidMethods.
				return restrictNo
			}
			return restrictUnknown
		}
		r := restrictNo
		for _, d := range defs {
			if d.index >= 0 || d.rng {
				r = max(r, restrictUnknown)
				continue
			}
			r = max(r, c.restricts(d.rhs, depth+1))
		}
		// An option slice may grow by append elsewhere; append's
		// arguments are definitions too, seen through the call above.
		return r
	case *ast.SelectorExpr:
		// A field of a struct (s.parser): follow the values the package
		// stores in it (a constructor's literal, an assignment). None
		// visible is unknown.
		v, ok := c.info.Uses[e.Sel].(*types.Var)
		if !ok || !v.IsField() || len(c.fieldDefs[v]) == 0 {
			return restrictUnknown
		}
		r := restrictNo
		for _, d := range c.fieldDefs[v] {
			r = max(r, c.restricts(d, depth+1))
		}
		return r
	}
	return restrictUnknown
}

// paramRestricts is restricts over what the callers pass for parameter
// v, when they are all in sight: v belongs to an unexported function of
// the package, only called directly and named by no interface of the
// package (heldParam's conditions). A variadic parameter
// (opts ...jwt.ParserOption) is judged by the options each call passes,
// none being no restriction. Otherwise the options come from outside.
func (c *pkgctx) paramRestricts(v *types.Var, depth int) restriction {
	fn, idx := c.paramOwner(v)
	if fn == nil || fn.Exported() || depth > 6 {
		return restrictOutside
	}
	sig := fn.Type().(*types.Signature)
	if c.escapes[fn] || (sig.Recv() != nil && c.ifaceMethods[fn.Name()]) {
		return restrictOutside
	}
	calls := c.calls[fn]
	if len(calls) == 0 {
		return restrictOutside
	}
	variadic := sig.Variadic() && idx == sig.Params().Len()-1
	r := restrictNo
	for _, call := range calls {
		if !variadic {
			if idx >= len(call.Args) {
				return restrictOutside
			}
			r = max(r, c.restricts(call.Args[idx], depth+1))
			continue
		}
		for _, a := range call.Args[min(idx, len(call.Args)):] {
			r = max(r, c.restricts(a, depth+1))
		}
	}
	return r
}

// returnsRestricted is restricts over the first results of a function's
// return statements.
func (c *pkgctx) returnsRestricted(d *ast.FuncDecl, depth int) restriction {
	r := restrictNo
	seen := false
	inspectShallow(d.Body, func(n ast.Node) bool {
		if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) > 0 {
			seen = true
			r = max(r, c.restricts(ret.Results[0], depth+1))
		}
		return true
	})
	if !seen {
		return restrictUnknown
	}
	return r
}

// implementations returns the package's declarations of the methods
// that an interface method fn may dispatch to, and whether fn is an
// interface method at all.
func (c *pkgctx) implementations(fn *types.Func) ([]*ast.FuncDecl, bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil, false
	}
	iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil, false
	}
	var out []*ast.FuncDecl
	for m, d := range c.decls {
		msig := m.Type().(*types.Signature)
		if m.Name() != fn.Name() || msig.Recv() == nil {
			continue
		}
		rt := msig.Recv().Type()
		if types.Implements(rt, iface) || types.Implements(types.NewPointer(rt), iface) {
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out, true
}

// resolveFuncs follows a key function expression to the function bodies
// it may be: a literal, a named function or method of this package, a
// local variable holding one, or the result of a factory function of
// this package. Functions of other packages are not followed: they
// cannot be seen, and libraries that provide key functions (JWKS
// helpers) check the method themselves.
func (c *pkgctx) resolveFuncs(e ast.Expr, depth int) []ast.Node {
	if depth > 3 {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return []ast.Node{e}
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if s, ok := e.(*ast.SelectorExpr); ok {
			id = s.Sel
		} else {
			id = e.(*ast.Ident)
		}
		switch obj := c.info.Uses[id].(type) {
		case *types.Func:
			if d := c.decls[obj]; d != nil {
				return []ast.Node{d}
			}
		case *types.Var:
			if obj.IsField() || c.isParam(obj) {
				return nil
			}
			var out []ast.Node
			for _, d := range c.defs[obj] {
				if d.index < 0 && !d.rng {
					out = append(out, c.resolveFuncs(d.rhs, depth+1)...)
				}
			}
			return out
		}
	case *ast.CallExpr:
		if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			// jwt.Keyfunc(f)
			return c.resolveFuncs(e.Args[0], depth+1)
		}
		fn := c.callee(e)
		if fn == nil {
			return nil
		}
		d := c.decls[fn]
		if d == nil {
			return nil
		}
		var out []ast.Node
		inspectShallow(d.Body, func(n ast.Node) bool {
			if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) > 0 {
				out = append(out, c.resolveFuncs(ret.Results[0], depth+1)...)
			}
			return true
		})
		return out
	}
	return nil
}

// isJWTToken reports whether t is a JWT library's Token or *Token.
func isJWTToken(t types.Type) bool { return jwtlib.IsGolangJWTToken(t) }

// checksMethod reports whether a key function body looks at the
// token's signing method, or hands the token to code that may.
func (c *pkgctx) checksMethod(fn ast.Node, depth int) bool {
	body := funcBody(fn)
	if body == nil || depth > 3 {
		// Unknown bodies are assumed to check: precision first.
		return true
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if n.Sel.Name == "Method" && isJWTToken(c.info.TypeOf(n.X)) {
				found = true
			}
		case *ast.IndexExpr:
			if sel, ok := ast.Unparen(n.X).(*ast.SelectorExpr); ok && sel.Sel.Name == "Header" && isJWTToken(c.info.TypeOf(sel.X)) {
				if k, ok := c.constString(n.Index); ok && strings.EqualFold(k, "alg") {
					found = true
				}
			}
		case *ast.CallExpr:
			for _, a := range n.Args {
				if !isJWTToken(c.info.TypeOf(a)) {
					continue
				}
				fn := c.callee(n)
				if fn == nil {
					// A call through a function value: a key function
					// chosen at run time, assumed to check.
					found = true
					break
				}
				if d := c.decls[fn]; d != nil {
					if c.checksMethod(d, depth+1) {
						found = true
					}
					break
				}
				if p := pkgPath(fn); strings.Contains(strings.Split(p, "/")[0], ".") && !jwtlib.IsGolangJWT(p) {
					// Handed to a third-party library (a JWKS key
					// function, for one), which checks the method.
					found = true
				}
			}
		}
		return true
	})
	return found
}

// returnsBytesKey reports whether a key function can return a []byte
// key (see the rule comment at the top of the file).
func (c *pkgctx) returnsBytesKey(fn ast.Node) bool {
	found := false
	inspectShallow(funcBody(fn), func(n ast.Node) bool {
		if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) > 0 && !found {
			found = c.isBytesKey(ret.Results[0], 0)
		}
		return !found
	})
	return found
}

// isBytesKey reports whether e is, or (for an interface value) was
// assigned, a []byte.
func (c *pkgctx) isBytesKey(e ast.Expr, depth int) bool {
	if depth > 3 || c.isConst(e) {
		return false
	}
	t := c.info.TypeOf(e)
	if t == nil {
		return false
	}
	if isByteSlice(t) {
		// Exactly []byte: golang-jwt's HMAC asserts key.([]byte), so a
		// named byte-slice type (ed25519.PublicKey) is refused for HS*.
		_, unnamed := types.Unalias(t).(*types.Slice)
		return unnamed
	}
	if !types.IsInterface(t) {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		defs, obj := c.localDefs(e)
		if obj == nil || c.isParam(obj) {
			return false
		}
		for _, d := range defs {
			if d.index < 0 && !d.rng && c.isBytesKey(d.rhs, depth+1) {
				return true
			}
		}
	case *ast.CallExpr:
		if fn := c.callee(e); fn != nil {
			if d := c.decls[fn]; d != nil {
				return c.returnsBytesKey(d)
			}
		}
	case *ast.IndexExpr:
		// keys[kid] from a map of interface values: a []byte among the
		// values the package puts in it.
		defs, obj := c.localDefs(e.X)
		if obj == nil || c.isParam(obj) {
			return false
		}
		for _, d := range defs {
			lit, ok := ast.Unparen(d.rhs).(*ast.CompositeLit)
			if !ok || d.index >= 0 {
				continue
			}
			for _, el := range lit.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok && c.isBytesKey(kv.Value, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

func isByteSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// checkNone reports uses of the none algorithm: jwt.SigningMethodNone
// used to sign or accept tokens (comparisons that reject it are fine)
// and jwt.UnsafeAllowNoneSignatureType anywhere.
func (c *pkgctx) checkNone(sel *ast.SelectorExpr) {
	obj := c.info.Uses[sel.Sel]
	if obj == nil || !jwtlib.IsGolangJWT(pkgPath(obj)) {
		return
	}
	switch obj.Name() {
	case "UnsafeAllowNoneSignatureType":
		c.report(sel, catAlg, "jwt.UnsafeAllowNoneSignatureType makes unsigned tokens (alg none) verify")
	case "SigningMethodNone":
		var use ast.Node = sel
		// jwt.SigningMethodNone.Alg() is the same value as a string.
		if p, ok := c.parents[use].(*ast.SelectorExpr); ok && p.Sel.Name == "Alg" {
			if call, ok := c.parents[p].(*ast.CallExpr); ok {
				use = call
			}
		}
		for {
			p, ok := c.parents[use].(*ast.ParenExpr)
			if !ok {
				break
			}
			use = p
		}
		switch p := c.parents[use].(type) {
		case *ast.BinaryExpr:
			if p.Op == token.EQL || p.Op == token.NEQ {
				// A check that rejects none.
				return
			}
		case *ast.CaseClause:
			return
		}
		c.report(sel, catAlg, "jwt.SigningMethodNone creates or accepts unsigned tokens (alg none)")
	}
}

// checkValidMethodsNone reports "none" among the valid methods.
func (c *pkgctx) checkValidMethodsNone(call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
	if !ok {
		return
	}
	for _, el := range lit.Elts {
		if s, ok := c.constString(el); ok && strings.EqualFold(s, "none") {
			c.report(el, catAlg, `jwt.WithValidMethods accepts "none", so unsigned tokens verify`)
		}
	}
}

// restrictOption names the way fn's library restricts the accepted
// algorithms: jwt.WithValidMethods in golang-jwt v4 and v5, a Parser's
// ValidMethods field before (golang-jwt v3, dgrijalva's jwt-go), which
// have no parser options (review BY: goploy on v3.2.2).
func restrictOption(fn *types.Func) string {
	if fn.Pkg() == nil {
		return "jwt.WithValidMethods"
	}
	p := jwtlib.Unvendor(fn.Pkg().Path())
	if strings.HasSuffix(p, "/v4") || strings.HasSuffix(p, "/v5") || strings.Contains(p, "/v4/") || strings.Contains(p, "/v5/") {
		return "jwt.WithValidMethods"
	}
	return "jwt.Parser{ValidMethods: …}"
}
