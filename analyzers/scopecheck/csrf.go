package scopecheck

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/types/typeutil"
)

// CSRF protection is not authentication.
//
// A CSRF check (gorilla/csrf's Protect, nosurf, gin/echo/fiber CSRF
// middleware, an in-house double-submit comparison of a csrf_token
// cookie with a form value) rejects unsafe requests that lack the token
// the site handed out; it says nothing about who is calling, and an
// anonymous visitor gets a CSRF token too. So neither a CSRF library's
// middleware nor a middleware named for CSRF ("Protect", "csrfHandler")
// authenticates, and the CSRF cookie is no session credential.

// csrfLibrary reports whether fn belongs to a CSRF-protection package:
// one whose import path has a segment naming CSRF or XSRF
// (github.com/gorilla/csrf, github.com/gofiber/fiber/v2/middleware/csrf)
// or nosurf.
func csrfLibrary(fn *types.Func) bool {
	for _, seg := range strings.Split(funcPath(fn), "/") {
		s := strings.ToLower(seg)
		if s == "nosurf" || credsrc.ScriptReadable(s) {
			return true
		}
	}
	return false
}

// csrfName reports whether a middleware's name says it is a CSRF check
// (csrfHandler, CSRFProtect, xsrfMiddleware).
func csrfName(name string) bool {
	return credsrc.ScriptReadable(name) || strings.Contains(strings.ToLower(name), "nosurf")
}

// csrfInit reports whether a variable's initializer is made by a CSRF
// library (protect := csrf.Protect(key)).
func (st *state) csrfInit(init ast.Expr) bool {
	call, ok := ast.Unparen(init).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(st.pass.TypesInfo, call).(*types.Func)
	return ok && csrfLibrary(fn)
}

// Anti-forgery tokens are not credentials of the caller.
//
// A CSRF token (the X-CSRF-Token header, a csrf form field, an _xsrf
// cookie) is handed to a browser that already holds a session, and is
// checked to prove the request came from the application's own page.
// It says nothing about who the caller is: a middleware that compares
// it with the session's copy protects state-changing requests of any
// caller, signed in or not, and does not authenticate. Reading one is
// therefore not a credential read, and such a middleware is not an
// authenticating one under which routes need an authorizing check.

// antiForgeryName reports whether a header, cookie, parameter or
// context-key name says it carries an anti-forgery token: one of its
// words is csrf or xsrf (X-CSRF-Token, X-XSRF-TOKEN, csrf_token,
// _xsrf, gorilla.csrf.Token, csrfToken) or it is Rails' and Django's
// form-field name for one.
func antiForgeryName(n string) bool {
	if credsrc.ScriptReadable(n) {
		return true // a csrf or xsrf word, as for cookies
	}
	for _, w := range credname.Words(n) {
		switch w {
		case "anticsrf", "antiforgery", "csrftoken", "xsrftoken", "csrfmiddlewaretoken", "authenticity":
			return true
		}
	}
	return false
}
