package tokenverify

import (
	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"

	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// The unverified rule: (*jwt.Parser).ParseUnverified whose claims are
// used for a decision.
//
// ParseUnverified has honest uses, and the rule is built around them:
//   - routing: reading the issuer, key id or algorithm (iss, kid, alg,
//     tid, aud) to pick the key or verifier, then verifying;
//   - freshness: reading exp/iat to decide whether to refresh a token a
//     client holds;
//   - tokens a client received straight from the token endpoint
//     (oauth2.Token, or the response of the program's own token
//     fetcher, fetched.go), which OpenID Connect lets clients trust on
//     the strength of TLS.
// The claims are followed through local variables with a label: the
// whole token or claims, a routing/time claim, or an identity claim
// (sub, email, roles, any other). Only identity claims or the whole
// claims reaching a condition, a return value or the request identity
// (context.WithValue, gin/echo Context.Set, a struct field) count, and
// only when the function does not go on to verify the same token.

// label orders how much of the unverified token a value carries.
type label int

const (
	lblNone     label = iota
	lblRouting        // a routing or time claim, a header value
	lblIdentity       // any other claim
	lblFull           // the token or claims themselves
)

// routingClaims are claims read to route a token to its verifier or to
// judge its freshness.
var routingClaims = map[string]bool{
	"iss": true, "kid": true, "alg": true, "typ": true, "cty": true,
	"exp": true, "iat": true, "nbf": true, "aud": true, "azp": true,
	"tid": true, "tenant": true, "tenant_id": true, "tenantid": true,
	"jti": true, "client_id": true, "jku": true, "x5t": true,
}

// routingFields are the fields and methods of tokens and registered
// claims that say how to verify a token or whether it is fresh.
var routingFields = map[string]bool{
	"Header": true, "Method": true, "Raw": true, "Signature": true, "Valid": true,
	"Issuer": true, "ExpiresAt": true, "IssuedAt": true, "NotBefore": true,
	"Audience": true, "ID": true, "Id": true, "KeyID": true, "Kid": true,
	"GetIssuer": true, "GetExpirationTime": true, "GetIssuedAt": true,
	"GetNotBefore": true, "GetAudience": true, "VerifyExpiresAt": true,
	"VerifyIssuer": true, "VerifyAudience": true, "VerifyIssuedAt": true,
	"VerifyNotBefore": true, "SigningString": true, "TenantID": true,
	// jwx's Token accessors and go-jose's Claims fields.
	"Expiration": true, "Expiry": true, "JwtID": true,
}

// wholeFields lead from a token to its claims.
var wholeFields = map[string]bool{"Claims": true, "RegisteredClaims": true, "StandardClaims": true}

type unverified struct {
	c      *pkgctx
	labels map[types.Object]label
	// picks marks the verifier results when the function picks a
	// verifier (pickverifier.go); its conditions are then routing.
	picks []bool
}

func (c *pkgctx) checkUnverified(call *ast.CallExpr, fn *types.Func, f jwtlib.Func) {
	c.unverifiedClaims(call, fn, f, false)
}

// unverifiedClaims follows the claims of an unverified parse to the
// first decision they make. discarded says the parse verifies but its
// error is dropped (discarded.go), which changes only the message.
func (c *pkgctx) unverifiedClaims(call *ast.CallExpr, fn *types.Func, f jwtlib.Func, discarded bool) {
	fnNode := c.enclosingFunc(call)
	if fnNode == nil {
		return
	}
	raw := c.rawToken(call, f)
	if raw != nil && (c.fromOAuth2Token(raw, 0) || c.transportToken(raw, 0)) {
		return // a token the client received or sends (clienttoken.go)
	}
	if c.verifiesLater(call, raw) || c.unverifiedWrapper(fnNode) || c.callersVerify(call, raw) {
		return
	}
	u := &unverified{c: c, labels: make(map[types.Object]label)}
	if obj := c.parsedToken(call); f.Result && obj != nil {
		u.labels[obj] = lblFull
	}
	if f.Claims >= 0 {
		for _, a := range call.Args[min(f.Claims, len(call.Args)):] {
			if obj := c.rootObj(a); obj != nil {
				if _, isVar := obj.(*types.Var); isVar {
					u.labels[obj] = lblFull
				}
			}
		}
	}
	if len(u.labels) == 0 {
		return
	}
	body := funcBody(fnNode)
	u.propagate(body)
	if u.connectsToAudience(body) {
		return // a client reading the token it holds (clientaud.go)
	}
	u.picks = c.verifierResults(fnNode)
	if what, at := u.firstDecision(body, call); at != nil {
		var pos ast.Node = call.Fun
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			pos = sel.Sel
		}
		if discarded {
			c.report(pos, catUnverified,
				fmt.Sprintf("claims of a token parsed with %s whose error is discarded %s at line %d; the token and its claims are returned even when the signature or expiry check fails: check the error (or token.Valid) first",
					qualified(fn), what, c.line(at.Pos())))
			return
		}
		how := qualified(fn)
		if f.KeyOption {
			how += " and no key option (jwx v1 verifies only with jwt.WithVerify or jwt.WithKeySet)"
		} else if f.Role == jwtlib.Verify {
			how += " with verification turned off"
		}
		c.report(pos, catUnverified,
			fmt.Sprintf("claims of a token parsed with %s without verifying its signature %s at line %d; %s first",
				how, what, c.line(at.Pos()), verifyHint(f.Family)))
	}
}

// verifyHint says how a library verifies a token.
func verifyHint(f jwtlib.Family) string {
	switch f {
	case jwtlib.GoJose:
		return "verify it with (*jwt.JSONWebToken).Claims and the key"
	case jwtlib.JWX:
		return "parse it with jwt.Parse and jwt.WithKey"
	case jwtlib.Cristal:
		return "parse it with jwt.Parse and a verifier"
	case jwtlib.Kataras:
		return "verify it with jwt.Verify"
	}
	return "parse it with a key function (jwt.Parse)"
}

// rawToken returns the expression holding the serialized token a call
// decodes: its raw argument, or for a method on a parsed token (go-jose
// UnsafeClaimsWithoutVerification) the raw argument of the parse that
// made the receiver, when it is visible.
func (c *pkgctx) rawToken(call *ast.CallExpr, f jwtlib.Func) ast.Expr {
	if f.Raw >= 0 && f.Raw < len(call.Args) {
		return call.Args[f.Raw]
	}
	if !f.RawRecv {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	defs, obj := c.localDefs(sel.X)
	if obj == nil || len(defs) != 1 {
		return sel.X
	}
	if pc, ok := ast.Unparen(defs[0].rhs).(*ast.CallExpr); ok {
		if pf, ok := jwtlib.Classify(c.callee(pc)); ok && pf.Raw >= 0 && pf.Raw < len(pc.Args) {
			return pc.Args[pf.Raw]
		}
	}
	return sel.X
}

// fromOAuth2Token reports whether a token string comes from an
// oauth2.Token (AccessToken, Extra("id_token")): received directly from
// the token endpoint over TLS; or from a file the process reads
// (os.ReadFile): its own mounted token.
func (c *pkgctx) fromOAuth2Token(e ast.Expr, depth int) bool {
	if depth > 5 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		// A field of an oauth2.Token, or of the response a token
		// fetcher of the program decoded (fetched.go).
		return isNamed(c.info.TypeOf(e.X), func(p string) bool { return jwtlib.Unvendor(p) == pathOAuth2 }, "Token") || c.fromFetchedToken(e.X)
	case *ast.TypeAssertExpr:
		return c.fromOAuth2Token(e.X, depth+1)
	case *ast.CallExpr:
		if fn := c.callee(e); fn != nil && jwtlib.Unvendor(pkgPath(fn)) == pathOAuth2 && recvName(fn) == "Token" {
			return true
		}
		if fn := c.callee(e); fn != nil && recvName(fn) == "" && (pkgPath(fn) == "os" || pkgPath(fn) == "io/ioutil") && fn.Name() == "ReadFile" {
			// A token the process reads from its own file system:
			// the service-account or web-identity token mounted for
			// it (external-secrets reads AWS_WEB_IDENTITY_TOKEN_FILE
			// for the namespace and service account it names), its
			// own credential, which the issuer checks when it is used.
			return true
		}
		if fn := c.callee(e); fn != nil && recvName(fn) == "" && (pkgPath(fn) == "io" || pkgPath(fn) == "io/ioutil") && fn.Name() == "ReadAll" && len(e.Args) == 1 {
			// The same read through an opened file (ownfile.go).
			return c.fileReader(e.Args[0], depth+1)
		}
		if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.fromOAuth2Token(e.Args[0], depth+1)
		}
	case *ast.Ident:
		defs, obj := c.localDefs(e)
		if v, ok := obj.(*types.Var); ok && len(defs) == 0 {
			// A parameter every call of which passes such a token.
			return c.paramEveryCall(v, func(arg ast.Expr) bool { return c.fromOAuth2Token(arg, depth+1) })
		}
		if obj == nil || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.rng || !c.fromOAuth2Token(d.rhs, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// verifiesLater reports whether the function around an unverified parse
// also verifies a token: a JWT parse with a key function, go-oidc's
// Verify, or a verify/validate function given the same token string.
func (c *pkgctx) verifiesLater(call *ast.CallExpr, rawExpr ast.Expr) bool {
	outer := c.outerFunc(call)
	if outer == nil {
		return false
	}
	var raw types.Object
	if rawExpr != nil {
		raw = c.tokenRoot(rawExpr)
	}
	// The token the parse returns, handed to a helper that verifies it.
	parsed := c.parsedToken(call) // discarded.go
	found := false
	ast.Inspect(funcBody(outer), func(n ast.Node) bool {
		if found {
			return false
		}
		other, ok := n.(*ast.CallExpr)
		if !ok || other == call {
			return true
		}
		fn := c.callee(other)
		if fn == nil {
			return true
		}
		lib, inLib := jwtlib.Classify(fn)
		if jwtlib.KeyfuncParam(fn) >= 0 || (inLib && lib.Role == jwtlib.Verify && !c.verificationOff(other)) {
			// A parse with a key function, go-oidc Verify, go-jose
			// Claims with a key, jwx Parse, kataras Verify: the
			// shared table's Verify role.
			found = true
			return false
		}
		for i, a := range other.Args {
			if r := c.tokenRoot(a); r != nil && (r == raw || r == parsed) && c.verifiesParam(fn, i, 0) {
				found = true
				return false
			}
		}
		name := strings.ToLower(fn.Name())
		if raw != nil && !(inLib && lib.Role == jwtlib.Unverified) && (strings.Contains(name, "verif") || strings.Contains(name, "validat") || strings.Contains(name, "authenticat")) {
			for _, a := range other.Args {
				if c.tokenRoot(a) == raw {
					found = true
					return false
				}
			}
		}
		return true
	})
	return found
}

// propagate labels the variables that derive from the unverified token,
// until nothing changes.
func (u *unverified) propagate(body ast.Node) {
	for range 8 {
		changed := false
		set := func(obj types.Object, l label) {
			if obj != nil && l > u.labels[obj] {
				u.labels[obj] = l
				changed = true
			}
		}
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				switch {
				case len(n.Lhs) == len(n.Rhs):
					for i, l := range n.Lhs {
						set(u.c.objOf(l), u.labelOf(n.Rhs[i]))
					}
				case len(n.Rhs) == 1:
					// v, ok := x.(T); v, err := f(x): only the value.
					set(u.c.objOf(n.Lhs[0]), u.labelOf(n.Rhs[0]))
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i < len(n.Values) && len(n.Names) == len(n.Values) {
						set(u.c.objOf(id), u.labelOf(n.Values[i]))
					} else if i == 0 && len(n.Values) == 1 {
						set(u.c.objOf(id), u.labelOf(n.Values[0]))
					}
				}
			case *ast.CallExpr:
				// Decoding into a variable: json.Unmarshal(payload,
				// &claims), tok.DecodeClaims(&claims), u.Claims(&c).
				if src := u.decodeSource(n); src > lblNone {
					for _, a := range n.Args {
						if ue, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && ue.Op == token.AND {
							set(u.c.objOf(ue.X), src)
						}
					}
				}
			case *ast.RangeStmt:
				if l := u.labelOf(n.X); l >= lblIdentity {
					set(u.c.objOf(n.Key), lblIdentity)
					set(u.c.objOf(n.Value), lblIdentity)
				} else if l > lblNone {
					set(u.c.objOf(n.Value), l)
				}
			}
			return true
		})
		if !changed {
			return
		}
	}
}

// decodeSource returns the label of what a decoding call reads (its
// receiver or a non-pointer argument), when the call decodes into a
// pointer argument: a JWT library's claims decoder (the shared table's
// Decode role) or a function named like an unmarshaller or decoder.
func (u *unverified) decodeSource(call *ast.CallExpr) label {
	fn := u.c.callee(call)
	if fn == nil {
		return lblNone
	}
	recv := lblNone
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := u.c.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			recv = u.labelOf(sel.X)
		}
	}
	f, inLib := jwtlib.Classify(fn)
	name := strings.ToLower(fn.Name())
	if !(inLib && f.Role == jwtlib.Decode) && !strings.Contains(name, "unmarshal") && !strings.HasPrefix(name, "decode") {
		if recv != lblFull {
			return lblNone
		}
		// A getter of the token that reads one claim into a pointer
		// (jwx v3 tok.Get("role", &role)): the claim's label.
		for _, a := range call.Args {
			if k, ok := u.c.constString(a); ok {
				if routingClaims[strings.ToLower(k)] {
					return lblRouting
				}
				return lblIdentity
			}
		}
		return lblNone
	}
	src := recv
	for _, a := range call.Args {
		if ue, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && ue.Op == token.AND {
			continue
		}
		src = max(src, u.labelOf(a))
	}
	return src
}

// labelOf says how much of the unverified token e carries.
func (u *unverified) labelOf(e ast.Expr) label {
	c := u.c
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj := c.info.Uses[e]; obj != nil {
			return u.labels[obj]
		}
	case *ast.StarExpr:
		return u.labelOf(e.X)
	case *ast.UnaryExpr:
		return u.labelOf(e.X)
	case *ast.TypeAssertExpr:
		return u.labelOf(e.X)
	case *ast.SliceExpr:
		return u.labelOf(e.X)
	case *ast.SelectorExpr:
		if _, isPkg := c.info.Uses[identOf(e.X)].(*types.PkgName); isPkg {
			return lblNone
		}
		x := u.labelOf(e.X)
		if x != lblFull {
			return x
		}
		switch {
		case wholeFields[e.Sel.Name]:
			return lblFull
		case routingFields[e.Sel.Name]:
			return lblRouting
		}
		return lblIdentity
	case *ast.IndexExpr:
		x := u.labelOf(e.X)
		if x != lblFull {
			return x
		}
		if k, ok := c.constString(e.Index); ok && routingClaims[strings.ToLower(k)] {
			return lblRouting
		}
		return lblIdentity
	case *ast.CallExpr:
		if c.logResult(e) {
			// An event or logger, not the claims (unverifieddoc.go).
			return lblNone
		}
		l := lblNone
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				switch r := u.labelOf(sel.X); {
				case r == lblFull && routingFields[sel.Sel.Name]:
					l = lblRouting
				case r == lblFull:
					l = lblIdentity
				default:
					l = r
				}
			}
		}
		for _, a := range e.Args {
			l = max(l, u.labelOf(a))
		}
		if l == lblFull {
			// A function of the whole claims returns one of them.
			l = lblIdentity
			if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() {
				l = lblFull
			}
		}
		return l
	case *ast.BinaryExpr:
		return max(u.labelOf(e.X), u.labelOf(e.Y))
	case *ast.CompositeLit:
		l := lblNone
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			l = max(l, u.labelOf(el))
		}
		if l == lblFull {
			l = lblIdentity
		}
		return l
	}
	return lblNone
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// condLabel is labelOf for a condition: nil checks and comma-ok results
// decide nothing about the caller.
func (u *unverified) condLabel(e ast.Expr) label {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			return max(u.condLabel(e.X), u.condLabel(e.Y))
		case token.EQL, token.NEQ:
			if u.c.isNilExpr(e.X) || u.c.isNilExpr(e.Y) {
				return lblNone
			}
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return u.condLabel(e.X)
		}
	}
	return u.labelOf(e)
}

func (c *pkgctx) isNilExpr(e ast.Expr) bool {
	tv, ok := c.info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// firstDecision finds the first place in body where an identity claim
// or the whole claims decide something, after the parse.
func (u *unverified) firstDecision(body ast.Node, after ast.Node) (string, ast.Node) {
	c := u.c
	var what string
	var at ast.Node
	found := func(w string, n ast.Node) {
		if at == nil && n.Pos() > after.Pos() {
			what, at = w, n
		}
	}
	inHandler := u.handler(body)
	ast.Inspect(body, func(n ast.Node) bool {
		if at != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.IfStmt:
			if u.picks == nil && u.condLabel(n.Cond) >= lblIdentity {
				found("decide a condition", n.Cond)
			}
		case *ast.SwitchStmt:
			if u.picks != nil {
				break
			}
			if n.Tag != nil && u.labelOf(n.Tag) >= lblIdentity {
				found("decide a switch", n.Tag)
			}
			if n.Tag == nil {
				for _, s := range n.Body.List {
					for _, e := range s.(*ast.CaseClause).List {
						if u.condLabel(e) >= lblIdentity {
							found("decide a condition", e)
						}
					}
				}
			}
		case *ast.ReturnStmt:
			for i, r := range n.Results {
				if isErrorType(c.info.TypeOf(r)) || u.routedResult(n, i) {
					continue
				}
				if u.labelOf(r) >= lblIdentity {
					found("are returned as the result", r)
				}
			}
		case *ast.CallExpr:
			if u.setsIdentity(n) {
				found("set the request identity", n)
			} else if inHandler && u.selectsBy(n) {
				found("select what the handler serves", n)
			}
		case *ast.IndexExpr:
			if inHandler && u.labelOf(n.Index) >= lblIdentity {
				found("select what the handler serves", n)
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if i >= len(n.Rhs) {
					break
				}
				switch ast.Unparen(l).(type) {
				case *ast.SelectorExpr, *ast.IndexExpr:
					if u.labelOf(n.Rhs[i]) >= lblIdentity {
						found("set the request identity", n)
					}
				}
			}
		}
		return true
	})
	return what, at
}

// handler reports whether body is the body of a request handler: a
// function with a parameter of a request type (*http.Request, gin's,
// echo's or fiber's context).
func (u *unverified) handler(body ast.Node) bool {
	var ft *ast.FuncType
	switch f := u.c.enclosingFunc(body).(type) {
	case *ast.FuncDecl:
		ft = f.Type
	case *ast.FuncLit:
		ft = f.Type
	}
	if ft == nil || ft.Params == nil {
		return false
	}
	for _, p := range ft.Params.List {
		if isRequestType(u.c.info.TypeOf(p.Type)) {
			return true
		}
	}
	return false
}

// selectsBy reports whether call, a function or method of this package,
// is given an identity claim of the unverified token: in a handler, a
// lookup by the claim (g.org(orgID), s.account(sub)) picks the data the
// caller gets or changes, so whoever writes the claim chooses it.
func (u *unverified) selectsBy(call *ast.CallExpr) bool {
	fn := u.c.callee(call)
	if fn == nil || fn.Pkg() != u.c.pass.Pkg || u.c.decls[fn] == nil {
		return false
	}
	for _, a := range call.Args {
		if u.labelOf(a) >= lblIdentity {
			return true
		}
	}
	return false
}

// setsIdentity reports calls that attach an identity claim to the
// request: context.WithValue, gin/echo Context.Set, fiber Locals, a
// header of the forwarded request, SetUser-style setters.
func (u *unverified) setsIdentity(call *ast.CallExpr) bool {
	fn := u.c.callee(call)
	if fn == nil {
		return false
	}
	carries := func() bool {
		for _, a := range call.Args {
			if u.labelOf(a) >= lblIdentity {
				return true
			}
		}
		return false
	}
	switch {
	case pkgPath(fn) == pathContext && fn.Name() == "WithValue":
		return carries()
	case fn.Name() == "Set" && (recvName(fn) == "Context" || recvName(fn) == "Header"):
		return carries()
	case fn.Name() == "Locals":
		return carries()
	case strings.HasPrefix(fn.Name(), "Set") && isIdentityWord(strings.TrimPrefix(fn.Name(), "Set")):
		return carries()
	}
	return false
}

func isIdentityWord(s string) bool {
	switch s {
	case "User", "UserID", "Identity", "Principal", "Claims", "Subject", "Account", "Session":
		return true
	}
	return false
}

func isErrorType(t types.Type) bool {
	return t != nil && types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface))
}

// unverifiedWrapper reports functions whose name already warns that
// they do not verify (security.ParseUnverifiedJWT, decodeInsecure): the
// decision is their callers', who know what they call.
func (c *pkgctx) unverifiedWrapper(fn ast.Node) bool {
	d, ok := fn.(*ast.FuncDecl)
	if !ok {
		return false
	}
	if documentedUnverified(d) {
		return true // its doc says so (unverifieddoc.go)
	}
	name := strings.ToLower(d.Name.Name)
	for _, w := range []string{"unverified", "insecure", "unsafe", "noverify", "withoutverif", "unvalidated"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return skipsSignatureCheck(credname.Words(d.Name.Name))
}

// negations and whatChecked spell a name that says the function skips
// the signature check with words between the negation and the check:
// ParseJWTWithoutSignatureVerification, decodeSkipSigVerify,
// peekTokenNoSignatureValidation. Only words naming the signature or
// the token may stand between them: a name that skips the check of
// something else (parseWithoutClaimsValidation, decodeNoExpiryCheck)
// still verifies the signature as far as its name says.
var (
	negations   = map[string]bool{"without": true, "no": true, "skip": true, "skips": true, "skipping": true, "bypass": true}
	whatChecked = map[string]bool{"signature": true, "signatures": true, "sig": true, "jwt": true, "jws": true, "token": true}
)

// skipsSignatureCheck reports whether the words of a function's name
// contain a negation followed, after only words in whatChecked, by a
// word of verifying or validating (verify, verification, validation).
func skipsSignatureCheck(words []string) bool {
	for i, w := range words {
		if !negations[w] {
			continue
		}
		for _, next := range words[i+1:] {
			if strings.HasPrefix(next, "verif") || strings.HasPrefix(next, "valid") {
				return true
			}
			if !whatChecked[next] {
				break
			}
		}
	}
	return false
}

// tokenRoot is rootObj seen through conversions: []byte(raw) and
// string(b) hold the same serialized token as raw and b.
func (c *pkgctx) tokenRoot(e ast.Expr) types.Object {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			break
		}
		if tv, ok := c.info.Types[call.Fun]; !ok || !tv.IsType() {
			break
		}
		e = call.Args[0]
	}
	return c.rootObj(e)
}

// verifiesParam reports whether fn, a function or method declared in
// the package, verifies the token its parameter i holds: its body hands
// the parameter to a verifying call of a library (the shared table's
// Verify role: cristalhq's Verifier.Verify, a parse with a key
// function, go-oidc Verify), or to a function of the package that
// does, up to three calls deep. A helper such as
// verifySignature(token *jwt.Token) error { return v.alg.Verify(token) }
// is the verification of the token its caller parsed without one; a
// helper that only reads the token (its header, its claims) is not.
func (c *pkgctx) verifiesParam(fn *types.Func, i, depth int) bool {
	decl := c.decls[fn]
	if decl == nil || decl.Body == nil || depth > 3 {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || i >= sig.Params().Len() || (sig.Variadic() && i >= sig.Params().Len()-1) {
		return false
	}
	param := types.Object(sig.Params().At(i))
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok {
			return !found
		}
		callee := c.callee(call)
		if callee == nil {
			return true
		}
		lib, inLib := jwtlib.Classify(callee)
		verifies := jwtlib.KeyfuncParam(callee) >= 0 || (inLib && lib.Role == jwtlib.Verify && !c.verificationOff(call))
		for j, a := range call.Args {
			if c.tokenRoot(a) != param {
				continue
			}
			if verifies || c.verifiesParam(callee, j, depth+1) {
				found = true
				return false
			}
		}
		return true
	})
	return found
}
