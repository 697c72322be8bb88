package tokenverify

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"
)

// A token the program fetched for itself from the token endpoint with
// its own client. The unverified rule already leaves alone a token read
// from an oauth2.Token; a program that talks to its identity provider
// through an in-house client (a resty or net/http call posting
// grant_type=client_credentials and decoding the JSON answer into its
// own TokenResponse) holds the same thing: a token received straight
// from the token endpoint over TLS, which OpenID Connect lets the
// client trust (OIDC Core 3.1.3.7, 6).
//
// A function fetches a token when its body writes the grant_type
// parameter into what it sends (a map or url.Values key, a
// composite-literal key, the first argument of a Set or Add method)
// and its first result is a struct, or a pointer to one, with a string
// field for the access or ID token (named AccessToken/IDToken/IdToken
// or tagged access_token/id_token). Reading grant_type
// (r.FormValue("grant_type"), the token endpoint's own side) does not
// count. An exported fetcher carries a fetchedFact, so a client
// package's Login counts where its caller parses the token.

// fetchedFact marks a function that fetches a token from the token
// endpoint and returns the response as its first result.
type fetchedFact struct{}

func (*fetchedFact) AFact() {}

func (*fetchedFact) String() string { return "fetches a token" }

// tokenFetcher reports whether fn fetches a token (see above).
func (c *pkgctx) tokenFetcher(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() != c.pass.Pkg {
		var f fetchedFact
		return fn.Pkg() != nil && c.pass.ImportObjectFact(fn, &f)
	}
	d := c.decls[fn]
	if d == nil {
		return false
	}
	if c.fetchers == nil {
		c.fetchers = map[*types.Func]bool{}
	}
	is, ok := c.fetchers[fn]
	if !ok {
		is = c.writesGrantType(d) && tokenResponseType(fn)
		c.fetchers[fn] = is
	}
	return is
}

// tokenResponseType reports whether fn's first result is a struct, or a
// pointer to one, with a string field for the access or ID token.
func tokenResponseType(fn *types.Func) bool {
	res := fn.Type().(*types.Signature).Results()
	if res.Len() == 0 {
		return false
	}
	return tokenResponseStruct(res.At(0).Type())
}

// tokenResponseStruct reports whether t is a struct, or a pointer to
// one, with a string field for the access or ID token.
func tokenResponseStruct(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if b, ok := f.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
			continue
		}
		switch f.Name() {
		case "AccessToken", "IDToken", "IdToken":
			return true
		}
		tag := reflect.StructTag(st.Tag(i))
		for _, k := range []string{"json", "form", "mapstructure"} {
			name, _, _ := strings.Cut(tag.Get(k), ",")
			if name == "access_token" || name == "id_token" {
				return true
			}
		}
	}
	return false
}

// writesGrantType reports whether the body writes the grant_type
// parameter into something it sends.
func (c *pkgctx) writesGrantType(d *ast.FuncDecl) bool {
	return c.writesGrantTypeIn(d.Body)
}

// writesGrantTypeIn is writesGrantType for a function body.
func (c *pkgctx) writesGrantTypeIn(body *ast.BlockStmt) bool {
	isGrant := func(e ast.Expr) bool {
		tv, ok := c.info.Types[e]
		return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == "grant_type"
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && isGrant(ix.Index) {
					found = true
				}
			}
		case *ast.KeyValueExpr:
			if isGrant(n.Key) {
				found = true
			}
		case *ast.CallExpr:
			if fn := c.callee(n); fn != nil && recvName(fn) != "" && (fn.Name() == "Set" || fn.Name() == "Add") && len(n.Args) == 2 && isGrant(n.Args[0]) {
				found = true
			}
		}
		return !found
	})
	return found
}

// fromFetchedToken reports whether x, the value a token field is read
// from, is the response of a token fetcher: a local variable every
// assignment of which is the first result of a call to one.
func (c *pkgctx) fromFetchedToken(x ast.Expr) bool {
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok {
		return c.tokenFetcher(c.callee(call))
	}
	defs, obj := c.localDefs(x)
	if obj == nil {
		return false
	}
	if len(defs) == 0 {
		return c.decodedByFetcher(x, obj)
	}
	for _, d := range defs {
		call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
		if !ok || d.rng || d.index > 0 || !c.tokenFetcher(c.callee(call)) {
			return false
		}
	}
	return true
}

// decodedByFetcher reports whether obj, a local variable declared
// without a value, is the token response of the function it is declared
// in, when that function fetches the token itself: the function writes
// grant_type into what it sends, obj's type is a token response (see
// tokenResponseStruct), and obj is filled only by passing its address
// to a call (the decoding of the answer: json.Unmarshal(body, &res),
// helper.DoJSON(req, &res)). The in-function form of a token fetcher.
func (c *pkgctx) decodedByFetcher(x ast.Expr, obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok || isPkgVar(v) || c.isParam(v) || !tokenResponseStruct(v.Type()) {
		return false
	}
	var body *ast.BlockStmt
	for f := c.enclosingFunc(x); f != nil; f = c.enclosingFunc(f) {
		switch f := f.(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
		if body != nil && body.Pos() <= v.Pos() && v.Pos() < body.End() {
			break
		}
		body = nil
	}
	if body == nil || !c.writesGrantTypeIn(body) {
		return false
	}
	decoded := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || decoded {
			return !decoded
		}
		for _, a := range call.Args {
			if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
				if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && c.info.Uses[id] == obj {
					decoded = true
				}
			}
		}
		return !decoded
	})
	return decoded
}

// exportFetchers exports a fetchedFact for each exported token fetcher
// of the package, in source order.
func (c *pkgctx) exportFetchers() {
	var fns []*types.Func
	for fn := range c.decls {
		if fn.Exported() && c.tokenFetcher(fn) {
			fns = append(fns, fn)
		}
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		c.pass.ExportObjectFact(fn, &fetchedFact{})
	}
}
