// Package loggerbind holds logger factories: functions that bind
// attributes to a derived logger and hand it on. A credential bound
// there is reported once, at the binding; the records the derived
// logger writes in callers are the same leak.
package loggerbind

import (
	"log/slog"
	"net/http"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

// L wraps a slog logger, as services' logging packages do.
type L struct{ *slog.Logger }

func New() *L { return &L{Logger: slog.Default()} }

// Request returns a logger whose records carry the whole request.
func (l *L) Request(r *http.Request) *L { // want Request:`param 1 reaches slog.Logger.With`
	ll := New()
	ll.Logger = ll.Logger.With("request", r) // want `\*http.Request with credential field Header is printed whole by slog.Logger.With`
	return ll
}

// ForToken returns a logger bound to the caller's token header.
func ForToken(r *http.Request) *slog.Logger {
	return slog.Default().With("token", r.Header.Get("X-Auth-Token")) // want `token from the X-Auth-Token header reaches slog.Logger.With`
}

// Session stores a logger bound to a cookie value in a global.
var session *logrus.Entry

func Session(r *http.Request) {
	if c, err := r.Cookie("session"); err == nil {
		session = logrus.WithField("session", c.Value) // want `cookie value reaches logrus.WithField`
	}
}

// Server keeps a logger bound to the API key it was built with.
type Server struct{ log *zap.Logger }

func (s *Server) Configure(r *http.Request) {
	s.log = s.log.With(zap.String("key", r.Header.Get("X-Api-Key"))) // want `API key from the X-Api-Key header reaches zap.Logger.With`
}

// Path returns a logger bound to the request path only.
func (l *L) Path(r *http.Request) *L {
	ll := New()
	ll.Logger = ll.Logger.With("path", r.URL.Path) // silent: no credential
	return ll
}

// Method returns a logger bound to a value derived from the request
// that is not a credential.
func Method(r *http.Request) *slog.Logger {
	return slog.Default().With("method", r.Method, "has_token", r.Header.Get("X-Auth-Token") != "") // silent: a bool and the method
}

// Local binds and logs in the same function: every record of the
// derived logger repeats the binding, which is reported once.
func Local(r *http.Request) {
	lg := slog.Default().With("token", r.Header.Get("X-Auth-Token")) // want `token from the X-Auth-Token header reaches slog.Logger.With`
	lg.Info("auth")                                                  // silent: the binding is reported
	lg.Warn("again")                                                 // silent: the binding is reported
}

// Dropped binds a logger nobody uses: nothing is written.
func Dropped(r *http.Request) {
	_ = slog.Default().With("token", r.Header.Get("X-Auth-Token")) // silent: never written
}

// Kept stores the bound logger in a local struct that does not leave
// the function: reported at the binding too.
func Kept(r *http.Request) {
	var h struct{ lg *slog.Logger }
	h.lg = slog.Default().With("token", r.Header.Get("X-Auth-Token")) // want `token from the X-Auth-Token header reaches slog.Logger.With`
	h.lg.Warn("auth")                                                 // silent: the binding is reported
}
