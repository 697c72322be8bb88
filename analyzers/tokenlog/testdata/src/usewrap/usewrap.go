// Package usewrap calls the wrappers of package wrap: the findings are
// reported here, at the outermost call, naming the chain.
package usewrap

import (
	"net/http"

	"wrap"
)

func handle(r *http.Request, l *wrap.Logger) {
	tok := r.Header.Get("X-Auth-Token")
	wrap.Debugf("token %s", tok)       // want `token from the X-Auth-Token header reaches log.Printf via wrap.Debugf and wrap.logf`
	wrap.Infof("token %s", tok)        // silent: Infof logs only a count
	wrap.Debugf("path %s", r.URL.Path) // silent: no credential
	l.Log("token " + tok)              // want `reaches log.Print via wrap.Logger.Log`
	bearer := wrap.AuthHeader(r)
	wrap.Debugf("auth %s", bearer)           // want `bearer token from the Authorization header returned by wrap.AuthHeader reaches log.Printf via wrap.Debugf and wrap.logf`
	wrap.Debugf("rid %s", wrap.RequestID(r)) // silent: a request id
}
