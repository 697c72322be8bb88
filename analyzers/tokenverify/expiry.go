package tokenverify

import (
	"github.com/authvet/authvet/analyzers/internal/jwtlib"

	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"strings"
)

// The no-expiry rule: parsers that skip the exp check, and tokens minted
// without an expiry. golang-jwt v5 treats exp as optional (unless the
// parser asks for jwt.WithExpirationRequired), so a token minted without
// one is valid for ever.

// checkParserLit reports jwt.Parser{SkipClaimsValidation: true} (v3, v4).
func (c *pkgctx) checkParserLit(lit *ast.CompositeLit) {
	if !isNamed(c.info.TypeOf(lit), jwtlib.IsGolangJWT, "Parser") || c.parserLitOnlyUnverified(lit) {
		return // a parser only used for ParseUnverified turns nothing off (parseronly.go)
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "SkipClaimsValidation" && c.isTrue(kv.Value) {
			c.reportNoValidation(kv, jwtlib.GolangJWT, "jwt.Parser with SkipClaimsValidation turns off the exp and nbf checks, so expired tokens are accepted")
		}
	}
}

// isTrue reports whether e is the constant true.
func (c *pkgctx) isTrue(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// expiry says whether a claims value sets an expiry.
type expiry int

const (
	expUnknown expiry = iota // cannot tell: assume it does
	expNo
	expYes
)

// checkMint reports jwt.NewWithClaims whose claims, visible in the
// function, carry no expiry.
func (c *pkgctx) checkMint(call *ast.CallExpr, fn *types.Func) {
	if len(call.Args) < 2 {
		return
	}
	claims := call.Args[1]
	if c.claimsExpiry(claims, call, 0) != expNo {
		return
	}
	what := "claims without ExpiresAt"
	if isNamed(c.info.TypeOf(claims), jwtlib.IsGolangJWT, "MapClaims") {
		what = `jwt.MapClaims without an "exp" claim`
	} else if tn := typeName(c.info.TypeOf(claims)); tn != "" {
		what = tn + " without ExpiresAt"
	}
	c.report(call, catNoExpiry, fmt.Sprintf("token minted with %s from %s never expires", qualified(fn), what))
}

// claimsExpiry follows a claims expression to the literal it is built
// from and says whether it sets an expiry.
func (c *pkgctx) claimsExpiry(e ast.Expr, at ast.Node, depth int) expiry {
	if depth > 3 {
		return expUnknown
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return c.litExpiry(e, depth)
	case *ast.UnaryExpr:
		return c.claimsExpiry(e.X, at, depth+1)
	case *ast.CallExpr:
		// make(jwt.MapClaims) is an empty literal; other calls build the
		// claims where we do not look.
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "make" && c.info.Uses[id] == types.Universe.Lookup("make") {
			return expNo
		}
		return expUnknown
	case *ast.Ident:
		defs, obj := c.localDefs(e)
		if obj == nil || c.isParam(obj) || isPkgVar(obj) || len(defs) == 0 {
			return expUnknown
		}
		if c.mutatesExpiry(obj, at) {
			return expYes
		}
		res := expNo
		for _, d := range defs {
			if d.index >= 0 || d.rng {
				return expUnknown
			}
			switch c.claimsExpiry(d.rhs, at, depth+1) {
			case expUnknown:
				return expUnknown
			case expYes:
				res = expYes
			}
		}
		return res
	}
	return expUnknown
}

// litExpiry says whether a claims literal sets an expiry.
func (c *pkgctx) litExpiry(lit *ast.CompositeLit, depth int) expiry {
	t := c.info.TypeOf(lit)
	if t == nil {
		return expUnknown
	}
	if c.isProofLit(lit) {
		// A proof JWT bound to one request carries iat, not exp: its
		// verifier judges freshness from iat (fresh.go).
		return expYes
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		if !isNamed(t, jwtlib.IsGolangJWT, "MapClaims") {
			return expUnknown
		}
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return expUnknown
			}
			k, ok := c.constString(kv.Key)
			if !ok {
				return expUnknown
			}
			if k == "exp" {
				return expYes
			}
		}
		return expNo
	case *types.Struct:
		if _, field, ok := jwtlib.ClaimsType(t); ok && field != "" {
			return keyedHas(lit, field)
		}
		// A custom claims struct: its expiry is an embedded (or named)
		// RegisteredClaims/StandardClaims, or its own exp field.
		var regField, regExp, expField string
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if _, field, ok := jwtlib.ClaimsType(f.Type()); ok && field != "" {
				regField = f.Name()
				if f.Embedded() {
					regExp = field
				}
			} else if isExpField(f, u.Tag(i)) {
				expField = f.Name()
			}
		}
		if regField == "" && expField == "" {
			// The type implements Claims on its own: cannot tell.
			return expUnknown
		}
		if len(lit.Elts) > 0 {
			if _, ok := lit.Elts[0].(*ast.KeyValueExpr); !ok {
				return expUnknown
			}
		}
		if expField != "" && keyedHas(lit, expField) == expYes {
			return expYes
		}
		// Go 1.27: a literal may set a promoted field by its own name
		// (&AccessClaims{Subject: id, ExpiresAt: …} with RegisteredClaims
		// embedded).
		if regExp != "" && keyedHas(lit, regExp) == expYes {
			return expYes
		}
		for _, el := range lit.Elts {
			kv := el.(*ast.KeyValueExpr)
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == regField {
				return c.claimsExpiry(kv.Value, lit, depth+1)
			}
		}
		return expNo
	}
	return expUnknown
}

// isProofLit reports whether a claims literal is a proof of possession
// bound to one HTTP request (a DPoP proof, RFC 9449 §4.2: htm and htu
// claims) that sets its iat. Such a proof has no exp by design: the
// server accepts it only within a window after iat and remembers its
// jti.
func (c *pkgctx) isProofLit(lit *ast.CompositeLit) bool {
	keys := map[string]bool{}
	ast.Inspect(lit, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		if k, ok := c.constString(kv.Key); ok {
			keys[strings.ToLower(k)] = true
		} else if id, ok := kv.Key.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && v.IsField() {
				keys[claimName(v)] = true
			}
		}
		return true
	})
	return keys["htm"] && keys["htu"] && keys["iat"]
}

// claimName is the JSON name of a claims struct field: its json tag, or
// the registered claim its well-known name stands for.
func claimName(v *types.Var) string {
	if v.Name() == "IssuedAt" {
		return "iat"
	}
	if st, ok := fieldStruct(v); ok {
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i) == v {
				name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
				return strings.ToLower(name)
			}
		}
	}
	return strings.ToLower(v.Name())
}

// fieldStruct finds the struct type declaring field v among the named
// types of its package.
func fieldStruct(v *types.Var) (*types.Struct, bool) {
	if v.Pkg() == nil {
		return nil, false
	}
	scope := v.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i) == v {
				return st, true
			}
		}
	}
	return nil, false
}

// isExpField reports whether a custom claims field holds the exp claim.
func isExpField(f *types.Var, tag string) bool {
	if j := reflect.StructTag(tag).Get("json"); j != "" {
		return strings.Split(j, ",")[0] == "exp"
	}
	switch f.Name() {
	case "Exp", "ExpiresAt", "Expiry", "ExpiresAtUnix":
		return true
	}
	return false
}

// keyedHas says whether a keyed struct literal sets field.
func keyedHas(lit *ast.CompositeLit, field string) expiry {
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return expUnknown
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
			return expYes
		}
	}
	return expNo
}

// mutatesExpiry reports whether the function around at sets an expiry
// on the claims variable obj after building it (claims["exp"] = …,
// claims.ExpiresAt = …), or hands the claims to code that may.
func (c *pkgctx) mutatesExpiry(obj types.Object, at ast.Node) bool {
	fn := c.outerFunc(at)
	if fn == nil {
		return true
	}
	found := false
	ast.Inspect(funcBody(fn), func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if c.rootObj(l) != obj {
					continue
				}
				if _, isIdent := l.(*ast.Ident); isIdent {
					continue
				}
				if mentionsExp(c, l) {
					found = true
				}
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && c.rootObj(sel.X) == obj {
				// claims.SetExpiry(…), claims.RegisteredClaims.X(…).
				if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.MethodVal && !jwtlib.IsGolangJWT(pkgPath(s.Obj())) {
					found = true
				}
			}
			for _, a := range n.Args {
				if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && c.rootObj(u.X) == obj {
					// setExpiry(&claims)
					found = true
				}
				// fill(claims), maps.Copy(claims, payload): a map is
				// shared, so the callee may set exp.
				if id, ok := ast.Unparen(a).(*ast.Ident); ok && c.rootObj(id) == obj && isMap(obj.Type()) && c.mayFillMap(n) {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// mentionsExp reports whether an assignment target names the expiry:
// claims["exp"], claims.ExpiresAt, claims.RegisteredClaims (whole).
func mentionsExp(c *pkgctx, e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.IndexExpr:
			// claims["exp"], or claims[k] with a key computed at run
			// time (claims copied from a payload), which may be "exp".
			if k, ok := c.constString(x.Index); !ok || k == "exp" {
				return true
			}
			e = x.X
		case *ast.SelectorExpr:
			switch x.Sel.Name {
			case "ExpiresAt", "Exp", "Expiry", "RegisteredClaims", "StandardClaims":
				return true
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return false
		}
	}
}

// rootObj returns the variable at the root of a selector or index chain.
func (c *pkgctx) rootObj(e ast.Expr) types.Object {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			if o := c.info.Uses[x]; o != nil {
				return o
			}
			return c.info.Defs[x]
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			e = x.X
		default:
			return nil
		}
	}
}

func isMap(t types.Type) bool {
	_, ok := t.Underlying().(*types.Map)
	return ok
}

// mayFillMap reports whether a call that is passed a map may add keys
// to it: the project's own functions, function values and maps.Copy may;
// jwt (NewWithClaims reads the claims) and the rest of the standard
// library (fmt, log, encoding/json) do not.
func (c *pkgctx) mayFillMap(call *ast.CallExpr) bool {
	fn := c.callee(call)
	if fn == nil {
		return true // a function value, a builtin or a conversion
	}
	path := pkgPath(fn)
	switch {
	case path == "maps":
		return true
	case jwtlib.IsGolangJWT(path):
		return false
	}
	first, _, _ := strings.Cut(path, "/")
	return strings.Contains(first, ".") || path == c.pass.Pkg.Path()
}

// checkNewThenClaims reports jwt.New whose token gets its claims by a
// later assignment to its Claims field in the same function (tok :=
// jwt.New(m); tok.Claims = jwt.MapClaims{}), when every claims value so
// assigned carries no expiry and nothing else in the function writes
// through the token's Claims (tok.Claims.(jwt.MapClaims)["exp"] = …).
// It is the two-step spelling of jwt.NewWithClaims (review O,
// pufferpanel's signed daemon requests). A token whose Claims are never
// assigned is left alone: its claims are filled where we do not look.
func (c *pkgctx) checkNewThenClaims(call *ast.CallExpr, fn *types.Func) {
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return
	}
	as, ok := c.parents[call].(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call {
		return
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return
	}
	tok := c.info.ObjectOf(id)
	outer := c.outerFunc(call)
	if tok == nil || outer == nil {
		return
	}
	var assigned []*ast.AssignStmt
	other := false
	ast.Inspect(funcBody(outer), func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Claims" {
			return true
		}
		x, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok || c.info.ObjectOf(x) != tok {
			return true
		}
		if a, ok := c.parents[sel].(*ast.AssignStmt); ok && len(a.Lhs) == 1 && len(a.Rhs) == 1 && a.Lhs[0] == sel {
			assigned = append(assigned, a)
			return true
		}
		other = true // read or written through: cannot tell
		return true
	})
	if other || len(assigned) == 0 {
		return
	}
	what := ""
	for _, a := range assigned {
		if c.claimsExpiry(a.Rhs[0], a, 0) != expNo {
			return
		}
		what = "claims without ExpiresAt"
		if isNamed(c.info.TypeOf(a.Rhs[0]), jwtlib.IsGolangJWT, "MapClaims") {
			what = `jwt.MapClaims without an "exp" claim`
		} else if tn := typeName(c.info.TypeOf(a.Rhs[0])); tn != "" {
			what = tn + " without ExpiresAt"
		}
	}
	c.report(call, catNoExpiry, fmt.Sprintf("token minted with %s and given %s never expires", qualified(fn), what))
}
