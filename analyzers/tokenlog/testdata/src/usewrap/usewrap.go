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

	// Through the wrapper as at log.Printf itself: the operands of %T and
	// %p show a type or an address, the others are printed.
	wrap.Debugf("token of type %T", tok)              // silent: only the type
	wrap.Debugf("token at %p, type %T", &tok, bearer) // silent
	wrap.Debugf("type %T, token %s", bearer, tok)     // want `token from the X-Auth-Token header reaches log.Printf via wrap.Debugf and wrap.logf`
	wrap.Debugf("token %v of type %T", bearer, tok)   // want `bearer token from the Authorization header returned by wrap.AuthHeader reaches log.Printf`
	wrap.Debugf("token %[1]T %[1]v", tok)             // want `token from the X-Auth-Token header reaches log.Printf`
	wrap.Debugf(format(), tok)                        // want `token from the X-Auth-Token header reaches log.Printf`
}

func format() string { return "%T" }
