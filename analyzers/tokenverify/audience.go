package tokenverify

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// The audience rule: a token verified without checking that it was
// issued to this program.
//
// An identity provider signs tokens for every application it serves
// with the same keys and the same issuer. A verification that checks
// the signature, the expiry and the issuer, but not the audience,
// accepts a token the provider issued to any other application: a
// malicious app that collects its users' ID tokens can sign in to this
// one as them. Three shapes are reported:
//
//   - google.golang.org/api/idtoken's Validate with an empty audience,
//     which skips the audience check (the library's documented
//     behaviour), unless the function reads the payload's Audience;
//   - a golang-jwt, jwx or go-jose verification that pins the issuer of
//     a public identity provider whose tokens are issued to every
//     application registered with it (Google, Apple, Microsoft Entra,
//     GitHub Actions, GitLab, Facebook) and checks no audience;
//   - a verification that checks no audience while another
//     verification of the same package, of tokens from the same issuer
//     or under the same key, checks one: the program itself shows that
//     these tokens carry an audience that matters.
//
// A verification whose function reads the audience (a field or method
// named Audience, an "aud" claim), directly or in a function of the
// package it calls, checks it itself. go-oidc is the oidc rule's.

// publicIssuers are the issuers of identity providers that sign tokens
// for every application registered with them: the issuer names the
// provider, never the application. A trailing "/" matches a prefix.
var publicIssuers = []string{
	"https://accounts.google.com", "accounts.google.com",
	"https://appleid.apple.com",
	"https://login.microsoftonline.com/", "https://sts.windows.net/",
	"https://token.actions.githubusercontent.com",
	"https://gitlab.com",
	"https://www.facebook.com", "https://facebook.com",
}

func publicIssuer(iss string) bool {
	for _, p := range publicIssuers {
		if iss == p || strings.HasSuffix(p, "/") && strings.HasPrefix(iss, p) {
			return true
		}
	}
	return false
}

// audVerification is one verification of a token's claims.
type audVerification struct {
	at       ast.Node
	fn       *ast.FuncDecl
	lib      string
	issuer   string       // the issuer pinned, "" when none or unknown
	key      types.Object // the key, key function or key set, when named
	audience bool         // the verification checks the audience
}

// checkAudience runs the rule over the package.
func (c *pkgctx) checkAudience() {
	var vs []*audVerification
	for _, f := range c.files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || c.isTestFile(fd) {
				continue
			}
			readsAud := -1 // not yet known
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn := c.callee(call)
				if fn == nil {
					return true
				}
				if pkgPath(fn) == "google.golang.org/api/idtoken" && fn.Name() == "Validate" && len(call.Args) == 3 {
					if aud, ok := c.constString(call.Args[2]); ok && aud == "" {
						if readsAud < 0 {
							readsAud = b2i(c.readsAudience(fd.Body, 0))
						}
						if readsAud == 0 {
							c.report(call, catAudience, "idtoken.Validate with an empty audience skips the audience check: a Google ID token issued to any other app is accepted; pass this app's client id or compare Payload.Audience with it")
						}
					}
					return true
				}
				if v := c.audVerification(fd, call, fn); v != nil {
					vs = append(vs, v)
				}
				c.checkImportedIDTokenCall(fd, call, fn)
				return true
			})
		}
	}
	// A verification is checked when one of the package does check the
	// audience of tokens from the same issuer or under the same key.
	checkedIss := map[string]*audVerification{}
	checkedKey := map[types.Object]*audVerification{}
	for _, v := range vs {
		if !v.audience {
			continue
		}
		if v.issuer != "" && checkedIss[v.issuer] == nil {
			checkedIss[v.issuer] = v
		}
		if v.key != nil && checkedKey[v.key] == nil {
			checkedKey[v.key] = v
		}
	}
	sort.SliceStable(vs, func(i, j int) bool { return vs[i].at.Pos() < vs[j].at.Pos() })
	for _, v := range vs {
		if v.audience || c.readsAudience(v.fn.Body, 0) {
			continue
		}
		var sib *audVerification
		if v.issuer != "" {
			sib = checkedIss[v.issuer]
		}
		if sib == nil && v.key != nil {
			sib = checkedKey[v.key]
		}
		switch {
		case v.issuer != "" && publicIssuer(v.issuer):
			c.report(v.at, catAudience, fmt.Sprintf("%s verifies a token of %s without checking its audience: %s signs tokens for every app registered with it, so one issued to another app is accepted; check aud against this app's client id", v.lib, v.issuer, v.issuer))
		case sib != nil:
			pos := c.pass.Fset.Position(sib.at.Pos())
			c.report(v.at, catAudience, fmt.Sprintf("%s verifies a token without checking its audience, while %s (line %d) checks the audience of tokens from the same issuer or key: a token issued for another audience is accepted here", v.lib, sib.fn.Name.Name, pos.Line))
		default:
			c.checkIDTokenAudience(v)
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// audVerification describes call when it verifies a token with
// golang-jwt (Parse, ParseWithClaims with their options), jwx v2/v3
// (Parse with its options) or go-jose (Claims.Validate with an
// Expected), and nil otherwise or when its options cannot be seen.
func (c *pkgctx) audVerification(fd *ast.FuncDecl, call *ast.CallExpr, fn *types.Func) *audVerification {
	lib, ok := jwtlib.Classify(fn)
	if !ok {
		return nil
	}
	p, _ := jwtlib.Lookup(pkgPath(fn))
	switch {
	case lib.Family == jwtlib.GolangJWT && lib.Role == jwtlib.Verify && p.Sub == "" && p.Major >= 4:
		// Options are the arguments after the key function, or those
		// of jwt.NewParser(…) called in place.
		v := &audVerification{at: call, fn: fd, lib: "jwt." + fn.Name()}
		ki := jwtlib.KeyfuncParam(fn)
		if ki < 0 || ki >= len(call.Args) {
			return nil
		}
		v.key = c.keyObject(call.Args[ki])
		opts := call.Args[ki+1:]
		if recvName(fn) == "Parser" {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil
			}
			px := ast.Unparen(sel.X)
			if id, ok := px.(*ast.Ident); ok {
				// parser := jwt.NewParser(…), assigned once in the
				// package: its options.
				if defs, obj := c.localDefs(id); obj != nil && !isPkgVar(obj) && len(defs) == 1 && defs[0].index < 0 {
					px = ast.Unparen(defs[0].rhs)
				}
			}
			pc, ok := px.(*ast.CallExpr)
			if !ok || c.callee(pc) == nil || c.callee(pc).Name() != "NewParser" {
				return nil // a parser built elsewhere or chosen at run time: its options are not seen
			}
			opts = append(append([]ast.Expr{}, opts...), pc.Args...)
		}
		if !c.readOptions(call, opts, v) {
			return nil
		}
		return v
	case lib.Family == jwtlib.JWX && lib.Role == jwtlib.Verify && p.Major >= 2:
		v := &audVerification{at: call, fn: fd, lib: "jwt." + fn.Name()}
		if len(call.Args) < 1 || !c.readOptions(call, call.Args[1:], v) {
			return nil
		}
		if v.key == nil && !v.audience && v.issuer == "" {
			return nil
		}
		return v
	case lib.Family == jwtlib.GoJose && lib.Role == jwtlib.ValidateClaims:
		if len(call.Args) < 1 {
			return nil
		}
		lit := c.expectedLit(call.Args[0])
		if lit == nil {
			return nil
		}
		v := &audVerification{at: call, fn: fd, lib: "Claims." + fn.Name()}
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			switch id.Name {
			case "Issuer":
				if s, ok := c.constString(kv.Value); ok {
					v.issuer = s
				}
			case "Audience", "AnyAudience":
				v.audience = true
			}
		}
		// The key the claims were verified with: tok.Claims(key, &c)
		// in the same function, for the claims Validate is called on.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			v.key = c.joseKeyOf(fd.Body, c.rootObj(sel.X))
		}
		return v
	}
	return nil
}

// readOptions reads the issuer, audience and key options of a parse into
// v; false when an option cannot be seen (a slice spread into the call)
// or when the parse does not validate claims (another rule's case).
func (c *pkgctx) readOptions(call *ast.CallExpr, opts []ast.Expr, v *audVerification) bool {
	if call.Ellipsis.IsValid() {
		return false
	}
	for _, o := range opts {
		oc, ok := ast.Unparen(o).(*ast.CallExpr)
		if !ok {
			return false // an option built elsewhere
		}
		ofn := c.callee(oc)
		if ofn == nil || !jwtlib.IsLibrary(pkgPath(ofn)) {
			return false
		}
		switch ofn.Name() {
		case "WithIssuer":
			if len(oc.Args) == 1 {
				if s, ok := c.constString(oc.Args[0]); ok {
					v.issuer = s
				}
			}
		case "WithAudience", "WithAllAudiences":
			v.audience = true
		case "WithKeySet", "WithKey", "WithVerifyAuto":
			if len(oc.Args) > 0 {
				v.key = c.keyObject(oc.Args[len(oc.Args)-1])
				if ofn.Name() == "WithKeySet" {
					v.key = c.keyObject(oc.Args[0])
				}
			}
		case "WithoutClaimsValidation":
			return false
		case "WithValidate", "WithVerify":
			if len(oc.Args) == 1 && !c.isTrue(oc.Args[0]) {
				return false
			}
		case "WithClaimValue":
			if len(oc.Args) == 2 {
				if s, ok := c.constString(oc.Args[0]); ok && s == "aud" {
					v.audience = true
				}
			}
		}
	}
	return true
}

// keyObject names the key, key set or key function e: a field, a
// package variable, a function or method (a method value such as
// h.keys.keyfunc); nil for a local or a computed value.
func (c *pkgctx) keyObject(e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[x]; ok && sel.Kind() == types.MethodVal {
			// A method value (h.keys.keyfunc, jwks.Keyfunc): the key is
			// the receiver's, not the method's, which every instance of
			// the type shares.
			return c.keyObject(x.X)
		}
		switch o := c.info.Uses[x.Sel].(type) {
		case *types.Var:
			if o.IsField() || isPkgVar(o) {
				return o
			}
		case *types.Func:
			return o
		}
	case *ast.Ident:
		switch o := c.info.Uses[x].(type) {
		case *types.Var:
			if isPkgVar(o) {
				return o
			}
			// A local given one value: the key it was read from
			// (set, err := v.cache.Get(ctx, v.jwksURL)).
			if defs := c.defs[o]; len(defs) == 1 {
				if call, ok := ast.Unparen(defs[0].rhs).(*ast.CallExpr); ok {
					for _, a := range call.Args {
						if k := c.keyObject(a); k != nil {
							return k
						}
					}
				}
			}
		case *types.Func:
			return o
		}
	}
	return nil
}

// expectedLit returns the go-jose Expected literal e is, is built from
// (Expected{…}.WithTime(t)) or is the only value of.
func (c *pkgctx) expectedLit(e ast.Expr) *ast.CompositeLit {
	for i := 0; i < 4; i++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return x
		case *ast.UnaryExpr:
			e = x.X
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil
			}
			e = sel.X
		case *ast.Ident:
			defs, obj := c.localDefs(x)
			if obj == nil || len(defs) != 1 || defs[0].index >= 0 {
				return nil
			}
			e = defs[0].rhs
		default:
			return nil
		}
	}
	return nil
}

// joseKeyOf returns the key of the tok.Claims(key, &claims) call in body
// that fills claims.
func (c *pkgctx) joseKeyOf(body *ast.BlockStmt, claims types.Object) types.Object {
	if claims == nil {
		return nil
	}
	var key types.Object
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || key != nil {
			return key == nil
		}
		fn := c.callee(call)
		lib, ok := jwtlib.Classify(fn)
		if !ok || lib.Family != jwtlib.GoJose || lib.Role != jwtlib.Verify || lib.Key < 0 || lib.Claims < 0 || len(call.Args) <= lib.Claims {
			return true
		}
		for _, a := range call.Args[lib.Claims:] {
			if c.rootObj(a) == claims {
				key = c.keyObject(call.Args[lib.Key])
			}
		}
		return true
	})
	return key
}

// readsAudience reports whether body reads a token's audience: a field
// or method named for it, or the "aud" claim by name; or calls a
// function of the package (two calls deep) that does.
func (c *pkgctx) readsAudience(body ast.Node, depth int) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			switch x.Sel.Name {
			case "Audience", "Aud", "AnyAudience", "GetAudience", "VerifyAudience", "Audiences":
				switch c.info.Uses[x.Sel].(type) {
				case *types.Var, *types.Func:
					found = true
				}
			}
		case *ast.BasicLit:
			if s, ok := c.constString(x); ok && s == "aud" {
				found = true
			}
		case *ast.CallExpr:
			if depth < 2 {
				if fn := c.callee(x); fn != nil && fn.Pkg() == c.pass.Pkg {
					if d := c.decls[fn]; d != nil && d.Body != nil && c.readsAudience(d.Body, depth+1) {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}
