package tokenverify

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/constant"
	"go/format"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/authvet/authvet/analyzers/internal/acmechal"
	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/importedit"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"github.com/authvet/authvet/analyzers/internal/textual"
)

// The compare rule: a credential compared in variable time.
//
// An operand is a credential when credsrc recognises it (by API: the
// Authorization or X-API-Key header, an oauth2.Token field, an
// environment variable named like a secret; or by a credential name on a
// string or []byte value), when it is followed through local variables
// and string transformations (TrimPrefix "Bearer ", TrimSpace, []byte
// conversion, hex/base64) to such a value, or when it is an HMAC
// computed with crypto/hmac or a signature read from a request. The
// other operand must be a non-constant string or []byte: comparing a
// token with "" or its scheme with "Bearer" leaks nothing.

// checkBinary checks a == b and a != b.
func (c *pkgctx) checkBinary(b *ast.BinaryExpr) {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return
	}
	c.checkCompare(b, b.X, b.Y, b.Op.String())
}

// http01Token reports whether e, named as the challenge token or key
// authorization (token, h.Token, keyAuth), is compared in a function
// that serves the ACME HTTP-01 path, or in a literal inside one.
func (c *pkgctx) http01Token(n ast.Node, e ast.Expr) bool {
	if !acmechal.PublicName(textual.HolderName(e)) {
		return false
	}
	for p := c.parents[n]; p != nil; p = c.parents[p] {
		switch f := p.(type) {
		case *ast.FuncLit:
			if acmechal.ServesHTTP01(c.info, f.Body) {
				return true
			}
		case *ast.FuncDecl:
			return acmechal.ServesHTTP01(c.info, f.Body)
		}
	}
	return false
}

// checkCompareCall checks bytes.Equal, bytes.Compare, strings.EqualFold
// and strings.Compare.
func (c *pkgctx) checkCompareCall(call *ast.CallExpr, fn *types.Func) {
	if len(call.Args) != 2 || recvName(fn) != "" {
		return
	}
	switch p := pkgPath(fn); {
	case p == "bytes" && (fn.Name() == "Equal" || fn.Name() == "Compare"),
		p == "strings" && (fn.Name() == "EqualFold" || fn.Name() == "Compare"):
		c.checkCompare(call, call.Args[0], call.Args[1], qualified(fn))
	}
}

func (c *pkgctx) checkCompare(n ast.Expr, x, y ast.Expr, op string) {
	if c.isLiteral(x) || c.isLiteral(y) {
		c.checkLiteralCompare(n, x, y, op)
		return
	}
	tx, ty := c.info.TypeOf(x), c.info.TypeOf(y)
	// A value of an untyped configuration (map[string]any) against a
	// string compares as a string: um["password"] == inPass.
	if isEmptyInterface(tx) && isString(ty) {
		tx = ty
	} else if isEmptyInterface(ty) && isString(tx) {
		ty = tx
	}
	if !credsrc.StringLike(tx) || !credsrc.StringLike(ty) || isStringSlice(tx) {
		return
	}
	if c.knownPlain(x) || c.knownPlain(y) {
		// lock.Token == token: compared with a field the shared layer
		// knows holds no credential (a lock's handle, an ACME
		// challenge's token), the other side is of its kind.
		return
	}
	if c.accessKeyID(x) || c.accessKeyID(y) {
		// The key id of an access key and secret key pair, looked up
		// or matched: an identifier, public by design (accesskey.go).
		return
	}
	if c.http01Token(n, x) || c.http01Token(n, y) {
		// The ACME HTTP-01 challenge token, read from the path the
		// challenge is served at: public by design (acmechal).
		return
	}
	if (c.comparesOwnInput(x) && !c.storedOperand(n, y, x)) || (c.comparesOwnInput(y) && !c.storedOperand(n, x, y)) {
		// A password and its confirmation, an old and a new one: not
		// when the other side is the stored secret (go-ldap-admin's
		// NewParPasswd(user.Password) != r.OldPassword checks the old
		// password the caller typed against the account's).
		return
	}
	if c.twoReads(x, y) {
		// password != confirm, both read by the same call on the same
		// input: a retype checked, no secret on either side.
		return
	}
	if c.cmdArg(x, 0) || c.cmdArg(y, 0) {
		// The person at the terminal checking a value of their own
		// (cmdarg.go).
		return
	}
	if c.cursorParam(n, x) || c.cursorParam(n, y) {
		// validateConflictToken(token): a version the function's
		// name says it is, not a credential (tokenkind.go).
		return
	}
	if c.fixedPrefix(x, 0) || c.fixedPrefix(y, 0) {
		// otp[0:12] == user.Yubikey, key[:8] == rec.Prefix: the public
		// identifier in front of a secret (prefixid.go).
		return
	}
	var pres secret
	presX, presY := false, false
	if c.hashed(x) && c.hashed(y) {
		// old.PasswordHash != cur.PasswordHash: two hashes compared,
		// typically to detect a change. Neither is a plaintext
		// credential, and the time taken to compare digests tells an
		// attacker nothing about a preimage. Unless the caller
		// presents the hash as is (presented.go): then it is the
		// password.
		if pres, presX = c.presentedPair(n, x, y); !presX {
			if pres, presY = c.presentedPair(n, y, x); !presY {
				return
			}
		}
	}
	if c.digestOfPresented(x, y) || c.digestOfPresented(y, x) {
		// utils.Md5sum(presented) != upload.Password: a digest the
		// program computes of what the caller presents, against what
		// it keeps. The caller cannot steer the digest's bytes one at a
		// time, so the time taken tells it nothing of a preimage; a
		// presented value against a digest of the program's secret is
		// still reported (digestfn.go).
		return
	}
	if c.selfDerived(x, y) || c.selfDerived(y, x) {
		// RedactAPIKey(key) != key: the value against what a function
		// makes of it alone, a check of its form (selfderived.go).
		return
	}
	if c.saltedPair(x, y) || c.saltedPair(y, x) {
		// utils.Encrypt(pw, u.Salt, v) == u.Password: the record's
		// stored derivation against the program's own salted one
		// (salted.go).
		return
	}
	if c.sameFieldOfTwo(x, y) || c.twoFieldsOfOne(x, y) || c.paramOfSameField(x, y) || c.paramOfSameField(y, x) || c.storesCompared(n, x, y) || c.unchangedSkip(n, op, x, y) || c.copyCompared(x, y) || c.cachedCompared(x, y) || c.keepsStored(n, x, y) || c.remembered(n, x, y) || c.overwrittenAfter(n, x, y) {
		// old.Secret != cur.Secret (an equality function's
		// c.Password != other.Password too), two settings of one
		// value that must differ or agree (change.go), or an update made when
		// the value changed, or a copy compared with what it was
		// copied from: a change detected (change.go), or the value
		// presented before, remembered (remember.go), or a setting
		// compared with the cached copy kept to notice its change.
		return
	}
	if c.callersOwn(x) || c.callersOwn(y) {
		// A key of the account the request is authenticated as,
		// compared to pick which key to act on (principal.go).
		return
	}
	if (c.connPassword(x) && !c.fromRequest(y, 0)) || (c.connPassword(y) && !c.fromRequest(x, 0)) {
		// The password in the configured Redis URL against the one
		// configured apart: a client's own setting checked for
		// consistency, no caller authenticated (connopts.go).
		return
	}
	if c.held(x, 0) && c.held(y, 0) {
		// Both values are the program's own (a cached token and the
		// one this program attached to its call): nobody outside
		// chooses either, so this is no authentication (held.go).
		return
	}
	dx, okx := c.secretOf(x, 0)
	dy, oky := c.secretOf(y, 0)
	if isMAC(dx, okx) && isMAC(dy, oky) {
		// hmac(k, presented) == hmac(k, stored): two MACs the program
		// computes, the double-HMAC comparison. The caller cannot steer
		// the bytes compared without the key, so the time taken tells
		// it nothing.
		return
	}
	if !presX && !presY && !(okx && dx.typed) && !(oky && dy.typed) {
		// A code or secret the caller presents, compared with the
		// stored one (presented.go).
		if pres, presX = c.presentedPair(n, x, y); !presX {
			pres, presY = c.presentedPair(n, y, x)
		}
		if fn := c.enclosingFunc(n); fn != nil && !presX && !presY && !okx && !oky {
			// A value matched against a stored record that expires:
			// a one-time code (expiring.go).
			if pres, presX = c.expiringPair(fn, n, x, y); !presX {
				pres, presY = c.expiringPair(fn, n, y, x)
			}
		}
	}
	// A side already named keeps its description; the data flow
	// makes it as good as typed.
	switch {
	case presX && okx:
		dx.typed = true
	case presX:
		dx, okx = pres, true
	case presY && oky:
		dy.typed = true
	case presY:
		dy, oky = pres, true
	}
	if !okx && !oky && (c.keyedDigestVsRequest(x, y) || c.keyedDigestVsRequest(y, x)) {
		if c.decides(n) && !c.lookedUpBy(n, x, y) && !c.lookedUpBy(n, y, x) {
			// md5(data + apiSecret) against the caller's signature: a
			// MAC, though no name says so (keyeddigest.go).
			c.report(n, catCompare, fmt.Sprintf("request signature compared with %s against a digest keyed with the program's secret: the time taken leaks how much of it matches, so a caller can forge it byte by byte; use hmac.Equal (and an HMAC rather than a hash over the secret)", op))
		}
		return
	}
	if !okx && !oky {
		if c.rejectsUnauthenticated(n, op) && c.presentedVsHeld(x, y) && !c.lookedUpBy(n, x, y) && !c.lookedUpBy(n, y, x) && !c.forwardedInQuery(n, x, y) {
			// No name says credential, but the mismatch turns the
			// caller away as unauthenticated (authreject.go).
			c.report(n, catCompare, fmt.Sprintf("value compared with %s before rejecting the request as unauthenticated: it is a credential, and the time taken leaks how much of it matches; use subtle.ConstantTimeCompare or hmac.Equal", op))
		}
		return
	}
	if okx && oky && (dx.desc == "OAuth2 access token" || dx.desc == "OAuth2 refresh token") && dy.desc == dx.desc {
		// A client comparing its cached token with a refreshed or
		// re-read one: the same field of two oauth2.Token values, the
		// type a client holds the tokens it was issued in.
		return
	}
	if c.fromRequest(x, 0) && c.fromRequest(y, 0) && !isMAC(dx, okx) && !isMAC(dy, oky) && !c.mixesStored(x, 0) && !c.mixesStored(y, 0) {
		// Both values come from the caller's own request (a token
		// checked against the bearer token of the same call): the
		// timing tells the caller nothing it does not know. Not when
		// one also holds a stored secret (md5(user.Password + salt)
		// against the token, with the salt from the request). A MAC the
		// program computes over the request's body is not the caller's:
		// it is keyed with the program's secret.
		return
	}
	if (okx && !oky && publicName(y)) || (oky && !okx && publicName(x)) {
		// aud == cfg.ClientKey, t.RefreshTokenID == refreshToken: the
		// other side is an identifier, not a secret being guessed.
		return
	}
	if !c.decides(n) {
		// The result guards no access: removing a client from a list,
		// a test's got/want check, a cache refresh.
		return
	}
	if c.handedOverOnMismatch(n, x, y, op) {
		// On a mismatch the function gives the caller the value
		// itself, as a cookie (handedover.go).
		return
	}
	if c.lookedUpBy(n, x, y) || c.lookedUpBy(n, y, x) {
		// The record was fetched by this very value (WHERE token = ?,
		// m[key]): the compare leaks nothing the lookup did not.
		return
	}
	if !(okx && dx.typed) && !(oky && dy.typed) {
		// Only names say "credential", and names are weak: require a
		// caller-supplied value on one side and a stored or configured
		// secret on the other.
		if !c.suppliedVsStored(n, x, y) && !c.suppliedVsStored(n, y, x) {
			return
		}
	}
	desc := dx.desc
	if !okx {
		desc = dy.desc
	}
	var fixes []analysis.SuggestedFix
	if fix, ok := c.constantTimeFix(n, x, y, op); ok {
		fixes = append(fixes, fix)
	}
	c.report(n, catCompare, fmt.Sprintf("%s compared with %s: the time taken leaks how much of it matches; use subtle.ConstantTimeCompare or hmac.Equal", desc, op), fixes...)
}

// isMAC reports an operand described as an HMAC the program computes.
func isMAC(s secret, ok bool) bool {
	return ok && s.typed && strings.HasPrefix(s.desc, "HMAC")
}

func isStringSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	return ok && isString(s.Elem())
}

// comparesOwnInput reports operands that are checked against the user's
// own input, not a stored secret: a password and its confirmation, an
// old and a new password.
func (c *pkgctx) comparesOwnInput(e ast.Expr) bool {
	name := exprName(e)
	words := credname.Words(name)
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(words) > 1 && words[0] == "new" {
		if fn := c.callee(call); fn != nil && recvName(fn) == "" {
			// A function named New…: Go's constructor verb, not a
			// new password (go-ldap-admin's NewParPasswd decrypts
			// the stored one). A method's name (form.NewPassword())
			// says what it returns.
			words = words[1:]
		}
	}
	for _, w := range words {
		switch w {
		case "confirm", "confirmation", "confirmed", "repeat", "repeated", "retype", "again", "new", "old", "previous", "prev":
			return true
		}
	}
	return false
}

// storedOperand reports whether e is a stored, credential-named value:
// a field or package variable named as a credential, or what a
// credential-named function makes of one (storedSide).
func (c *pkgctx) storedOperand(n ast.Node, e, input ast.Expr) bool {
	fn := c.enclosingFunc(n)
	if fn == nil || c.fromRequest(e, 0) || c.comparesOwnInput(e) {
		return false
	}
	if r := c.rootIdent(e); r != nil {
		if ri := c.rootIdent(input); ri != nil && c.info.Uses[r] != nil && c.info.Uses[r] == c.info.Uses[ri] {
			return false // another field of the same value (r.NewPassword)
		}
	}
	st, named := c.storedSide(fn, e, 0)
	return st && named
}

// exprName is the name an operand is known by: the identifier, the
// selected field or the called function.
func exprName(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.CallExpr:
		if len(e.Args) == 1 {
			if _, ok := e.Fun.(*ast.ArrayType); ok {
				return exprName(e.Args[0])
			}
		}
		return exprName(e.Fun)
	case *ast.StarExpr:
		return exprName(e.X)
	}
	return ""
}

// signatureWords name request headers that carry a MAC or signature.
// A variable named signature proves nothing (RSA and ECDSA signatures
// are public), so names count only when they say HMAC.
var signatureWords = map[string]bool{"signature": true, "sig": true, "hmac": true}

// secret describes an operand that is a credential or MAC. typed is
// true when an API or a computation says so (a request header, an
// environment variable, an HMAC), false when only a name does.
type secret struct {
	desc  string
	typed bool
}

// secretOf says whether e is a credential or MAC, and describes it.
func (c *pkgctx) secretOf(e ast.Expr, depth int) (secret, bool) {
	if depth > 4 || c.isConst(e) || !credsrc.StringLike(c.info.TypeOf(e)) {
		return secret{}, false
	}
	e = ast.Unparen(e)
	if src, ok := credsrc.FromExpr(c.info, e); ok {
		if src.Desc == "cookie value" && !c.credentialCookie(e) {
			return secret{}, false
		}
		if c.selfNamedVar(e) {
			return secret{}, false
		}
		if id, ok := e.(*ast.Ident); ok && !src.Typed && c.everyDef(id, c.underPlainKey) {
			// projectSecret := string(secret.Data["project"]): the
			// entry's key names the value, not the variable.
			return secret{}, false
		}
		if id, ok := e.(*ast.Ident); ok && !src.Typed {
			// token := r.Header.Get("Authorization"): the name says
			// credential, and so does the API the value came from;
			// the API is the stronger word.
			if s, ok := c.secretOfDefs(id, depth); ok && s.typed {
				return s, true
			}
		}
		return secret{src.Desc, src.Typed}, true
	}
	if d, ok := c.signatureOf(e); ok {
		return d, true
	}
	switch e := e.(type) {
	case *ast.Ident:
		return c.secretOfDefs(e, depth)
	case *ast.SelectorExpr:
		return c.secretOfField(e)
	case *ast.IndexExpr:
		// values[0] of values := md.Get("x-command-secret"): an
		// element of a credential's list of values (gRPC metadata,
		// r.Header.Values).
		if isStringSlice(c.info.TypeOf(e.X)) {
			return c.secretOf(e.X, depth+1)
		}
	case *ast.BinaryExpr:
		// mac + ":" + expires, "sha256=" + hex(mac): a string built
		// around a MAC still holds the MAC, and comparing it stops at
		// the first differing byte of the MAC. Only a computed MAC is
		// followed through the concatenation: a name alone ("key:" +
		// tokenID) says too little about the whole string.
		if e.Op != token.ADD {
			return secret{}, false
		}
		for _, side := range []ast.Expr{e.X, e.Y} {
			if s, ok := c.secretOf(side, depth+1); ok && isMAC(s, ok) {
				return s, true
			}
		}
	case *ast.CallExpr:
		if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.secretOf(e.Args[0], depth+1)
		}
		fn := c.callee(e)
		if fn == nil {
			return secret{}, false
		}
		if c.isHMACSum(e) {
			return secret{"HMAC", true}, true
		}
		if a, ok := passThrough(fn); ok && a < len(e.Args) {
			return c.secretOf(e.Args[a], depth+1)
		}
		if d := c.decls[fn]; d != nil && c.returnsHMAC(d, depth+1) {
			// A helper of this package computing the MAC.
			return secret{"HMAC from " + fn.Name(), true}, true
		}
		if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, new(macFact)) {
			// Another package's (macfn.go).
			return secret{"HMAC from " + fn.Pkg().Name() + "." + fn.Name(), true}, true
		}
	}
	return secret{}, false
}

// secretOfField judges a struct field of the package that is not a
// credential by name by what the package stores in it: a field given a
// credential from a request's API (upReq.deleteKey =
// r.Header.Get("Linx-Delete-Key"), linx-server's upload request) holds
// that credential wherever it is read. Only values recognised by API
// count (a header, a cookie, a parameter named for a credential), not a
// name: a field filled from a variable called token says no more than
// the field's own name.
func (c *pkgctx) secretOfField(sel *ast.SelectorExpr) (secret, bool) {
	v, ok := c.info.Uses[sel.Sel].(*types.Var)
	if !ok || !v.IsField() || v.Pkg() != c.pass.Pkg {
		return secret{}, false
	}
	for _, d := range c.fieldDefs[v] {
		if src, ok := credsrc.FromExpr(c.info, ast.Unparen(d)); ok && src.Typed {
			return secret{src.Desc + " stored in field " + v.Name(), true}, true
		}
	}
	return secret{}, false
}

// selfNamedVar reports whether e is a package variable whose every value
// is a constant spelling the variable's own name (externalSecrets =
// "external-secrets", a tag value naming the product): a label, not a
// secret, whatever the name's words say. Its address is never taken.
func (c *pkgctx) selfNamedVar(e ast.Expr) bool {
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || !isPkgVar(v) || c.addrTaken[v] || len(c.defs[v]) == 0 {
		return false
	}
	squash := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch r {
			case '-', '_', '.', ' ':
				return -1
			}
			return unicode.ToLower(r)
		}, s)
	}
	for _, d := range c.defs[v] {
		tv, ok := c.info.Types[d.rhs]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String || d.index >= 0 {
			return false
		}
		if squash(constant.StringVal(tv.Value)) != squash(v.Name()) {
			return false
		}
	}
	return true
}

// secretOfDefs follows a local variable to the values assigned to it.
func (c *pkgctx) secretOfDefs(e *ast.Ident, depth int) (secret, bool) {
	defs, obj := c.localDefs(e)
	if obj == nil || c.isParam(obj) {
		return secret{}, false
	}
	for _, d := range defs {
		if d.rng {
			continue
		}
		if d.index >= 0 {
			call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
			if !ok {
				continue
			}
			if fn := c.callee(call); fn != nil {
				if src, ok := credsrc.FromCallee(fn, c.argConsts(call), d.index); ok {
					return secret{src.Desc, src.Typed}, true
				}
			}
			continue
		}
		if s, ok := c.secretOf(d.rhs, depth+1); ok {
			return s, true
		}
	}
	return secret{}, false
}

// argConsts gives credsrc the string constants among a call's arguments.
func (c *pkgctx) argConsts(call *ast.CallExpr) credsrc.Const {
	return func(i int) (string, bool) {
		if i < 0 || i >= len(call.Args) {
			return "", false
		}
		return c.constString(call.Args[i])
	}
}

// passThrough returns the argument index of functions whose result is
// their argument in another form (trimmed, re-encoded).
func passThrough(fn *types.Func) (int, bool) {
	switch p, n, r := pkgPath(fn), fn.Name(), recvName(fn); {
	case (p == "strings" || p == "bytes") && r == "":
		switch n {
		case "TrimPrefix", "TrimSuffix", "TrimSpace", "Trim", "TrimLeft", "TrimRight", "ToLower", "ToUpper":
			return 0, true
		}
	case p == "encoding/hex" && (n == "EncodeToString" || n == "DecodeString"):
		return 0, true
	case p == "encoding/base64" && r == "Encoding" && (n == "EncodeToString" || n == "DecodeString"):
		return 0, true
	case p == "fmt" && n == "Sprintf":
		// fmt.Sprintf("Bearer %s", token)
		return 1, true
	}
	return 0, false
}

// isHMACSum reports mac.Sum(nil) where mac was made by hmac.New.
func (c *pkgctx) isHMACSum(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Sum" {
		return false
	}
	isNew := func(e ast.Expr) bool {
		ce, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := c.callee(ce)
		return fn != nil && pkgPath(fn) == pathHMAC && fn.Name() == "New"
	}
	if isNew(sel.X) {
		return true
	}
	defs, obj := c.localDefs(sel.X)
	if obj == nil {
		return false
	}
	for _, d := range defs {
		if d.index < 0 && !d.rng && isNew(d.rhs) {
			return true
		}
	}
	return false
}

// signatureOf recognises a MAC or signature read from a request header
// or named so.
func (c *pkgctx) signatureOf(e ast.Expr) (secret, bool) {
	if call, ok := e.(*ast.CallExpr); ok {
		if fn := c.callee(call); fn != nil && pkgPath(fn) == "net/http" && recvName(fn) == "Header" && fn.Name() == "Get" && len(call.Args) == 1 {
			if h, ok := c.constString(call.Args[0]); ok {
				for _, w := range credname.Words(h) {
					if signatureWords[w] {
						return secret{"signature from the " + h + " header", true}, true
					}
				}
			}
		}
		return secret{}, false
	}
	name := exprName(e)
	if name == "" {
		return secret{}, false
	}
	w := credname.Words(name)
	if len(w) > 0 && w[len(w)-1] == "hmac" {
		return secret{"HMAC " + name, false}, true
	}
	return secret{}, false
}

// credentialCookie reports whether cookie.Value comes from a cookie
// whose name says it holds a credential (a session or auth cookie, not
// an OAuth state or preference cookie).
func (c *pkgctx) credentialCookie(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	defs, obj := c.localDefs(sel.X)
	if obj == nil {
		return false
	}
	for _, d := range defs {
		call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			continue
		}
		name, ok := c.constString(call.Args[0])
		if !ok {
			continue
		}
		if credname.IsCredential(name) {
			return true
		}
		for _, w := range credname.Words(name) {
			if w == "session" || w == "sid" || w == "auth" {
				return true
			}
		}
	}
	return false
}

// constantTimeFix rewrites a == b to subtle.ConstantTimeCompare([]byte(a),
// []byte(b)) == 1 (and != to != 1, bytes.Equal likewise), importing
// crypto/subtle when needed. Case-insensitive and ordering comparisons
// get no fix: their meaning would change.
func (c *pkgctx) constantTimeFix(n, x, y ast.Expr, op string) (analysis.SuggestedFix, bool) {
	f := c.fileOf(n)
	if f == nil {
		return analysis.SuggestedFix{}, false
	}
	var cmp string
	switch op {
	case "==", "bytes.Equal":
		cmp = "== 1"
	case "!=":
		cmp = "!= 1"
	default:
		return analysis.SuggestedFix{}, false
	}
	name, imported := importName(f, pathSubtle)
	if !imported {
		name = "subtle"
		if c.pass.Pkg.Scope().Lookup("subtle") != nil {
			return analysis.SuggestedFix{}, false
		}
	}
	arg := func(e ast.Expr) (string, bool) {
		src, ok := c.source(e)
		if !ok {
			return "", false
		}
		if isByteSlice(c.info.TypeOf(e)) {
			return src, true
		}
		return "[]byte(" + src + ")", true
	}
	ax, ok1 := arg(x)
	ay, ok2 := arg(y)
	if !ok1 || !ok2 {
		return analysis.SuggestedFix{}, false
	}
	text := fmt.Sprintf("%s.ConstantTimeCompare(%s, %s) %s", name, ax, ay, cmp)
	if _, ok := c.parents[n].(*ast.UnaryExpr); ok {
		text = "(" + text + ")"
	}
	edits := []analysis.TextEdit{{Pos: n.Pos(), End: n.End(), NewText: []byte(text)}}
	if !imported {
		edits = append(edits, importedit.Add(f, pathSubtle))
	}
	return analysis.SuggestedFix{Message: "compare in constant time with subtle.ConstantTimeCompare", TextEdits: edits}, true
}

// source prints an expression as written.
func (c *pkgctx) source(e ast.Expr) (string, bool) {
	var buf bytes.Buffer
	if err := format.Node(&buf, c.pass.Fset, e); err != nil {
		return "", false
	}
	return buf.String(), true
}

// fileOf returns the file holding n.
func (c *pkgctx) fileOf(n ast.Node) *ast.File {
	for _, f := range c.files {
		if f.FileStart <= n.Pos() && n.Pos() <= f.FileEnd {
			return f
		}
	}
	return nil
}

// importName returns the name under which f imports path.
func importName(f *ast.File, path string) (string, bool) {
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		if imp.Name != nil {
			if imp.Name.Name == "_" || imp.Name.Name == "." {
				return "", false
			}
			return imp.Name.Name, true
		}
		return path[strings.LastIndex(path, "/")+1:], true
	}
	return "", false
}

// fromRequest reports whether e is computed from the incoming request
// (an *http.Request or a web framework's request context), following
// local variables.
func (c *pkgctx) fromRequest(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		x, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if sel, ok := x.(*ast.SelectorExpr); ok && c.serverSideWrapperField(sel) {
			return false // gp.UserInfo of a project's request wrapper
		}
		if isRequestType(c.info.TypeOf(x)) {
			found = true
			return false
		}
		if call, ok := x.(*ast.CallExpr); ok {
			// A method of a value that is not the request (a store, a
			// cache, a database) returns what it holds, looked up by its
			// arguments: tmptokens.Get(email) is no request content even
			// when email is. So does a service the request context
			// carries (helpers.Store(r).GetIntegrations(alias),
			// serviceHandle). Methods of the request (r.Header.Get) and
			// functions (strings.TrimSpace) carry their arguments on.
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.MethodVal &&
					(!c.fromRequest(sel.X, depth+1) || serviceHandle(c.info.TypeOf(sel.X))) {
					return false
				}
			}
			if c.containerLookup(call) || c.lookupCall(call) {
				// A package-level store (storefn.go), or a function that
				// looks a record up in one (held.go).
				return false
			}
		}
		if ix, ok := x.(*ast.IndexExpr); ok {
			// A map that is not the request's returns what it holds,
			// looked up by the key: accounts[args.Name] is a stored
			// record even when the name is request content.
			if _, isMap := c.info.TypeOf(ix.X).Underlying().(*types.Map); isMap && !c.fromRequest(ix.X, depth+1) {
				return false
			}
		}
		if id, ok := x.(*ast.Ident); ok {
			defs, obj := c.localDefs(id)
			if v, ok := obj.(*types.Var); ok && !c.isParam(v) && !isPkgVar(v) && c.addrTaken[v] && c.filledFromRequest(v) {
				// Decoded from the request: zhttp.Decode(r, &args),
				// c.ShouldBind(&args) (held.go).
				found = true
				return false
			}
			if obj != nil && !c.isParam(obj) {
				for _, d := range defs {
					if c.fromRequest(d.rhs, depth+1) {
						found = true
						return false
					}
				}
			}
		}
		return true
	})
	return found
}

// isRequestType reports *http.Request and the request contexts of gin,
// echo and fiber.
func isRequestType(t types.Type) bool {
	if isNamed(t, func(p string) bool { return p == "net/http" }, "Request") {
		return true
	}
	if isNamed(t, func(p string) bool {
		p = jwtlib.Unvendor(p)
		return strings.HasPrefix(p, "github.com/gin-gonic/gin") || strings.HasPrefix(p, "github.com/labstack/echo") || strings.HasPrefix(p, "github.com/gofiber/fiber")
	}, "Context", "Ctx") {
		return true
	}
	// Other frameworks' request contexts, by package and type.
	n, ok := types.Unalias(derefType(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	if requestWrapper(n) {
		return true
	}
	switch n.Obj().Name() {
	case "Context", "RequestContext", "RequestCtx", "Request":
		// fromRequest asks this of every expression: build the key
		// only for a type that may be one.
		return requestContexts[jwtlib.Unvendor(n.Obj().Pkg().Path())+"."+n.Obj().Name()]
	}
	return false
}

// requestContexts are the request types of web frameworks other than
// net/http, gin, echo and fiber: macaron, beego, iris, hertz, fasthttp
// and GoFrame.
var requestContexts = map[string]bool{
	"gopkg.in/macaron.v1.Context":                          true,
	"github.com/go-macaron/macaron.Context":                true,
	"github.com/beego/beego/v2/server/web/context.Context": true,
	"github.com/astaxie/beego/context.Context":             true,
	"github.com/kataras/iris/v12/context.Context":          true,
	"github.com/cloudwego/hertz/pkg/app.RequestContext":    true,
	"github.com/valyala/fasthttp.RequestCtx":               true,
	"github.com/gogf/gf/v2/net/ghttp.Request":              true,
}

// returnsHMAC reports whether a function of this package returns an
// HMAC computed with crypto/hmac.
func (c *pkgctx) returnsHMAC(fn *ast.FuncDecl, depth int) bool {
	found := false
	inspectShallow(fn.Body, func(n ast.Node) bool {
		if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) > 0 && !found {
			if s, ok := c.secretOf(ret.Results[0], depth); ok && strings.HasPrefix(s.desc, "HMAC") {
				found = true
			}
		}
		return !found
	})
	return found
}

// publicWords end the names of values that identify rather than
// authenticate: audiences, issuers, ids, user, account and login names,
// types, hosts.
var publicWords = map[string]bool{
	"aud": true, "audience": true, "audiences": true, "iss": true, "issuer": true,
	"id": true, "ids": true, "name": true, "username": true, "user": true, "account": true, "login": true,
	"email": true, "type": true, "kind": true, "scheme": true, "host": true,
	"url": true, "uri": true, "path": true, "prefix": true, "alg": true,
	"kid": true, "subject": true, "sub": true, "hint": true,
	// Words naming a thing picked or a setting: which provider,
	// service, region or tenant a record belongs to.
	"provider": true, "service": true, "region": true, "tenant": true, "org": true,
	"organization": true, "domain": true, "method": true, "mode": true, "role": true,
	"version": true, "platform": true, "locale": true, "lang": true, "language": true,
}

// publicName reports whether e is named like an identifier.
func publicName(e ast.Expr) bool {
	w := credname.Words(exprName(e))
	return len(w) > 0 && publicWords[w[len(w)-1]]
}

// hashed reports whether e (conversions aside) is a value whose name
// says it holds a hash or digest (PasswordHash, hashedSecret,
// tokenDigest), or a value computed as one: a digest call, its hex or
// base64 encoding, a variable every assignment of which is such a
// value, or a call of a function of the package that returns only such
// values (hashKey(key) returning hex.EncodeToString(sha256.Sum256(…))).
func (c *pkgctx) hashed(e ast.Expr) bool { return c.hashedDepth(e, 0) }

func (c *pkgctx) hashedDepth(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
			e = ast.Unparen(call.Args[0])
		}
	}
	if star, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(star.X)
	}
	if sl, ok := e.(*ast.SliceExpr); ok {
		e = ast.Unparen(sl.X) // sum[:]
	}
	var name string
	switch e := e.(type) {
	case *ast.CallExpr:
		return depth < 4 && c.digestValue(e, depth)
	case *ast.Ident:
		name = e.Name
		if defs, obj := c.localDefs(e); obj != nil && len(defs) > 0 {
			// sum := sha256.Sum256(key): a digest, whatever its name.
			if c.defsDigest(defs, depth) {
				return true
			}
		}
	case *ast.SelectorExpr:
		name = e.Sel.Name
	default:
		return false
	}
	for _, w := range credname.Words(name) {
		switch w {
		case "hash", "hashed", "digest", "checksum", "bcrypt", "argon2", "scrypt", "pbkdf2":
			return true
		}
	}
	return false
}

// digestValue reports whether the call e computes a digest: a digest
// call, the hex or base64 encoding of a digest, or a function of the
// package whose every return statement returns a digest. A MAC
// (hmac.New(…).Sum) is no digest: it is keyed, and comparing it in
// variable time tells how much of a forged MAC is right.
func (c *pkgctx) digestValue(e ast.Expr, depth int) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	if c.digestCall(call) || c.streamDigest(call) {
		return true
	}
	fn := c.callee(call)
	if fn == nil {
		return false
	}
	switch {
	case pkgPath(fn) == "encoding/hex" && fn.Name() == "EncodeToString" && len(call.Args) == 1,
		pkgPath(fn) == "encoding/base64" && fn.Name() == "EncodeToString" && recvName(fn) == "Encoding" && len(call.Args) == 1:
		return c.hashedDepth(call.Args[0], depth+1)
	case pkgPath(fn) == "fmt" && fn.Name() == "Sprintf" && len(call.Args) == 2:
		if f, ok := c.constString(call.Args[0]); ok && (f == "%x" || f == "%X") {
			return c.hashedDepth(call.Args[1], depth+1)
		}
		return false
	}
	// A helper of one result (hashKey(k)), here or in another package.
	return fn.Type().(*types.Signature).Results().Len() == 1 && c.returnsDigest(fn, depth)
}

// digestCall reports whether e calls a cryptographic hash's one-shot
// digest function (sha256.Sum256, sha512.Sum512, sha1.Sum, md5.Sum,
// blake2b.Sum256, sha3.Sum256).
func (c *pkgctx) digestCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := c.info.Uses[calleeIdent(call)].(*types.Func)
	if !ok || !strings.HasPrefix(fn.Name(), "Sum") || recvName(fn) != "" {
		return false
	}
	switch pkgPath(fn) {
	case "crypto/sha256", "crypto/sha512", "crypto/sha1", "crypto/md5", "crypto/sha3",
		"golang.org/x/crypto/blake2b", "golang.org/x/crypto/blake2s", "golang.org/x/crypto/sha3":
		return true
	}
	return false
}

// isEmptyInterface reports whether t is any (interface{}).
func isEmptyInterface(t types.Type) bool {
	if t == nil {
		return false
	}
	i, ok := t.Underlying().(*types.Interface)
	return ok && i.Empty()
}

// isString reports whether t is a string type.
func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// twoReads reports whether x and y are local variables each assigned
// only by a call of the same function with the same arguments (tsuru's
// password and confirm, both cmd.PasswordFromReader(c.Stdin)): two reads
// of one input, which the program compares to check a retype. Neither
// is a secret the program keeps, whatever the reader is.
func (c *pkgctx) twoReads(x, y ast.Expr) bool {
	read := func(e ast.Expr) (*types.Func, string, int, bool) {
		defs, obj := c.localDefs(e)
		if obj == nil || len(defs) != 1 || defs[0].rhs == nil || defs[0].rng {
			return nil, "", 0, false
		}
		call, ok := ast.Unparen(defs[0].rhs).(*ast.CallExpr)
		if !ok {
			return nil, "", 0, false
		}
		fn := c.callee(call)
		if fn == nil {
			return nil, "", 0, false
		}
		args := make([]string, len(call.Args))
		for i, a := range call.Args {
			args[i] = types.ExprString(a)
		}
		return fn, types.ExprString(call.Fun) + "(" + strings.Join(args, ", ") + ")", defs[0].index, true
	}
	fx, ax, ix, okx := read(x)
	fy, ay, iy, oky := read(y)
	if !okx || !oky || ast.Unparen(x).(*ast.Ident).Name == ast.Unparen(y).(*ast.Ident).Name {
		return false
	}
	return fx == fy && ax == ay && ix == iy
}

// underPlainKey reports whether e reads a map entry (possibly converted,
// string(secret.Data["project"])) under a constant key that names no
// credential: the key says what the value is.
func (c *pkgctx) underPlainKey(e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
			e = ast.Unparen(call.Args[0])
		}
	}
	ix, ok := e.(*ast.IndexExpr)
	if !ok {
		return false
	}
	if _, isMap := c.info.TypeOf(ix.X).Underlying().(*types.Map); !isMap {
		return false
	}
	k, ok := c.constString(ix.Index)
	return ok && k != "" && !containerKeys[strings.ToLower(k)] && credname.Classify(k) == credname.None
}

// containerKeys name an entry without saying what it holds: under them
// the variable's name is still the evidence.
var containerKeys = map[string]bool{"value": true, "val": true, "v": true, "data": true, "raw": true, "content": true, "body": true, "payload": true}

// accessKeyID reports whether e is held in an access key id: a field,
// parameter or variable named as an access key in a package that pairs
// access keys with secret keys (credsrc.PairsAccessKeys).
func (c *pkgctx) accessKeyID(e ast.Expr) bool {
	if !c.accessPairs {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return credsrc.AccessKeyID(c.info.ObjectOf(x), true)
	case *ast.SelectorExpr:
		return credsrc.AccessKeyID(c.info.ObjectOf(x.Sel), true)
	}
	return false
}

// knownPlain reports whether e selects a field that credsrc knows holds
// no credential whatever its name (credsrc.KnownPlainField).
func (c *pkgctx) knownPlain(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	f, ok := c.info.ObjectOf(sel.Sel).(*types.Var)
	return ok && credsrc.KnownPlainField(f)
}

// requestWrapper reports whether n is a project's own request context: a
// struct holding the request and its response writer (goploy's
// server.Goploy with Request, ResponseWriter, URLQuery and Body), as a
// home-grown framework hands its handlers.
func requestWrapper(n *types.Named) bool {
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	req, w := false, false
	for i := 0; i < st.NumFields(); i++ {
		t := st.Field(i).Type()
		switch {
		case isNamed(derefType(t), func(p string) bool { return p == "net/http" }, "Request"):
			req = true
		case isNamed(t, func(p string) bool { return p == "net/http" }, "ResponseWriter"):
			w = true
		}
	}
	return req && w
}

// serverSideWrapperField reports whether sel selects a field of a
// project's request wrapper that the server fills itself (the
// authenticated user, the namespace), not request content: a field
// whose type is none of the request's (the request, a URL, its values,
// headers, body bytes or text).
func (c *pkgctx) serverSideWrapperField(sel *ast.SelectorExpr) bool {
	s := c.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	n, ok := types.Unalias(derefType(s.Recv())).(*types.Named)
	if !ok || !requestWrapper(n) {
		return false
	}
	t := s.Type()
	if isNamed(derefType(t), func(p string) bool { return p == "net/http" }, "Request", "Header") ||
		isNamed(derefType(t), func(p string) bool { return p == "net/url" }, "Values", "URL") {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString == 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return !ok || b.Kind() != types.Byte
	}
	return true
}
