package tokenverify

import (
	"go/ast"
	"go/types"
)

// A client reading the token it holds.
//
// A token's audience names the party the token is for. A server that
// receives a token is that party: it compares the audience with its own
// name and never connects to it. A client that was handed a token for
// someone else (a bootstrap or enrolment token, a one-time token it will
// present) reads the audience to learn where to go: it parses it as a
// URL, builds a request or dials it. When the unverified audience is
// given to an address taker (url.Parse, http.NewRequest, http.Get,
// grpc.Dial/NewClient, net.Dial, or a function of the package that
// passes its parameter on to one, three calls deep), the function is
// such a client: the other claims it reads shape the request it will
// present the token with, and the server it reaches verifies the token.
// Its decisions are not reported. A server that reads the audience only
// to compare it, or logs it, keeps its findings.

// addrTakers are the functions, by package path and name (method names
// with their receiver type), whose arguments are an address to reach.
var addrTakers = map[string]bool{
	"net/url.Parse": true, "net/url.ParseRequestURI": true,
	"net/http.NewRequest": true, "net/http.NewRequestWithContext": true,
	"net/http.Get": true, "net/http.Post": true, "net/http.Head": true, "net/http.PostForm": true,
	"net/http.Client.Get": true, "net/http.Client.Post": true, "net/http.Client.Head": true, "net/http.Client.PostForm": true,
	"google.golang.org/grpc.Dial": true, "google.golang.org/grpc.DialContext": true, "google.golang.org/grpc.NewClient": true,
	"net.Dial": true, "net.DialTimeout": true, "crypto/tls.Dial": true,
}

// connectsToAudience reports whether body gives an audience of the
// unverified token to an address taker.
func (u *unverified) connectsToAudience(body ast.Node) bool {
	c := u.c
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := c.callee(call)
		if fn == nil {
			return true
		}
		for i, a := range call.Args {
			if u.isAudience(a) && c.takesAddress(fn, i, 0) {
				found = true
			}
		}
		return !found
	})
	return found
}

// isAudience reports whether e is the audience of the unverified token
// (claims.Audience, claims.Audience[0], claims["aud"]).
func (u *unverified) isAudience(e ast.Expr) bool {
	e = ast.Unparen(e)
	if ta, ok := e.(*ast.TypeAssertExpr); ok {
		e = ast.Unparen(ta.X) // claims["aud"].(string)
	}
	if ix, ok := e.(*ast.IndexExpr); ok {
		if k, ok := u.c.constString(ix.Index); ok {
			return k == "aud" && u.labelOf(ix.X) == lblFull
		}
		e = ast.Unparen(ix.X)
	}
	switch e := e.(type) {
	case *ast.SelectorExpr:
		return (e.Sel.Name == "Audience" || e.Sel.Name == "Aud") && u.labelOf(e.X) == lblFull
	case *ast.IndexExpr:
		k, ok := u.c.constString(e.Index)
		return ok && k == "aud" && u.labelOf(e.X) == lblFull
	}
	return false
}

// takesAddress reports whether argument i of fn is an address it
// reaches: fn is an address taker, or a function of the package that
// passes that parameter, unchanged, to one.
func (c *pkgctx) takesAddress(fn *types.Func, i, depth int) bool {
	key := pkgPath(fn) + "."
	if r := recvName(fn); r != "" {
		key += r + "."
	}
	if addrTakers[key+fn.Name()] {
		return true
	}
	if depth > 2 || fn.Pkg() != c.pass.Pkg {
		return false
	}
	decl := c.declOf(fn)
	if decl == nil || decl.Body == nil {
		return false
	}
	param := paramObj(c.info, decl, i)
	if param == nil {
		return false
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		callee := c.callee(call)
		if callee == nil {
			return true
		}
		for j, a := range call.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); ok && c.info.Uses[id] == param && c.takesAddress(callee, j, depth+1) {
				found = true
			}
		}
		return !found
	})
	return found
}

// declOf returns the declaration of a function of the package.
func (c *pkgctx) declOf(fn *types.Func) *ast.FuncDecl {
	for _, f := range c.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && c.info.Defs[fd.Name] == fn {
				return fd
			}
		}
	}
	return nil
}

// paramObj returns the object of parameter i of decl (the last one for
// a variadic tail), or nil.
func paramObj(info *types.Info, decl *ast.FuncDecl, i int) types.Object {
	var names []*ast.Ident
	for _, field := range decl.Type.Params.List {
		if len(field.Names) == 0 {
			names = append(names, nil)
		}
		names = append(names, field.Names...)
	}
	if i >= len(names) || names[i] == nil {
		return nil
	}
	return info.Defs[names[i]]
}
