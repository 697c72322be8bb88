// Package shapeuse writes credentials through loggers tokenlog knows by
// their shape only (a leveled name, no result, a message and its
// operands), and through look-alikes that are not loggers.
package shapeuse

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"

	"shapelib"

	clog "unknwon.dev/clog/v2"
)

// StdLogger is the interface a library takes to write to whatever
// logger its user plugs in, copied from log.Logger's Output.
type StdLogger interface {
	Output(calldepth int, s string) error
}

// Renderer has an Output method of another shape.
type Renderer interface {
	Output(name string) error
}

// Printer has an Output method that returns the text.
type Printer interface {
	Output(calldepth int, s string) string
}

// logf formats and writes through the plugged-in logger.
func logf(l StdLogger, format string, args ...any) {
	l.Output(3, fmt.Sprintf(format, args...))
}

func outputs(r *http.Request, l StdLogger, rd Renderer, p Printer) {
	tok := r.Header.Get("Authorization")
	logf(l, "auth: %s", tok)      // want `credentials from the Authorization header reaches shapeuse.StdLogger.Output via logf`
	_ = rd.Output(tok)            // silent: not Output(int, string) error
	_ = p.Output(1, "auth: "+tok) // silent: returns the text, writes nothing
}

// NuclioLogger is nuclio's logger: a message of any type, and
// key-value pairs after it, after a context in the Ctx forms.
type NuclioLogger interface {
	Debug(format interface{}, vars ...interface{})
	DebugWith(format interface{}, vars ...interface{})
	InfoWithCtx(ctx context.Context, format interface{}, vars ...interface{})
	ErrorWith(format interface{}, vars ...interface{}) error
	Flush()
}

func nuclio(ctx context.Context, r *http.Request, l NuclioLogger) {
	tok := r.Header.Get("Authorization")
	l.DebugWith("Got request", "auth", tok)        // want `credentials from the Authorization header reaches shapeuse.NuclioLogger.DebugWith`
	l.InfoWithCtx(ctx, "Got request", "auth", tok) // want `credentials from the Authorization header reaches shapeuse.NuclioLogger.InfoWithCtx`
	l.Debug(tok)                                   // want `credentials from the Authorization header reaches shapeuse.NuclioLogger.Debug`
	_ = l.ErrorWith("rejected", "auth", tok)       // silent: returns an error, writes nothing
	l.DebugWith("Got request", "method", r.Method) // silent: no credential
}

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

// literalQuery builds the query as a url.Values literal: the value under
// a credential's parameter is one, a constant there is not, and neither
// is a value under a generic "key".
func literalQuery(base, v string) {
	u := base + "?" + url.Values{"branch": {"main"}, "secret": {os.Getenv("HOOK_SALT")}}.Encode()
	clog.Trace("Trigger task: %s", u) // want `secret stored under query parameter "secret" reaches clog.Trace`
	demo := base + "?" + url.Values{"api_key": {"DEMO_KEY"}}.Encode()
	clog.Trace("Trigger task: %s", demo)
	generic := base + "?" + url.Values{"key": {v}, "q": []string{v}}.Encode()
	clog.Trace("Trigger task: %s", generic)
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
