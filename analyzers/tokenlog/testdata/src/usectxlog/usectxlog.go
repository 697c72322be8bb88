// Package usectxlog calls the helpers of package ctxlog, which use their
// first argument only as a source of log fields.
package usectxlog

import (
	"net/http"

	"ctxlog"
)

func login(w http.ResponseWriter, r *http.Request, user string) {
	ctxlog.Error(r, "login failed", "user", user)                      // silent: the request is only asked for its log entry, never printed
	ctxlog.Info(r.Context(), "login", "user", user)                    // silent: a context and a user name
	ctxlog.Error(r, "login failed", "request", r)                      // want `\*http.Request with credential field Header is printed whole by logrus.Entry.WithField via ctxlog.Error and ctxlog.emit`
	ctxlog.Error(r, "login failed", "headers", r.Header)               // want `request headers with their Authorization and Cookie values reaches logrus.Entry.WithField via ctxlog.Error and ctxlog.emit`
	ctxlog.Error(r, "bad auth", "auth", r.Header.Get("Authorization")) // want `credentials from the Authorization header reaches logrus.Entry.WithField via ctxlog.Error and ctxlog.emit`
	ctxlog.Error(r, "bad auth", "scheme", r.URL.Scheme)                // silent: no credential among the pairs
}
