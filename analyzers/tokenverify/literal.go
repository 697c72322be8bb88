package tokenverify

import (
	"fmt"
	"go/ast"
	"strings"
	"unicode"
)

// A credential compared with a string literal: `if token ==
// "secret-admin-token"`. The literal is a credential fixed in the source
// (a backdoor key anyone with the code or the binary can read), and the
// comparison leaks it byte by byte. It is reported under the compare
// rule when the other side is a credential a caller supplies (by API:
// the Authorization or X-API-Key header, a secret environment variable;
// or by name on a value read from the request or given as a parameter),
// the comparison decides access, and the literal looks like a secret:
// at least 8 characters, no white space, not a placeholder, a scheme or
// token-type word, a URL, URN or path, nor a filler of one or two
// distinct characters. Comparisons with "" or "Bearer" are checks of
// presence and form.

// checkLiteralCompare checks a comparison one of whose sides is constant.
func (c *pkgctx) checkLiteralCompare(n ast.Expr, x, y ast.Expr, op string) {
	lit, other := x, y
	if !c.isLiteral(lit) {
		lit, other = y, x
	}
	if c.isLiteral(other) {
		return
	}
	s, ok := c.literalString(lit)
	if !ok || !secretLiteral(s) {
		return
	}
	d, ok := c.secretOf(other, 0)
	if !ok {
		return
	}
	if !d.typed && strings.HasPrefix(d.desc, "token ") && lowerWord(s) {
		// internalToken == "rangeable": a value known as a token by
		// its name alone, compared with a lower-case word, is a
		// lexical token or a kind (weaviate's index types), not a
		// credential; a key or password compared with a word is
		// still judged.
		return
	}
	if !d.typed && !c.fromRequest(other, 0) && !c.isParamExpr(other) {
		// Only a name says credential, and nothing says the caller
		// supplies it.
		return
	}
	if !d.typed && c.publicHeader(other) {
		// token := r.Header.Get("X-Requested-With") compared with
		// "XMLHttpRequest": a public header, whatever the variable
		// is called (focalboard's CSRF check).
		return
	}
	if c.isTestFile(n) || !c.decides(n) {
		return
	}
	c.report(n, catCompare, fmt.Sprintf("%s compared with a hard-coded literal with %s: the credential is fixed in the source and the time taken leaks how much of a guess matches; load it from configuration and use subtle.ConstantTimeCompare", d.desc, op))
}

// isLiteral reports whether e is a constant, nil, or a []byte
// conversion of a string constant.
func (c *pkgctx) isLiteral(e ast.Expr) bool {
	if c.isConst(e) {
		return true
	}
	_, ok := c.literalString(e)
	return ok
}

// literalString returns the string constant e is, or converts to []byte.
func (c *pkgctx) literalString(e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() && isByteSlice(tv.Type) {
			e = ast.Unparen(call.Args[0])
		}
	}
	return c.constString(e)
}

// isParamExpr reports whether e (through conversions and string
// transformations) is a parameter of the enclosing function.
func (c *pkgctx) isParamExpr(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		defs, obj := c.localDefs(e)
		if obj == nil {
			return false
		}
		if c.isParam(obj) {
			return true
		}
		for _, d := range defs {
			if d.index < 0 && !d.rng && c.isParamExpr(d.rhs) {
				return true
			}
		}
	case *ast.CallExpr:
		for _, a := range e.Args {
			if c.isParamExpr(a) {
				return true
			}
		}
	}
	return false
}

// literalWords are values compared with credentials that are no secret:
// schemes, token types, sentinels and example values.
var literalWords = map[string]bool{
	"bearer": true, "basic": true, "digest": true, "negotiate": true, "token": true,
	"null": true, "undefined": true, "none": true, "nil": true, "true": true, "false": true,
	"anonymous": true, "guest": true, "invalid": true, "expired": true, "revoked": true,
	"accesstoken": true, "refreshtoken": true, "idtoken": true, "apikey": true,
	"password": true, "secret": true, "changeme": true, "changeit": true, "example": true,
	"placeholder": true, "redacted": true, "dummy": true, "default": true, "unknown": true,
}

// literalFillers mark a value as an example or stand-in anywhere in it.
var literalFillers = []string{
	"example", "placeholder", "changeme", "change_me", "change-me", "replace", "your_", "your-",
	"xxxx", "****", "....", "<", ">", "${", "{{", "redacted", "dummy", "todo", "fixme",
}

// secretLiteral reports whether a string constant compared with a
// credential looks like a credential itself.
func secretLiteral(s string) bool {
	if len(s) < 8 || strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return false
	}
	ls := strings.ToLower(s)
	squashed := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' {
			return -1
		}
		return r
	}, ls)
	if literalWords[squashed] || sentinelWords(ls) {
		return false
	}
	for _, f := range literalFillers {
		if strings.Contains(ls, f) {
			return false
		}
	}
	if strings.Contains(ls, "://") || strings.HasPrefix(ls, "urn:") || strings.HasPrefix(ls, "/") {
		return false
	}
	distinct := map[rune]bool{}
	for _, r := range s {
		distinct[r] = true
	}
	return len(distinct) > 2
}

// sentinelExtra are words that, with literalWords, make up a sentinel
// rather than a secret: "invalid-token", "no_key", "missing-secret".
var sentinelExtra = map[string]bool{"no": true, "not": true, "missing": true, "empty": true, "bad": true, "key": true, "unset": true}

// sentinelWords reports whether ls, a lower-case literal, is made only
// of words of literalWords and sentinelExtra joined by '-', '_' or '.'
// ("invalid-token", "expired_token"): a marker the code tests for, not
// a credential fixed in the source.
func sentinelWords(ls string) bool {
	parts := strings.FieldsFunc(ls, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !literalWords[p] && !sentinelExtra[p] {
			return false
		}
	}
	return true
}

// lowerWord reports whether s is one lower-case word of letters only.
func lowerWord(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return s != ""
}
