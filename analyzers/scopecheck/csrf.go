package scopecheck

import "github.com/authvet/authvet/analyzers/internal/credname"

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
	for _, w := range credname.Words(n) {
		switch w {
		case "csrf", "xsrf", "anticsrf", "antiforgery", "csrftoken", "xsrftoken", "csrfmiddlewaretoken", "authenticity":
			return true
		}
	}
	return false
}
