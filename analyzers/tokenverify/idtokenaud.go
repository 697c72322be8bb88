package tokenverify

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// The ID-token shape of the audience rule. OpenID Connect Core
// (§3.1.3.7) has the client reject an ID token whose aud does not name
// its client id: the provider signs the ID tokens of every client
// registered with it under the same keys. A verification of the
// provider's tokens is recognised by two things together:
//
//   - its keys are fetched from the provider at run time: the function
//     (or a function of the package it calls, two calls deep) calls a
//     JWKS library (jwk.Fetch, a jwk.Cache, MicahParks/keyfunc,
//     go-oidc's remote key set), or makes an HTTP request from a
//     function named for keys or certificates (getKeysFromHTTP);
//   - the code says it is OpenID Connect: the package path, the
//     function or the receiver's type is named for oidc, openid or an
//     ID token.
//
// Keys the program holds itself (a key file, an HMAC secret) are its
// own tokens', which often carry no audience, and stay the sibling
// shape's. A verification that checks the audience (an option, or a
// read of the Audience field or "aud" claim in the function or the
// package functions it calls) is left alone. When the claims leave the
// function (returned), the callers decide: a caller that reads the
// audience checks it; one that does not is reported at its call. An
// exported verifier carries idTokenFact, so that callers in other
// packages are judged the same way.

// idTokenFact marks an exported function that verifies an ID token
// with its provider's fetched keys, checks no audience, and returns the
// claims to its caller.
type idTokenFact struct{ Lib string }

func (*idTokenFact) AFact() {}

func (f *idTokenFact) String() string { return "ID token verified without audience by " + f.Lib }

// checkIDTokenAudience judges v, a verification that checks no audience
// and that no other shape reported.
func (c *pkgctx) checkIDTokenAudience(v *audVerification) {
	if !c.oidcNamed(v.fn) || !c.fetchesKeys(v.fn.Body, 0, false) {
		return
	}
	if !c.returnsClaims(v.fn) {
		c.report(v.at, catAudience, fmt.Sprintf("%s verifies an OpenID Connect token with keys fetched from the identity provider, without checking its audience: the provider signs the tokens of every client registered with it, so one issued to another client is accepted; check that aud contains this client's id", v.lib))
		return
	}
	fn, ok := c.info.Defs[v.fn.Name].(*types.Func)
	if !ok {
		return
	}
	if v.fn.Name.IsExported() {
		c.pass.ExportObjectFact(fn, &idTokenFact{Lib: v.lib})
	}
	c.reportIDTokenCallers(fn)
}

// reportIDTokenCallers reports the calls of fn (a verifier that returns
// the claims of an ID token whose audience it did not check) in
// production functions of the package that neither read the audience
// nor return the claims on.
func (c *pkgctx) reportIDTokenCallers(fn *types.Func) {
	for _, f := range c.files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || c.isTestFile(fd) || c.info.Defs[fd.Name] == fn {
				continue
			}
			var calls []*ast.CallExpr
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && c.callee(call) == fn {
					calls = append(calls, call)
				}
				return true
			})
			if len(calls) == 0 || !c.leavesAudienceUnchecked(fd) {
				continue
			}
			for _, call := range calls {
				c.reportUncheckedCaller(call, fn.Name())
			}
		}
	}
}

// checkImportedIDTokenCall reports, in the function fd, a call of
// another package's verifier marked with idTokenFact, unless fd reads
// the audience or returns the claims on.
func (c *pkgctx) checkImportedIDTokenCall(fd *ast.FuncDecl, call *ast.CallExpr, fn *types.Func) {
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
		return
	}
	var f idTokenFact
	if !c.pass.ImportObjectFact(fn, &f) {
		return
	}
	if c.leavesAudienceUnchecked(fd) {
		c.reportUncheckedCaller(call, fn.Pkg().Name()+"."+fn.Name())
	}
}

// leavesAudienceUnchecked reports whether fd, a caller of a verifier
// that returns unchecked claims, neither reads the audience nor returns
// the claims on to its own callers.
func (c *pkgctx) leavesAudienceUnchecked(fd *ast.FuncDecl) bool {
	return !c.readsAudience(fd.Body, 0) && !c.returnsClaims(fd)
}

func (c *pkgctx) reportUncheckedCaller(call *ast.CallExpr, verifier string) {
	c.report(call, catAudience, fmt.Sprintf("%s verifies an OpenID Connect token with keys fetched from the identity provider and checks no audience, and this caller does not either: the provider signs the tokens of every client registered with it, so one issued to another client is accepted; check that aud contains this client's id", verifier))
}

// oidcNamed reports whether the package, the function or its
// receiver's type is named for OpenID Connect or an ID token.
func (c *pkgctx) oidcNamed(fd *ast.FuncDecl) bool {
	names := []string{c.pass.Pkg.Path(), fd.Name.Name}
	if fd.Recv != nil && len(fd.Recv.List) == 1 {
		if t := c.info.TypeOf(fd.Recv.List[0].Type); t != nil {
			names = append(names, typeName(t))
		}
	}
	for _, n := range names {
		l := strings.ToLower(n)
		if strings.Contains(l, "oidc") || strings.Contains(l, "openid") || strings.Contains(l, "idtoken") || strings.Contains(l, "id_token") {
			return true
		}
	}
	return false
}

// fetchesKeys reports whether body fetches keys from a URL: a call of a
// JWKS library, or an HTTP request made in a function named for keys
// (keyish), looking into the package's functions two calls deep.
func (c *pkgctx) fetchesKeys(body ast.Node, depth int, keyish bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := c.callee(call)
		if fn == nil {
			return true
		}
		switch {
		case remoteKeyCall(fn):
			found = true
		case keyish && httpRequest(fn):
			found = true
		case depth < 2 && fn.Pkg() == c.pass.Pkg:
			if d := c.decls[fn]; d != nil && d.Body != nil && c.fetchesKeys(d.Body, depth+1, keyish || keyName(fn.Name())) {
				found = true
			}
		}
		return !found
	})
	return found
}

// remoteKeyCall reports a function of a JWKS library that reads a key
// set from a URL.
func remoteKeyCall(fn *types.Func) bool {
	if lib, ok := jwtlib.Classify(fn); ok && lib.Role == jwtlib.Fetch {
		return true
	}
	path := pkgPath(fn)
	switch {
	case strings.HasPrefix(path, "github.com/MicahParks/keyfunc"), strings.HasPrefix(path, "github.com/MicahParks/jwkset"):
		return true
	case strings.HasPrefix(path, "github.com/lestrrat-go/jwx") && fn.Pkg().Name() == "jwk":
		switch recvName(fn) {
		case "Cache", "AutoRefresh", "CachedSet":
			return true
		case "":
			return fn.Name() == "Fetch" || fn.Name() == "NewCachedSet"
		}
	}
	return false
}

// httpRequest reports net/http's client calls.
func httpRequest(fn *types.Func) bool {
	if pkgPath(fn) != "net/http" {
		return false
	}
	switch fn.Name() {
	case "Get", "Do", "Post":
		r := recvName(fn)
		return r == "" || r == "Client"
	}
	return false
}

func keyName(name string) bool {
	l := strings.ToLower(name)
	return strings.Contains(l, "key") || strings.Contains(l, "jwk") || strings.Contains(l, "cert")
}

// returnsClaims reports whether fd returns a token's claims: a result
// of a JWT library's type (jwt.MapClaims, *jwt.Token), a struct that
// embeds or holds one, or a map of claims.
func (c *pkgctx) returnsClaims(fd *ast.FuncDecl) bool {
	obj, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	res := obj.Type().(*types.Signature).Results()
	for i := 0; i < res.Len(); i++ {
		if claimsType(res.At(i).Type(), 0) {
			return true
		}
	}
	return false
}

func claimsType(t types.Type, depth int) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	t = types.Unalias(t)
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && jwtlib.IsLibrary(n.Obj().Pkg().Path()) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		b, ok := u.Key().Underlying().(*types.Basic)
		return ok && b.Kind() == types.String
	case *types.Struct:
		if depth > 0 {
			return false
		}
		for i := 0; i < u.NumFields(); i++ {
			if claimsType(u.Field(i).Type(), depth+1) {
				return true
			}
		}
	}
	return false
}
