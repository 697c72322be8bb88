// Package followopt holds redirect helpers that no login of this
// package calls: their callers sit in other packages, behind an
// interface. A helper that follows the request's return parameter only
// when its caller's option says so (authboss's
// RedirectOptions.FollowRedirParam) exists to send the user back after a
// login step, and is reported; generic helpers stay silent.
package followopt

import (
	"net/http"
	"strings"
)

// RedirectOptions is what a login step passes to the redirector.
type RedirectOptions struct {
	RedirectPath     string
	FollowRedirParam bool
	Permanent        bool
}

// HTTPRedirector is implemented by redirector; the login steps that
// call it are in other packages.
type HTTPRedirector interface {
	Redirect(w http.ResponseWriter, r *http.Request, ro RedirectOptions) error
}

type redirector struct{ formValueName string }

var _ HTTPRedirector = redirector{}

// Redirect is authboss's defaults.Redirector: the "://" guard lets
// "//evil.example" through.
func (rd redirector) Redirect(w http.ResponseWriter, r *http.Request, ro RedirectOptions) error {
	return rd.redirectNonAPI(w, r, ro)
}

func (rd redirector) redirectNonAPI(w http.ResponseWriter, r *http.Request, ro RedirectOptions) error {
	path := ro.RedirectPath
	redir := r.FormValue(rd.formValueName)
	if strings.Contains(redir, "://") {
		redir = ""
	}
	if len(redir) != 0 && ro.FollowRedirParam {
		path = redir
	}
	http.Redirect(w, r, path, http.StatusFound) // want `in a redirect helper whose caller asks it to follow the return parameter`
	return nil
}

// backOptions is a pointer option with a return_to switch.
type backOptions struct {
	Default      string
	UseReturnTo  bool
	StatusCode   int
	FollowRedirs bool
}

func redirectAfter(w http.ResponseWriter, r *http.Request, o *backOptions) {
	dest := o.Default
	if o.UseReturnTo {
		dest = r.URL.Query().Get("return_to")
	}
	http.Redirect(w, r, dest, o.StatusCode) // want `query parameter "return_to"`
}

// redirectBack is a generic helper with no caller's option: silent
// outside a login (reported only with -everywhere).
func redirectBack(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("next"), http.StatusFound)
}

// permanentOnly has options, but the option picks the status code, not
// whether the request's parameter is followed.
func permanentOnly(w http.ResponseWriter, r *http.Request, ro RedirectOptions) {
	code := http.StatusFound
	if ro.Permanent {
		code = http.StatusMovedPermanently
	}
	http.Redirect(w, r, r.FormValue("next"), code)
}

// clientOption branches on an HTTP client's FollowRedirs option, not a
// return parameter switch.
func clientOption(w http.ResponseWriter, r *http.Request, o *backOptions) {
	if o.FollowRedirs {
		o.StatusCode = http.StatusSeeOther
	}
	http.Redirect(w, r, r.FormValue("next"), o.StatusCode)
}

// checked follows the parameter on request, after a same-origin check.
func (rd redirector) checked(w http.ResponseWriter, r *http.Request, ro RedirectOptions) {
	path := ro.RedirectPath
	redir := r.FormValue(rd.formValueName)
	if ro.FollowRedirParam && strings.HasPrefix(redir, "/") && !strings.HasPrefix(redir, "//") && !strings.HasPrefix(redir, "/\\") {
		path = redir
	}
	http.Redirect(w, r, path, http.StatusFound) // path-only check
}

type config struct{ FollowRedirParam bool }

// receiverSwitch is switched by its receiver's configuration, not by a
// caller's option: a generic helper.
func (c config) receiverSwitch(w http.ResponseWriter, r *http.Request) {
	dest := "/"
	if c.FollowRedirParam {
		dest = r.FormValue("next")
	}
	http.Redirect(w, r, dest, http.StatusFound)
}
