package useqhelperlib // want package:`tokenlog\(query params access_token read by qhelperlib\)`

// useqhelperlib binds the request URL to the request's zerolog logger,
// as a URL-logging middleware does, in a program whose token parser
// (qhelperlib) accepts access_token in the query.

import (
	"net/http"

	"github.com/rs/zerolog"

	_ "qhelperlib"
)

// URLHandler adds the path and query to every later event of the
// request's logger.
func URLHandler(fieldKey string) func(next http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			log := zerolog.Ctx(r.Context())
			log.UpdateContext(func(c zerolog.Context) zerolog.Context {
				return c.Str(fieldKey, r.URL.Path+"?"+r.URL.RawQuery) // want `request query string with the "access_token" query parameter \(read by qhelperlib\) reaches zerolog.Context.Str`
			})
			next.ServeHTTP(w, r)
		})
	}
}

// PathHandler binds only the path: silent.
func PathHandler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log := zerolog.Ctx(r.Context())
		log.UpdateContext(func(c zerolog.Context) zerolog.Context {
			return c.Str("http.path", r.URL.Path) // silent: the path has no query
		})
		next.ServeHTTP(w, r)
	})
}

// Derived stores a logger derived with the URL in the request context.
func Derived(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := zerolog.Ctx(r.Context()).With().Str("url", r.URL.String()).Int("n", 1).Logger() // want `request URL with the "access_token" query parameter \(read by qhelperlib\) reaches zerolog.Context.Str`
		next.ServeHTTP(w, r.WithContext(l.WithContext(r.Context())))
	})
}

// DerivedMethod derives a logger with the method only: silent.
func DerivedMethod(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := zerolog.Ctx(r.Context()).With().Str("method", r.Method).Logger() // silent: the method
		next.ServeHTTP(w, r.WithContext(l.WithContext(r.Context())))
	})
}
