// Package csrf is a stub of github.com/gorilla/csrf.
package csrf

import "net/http"

type Option func(*options)

type options struct{ field string }

func FieldName(name string) Option { return func(o *options) { o.field = name } }

func Secure(s bool) Option { return func(*options) {} }

// Protect checks a CSRF token on unsafe methods.
func Protect(authKey []byte, opts ...Option) func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler { return h }
}

func Token(r *http.Request) string { return "" }
