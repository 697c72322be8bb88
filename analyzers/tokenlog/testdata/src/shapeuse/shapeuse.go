// Package shapeuse writes credentials through loggers tokenlog knows by
// their shape only (a leveled name, no result, a message and its
// operands), and through look-alikes that are not loggers.
package shapeuse

import (
	"net/http"
	"net/url"
	"os"

	"shapelib"

	clog "unknwon.dev/clog/v2"
)

// Logger is a project's logging interface.
type Logger interface {
	Warnf(format string, args ...any)
	Information(format string, args ...any)
}

func positives(r *http.Request, l Logger) {
	tok := r.Header.Get("Authorization")
	clog.Trace("auth: %s", tok)         // want `credentials from the Authorization header reaches clog.Trace`
	clog.ErrorDepth(2, "auth: %s", tok) // want `credentials from the Authorization header reaches clog.ErrorDepth`
	clog.TraceTo("file", "%s", tok)     // want `credentials from the Authorization header reaches clog.TraceTo`
	l.Warnf("auth: %v", tok)            // want `credentials from the Authorization header reaches shapeuse.Logger.Warnf`
	shapelib.Debugf("auth: %s", tok)    // want `credentials from the Authorization header reaches clog.Trace via shapelib.Debugf`
}

// trigger builds a URL whose query carries a secret under its key, as
// gogs's hook does, and logs it.
func trigger(base string) {
	q := make(url.Values)
	q.Add("branch", "main")
	q.Add("secret", os.Getenv("REPO_OWNER_SALT_MD5"))
	reqURL := base + "/tasks/trigger?" + q.Encode()
	clog.Trace("Trigger task: %s", reqURL) // want `secret stored under query parameter "secret" reaches clog.Trace`
}

func nearMisses(r *http.Request, l Logger, v *shapelib.Validator) string {
	tok := r.Header.Get("Authorization")
	clog.Info("auth for %s", r.URL.Path)      // silent: no credential
	l.Information("auth: %v", tok)            // silent: not a level name
	shapelib.Infof("auth: %s", tok)           // silent: its body drops the operands
	v.Errorf("bad token %s", tok)             // silent: returns a result, not a logger
	msg := shapelib.Tr("en", "token %s", tok) // silent: a translation writes nothing
	return msg
}

// queries logs URLs whose queries hold no reusable secret.
func queries(base, state, branch, code string) {
	q := url.Values{}
	q.Set("state", state)
	q.Set("code", code)
	q.Set("branch", branch)
	q.Set("key", branch)
	clog.Trace("%s?%s", base, q.Encode()) // silent: state, code, branch and a generic key carry no credential
}
