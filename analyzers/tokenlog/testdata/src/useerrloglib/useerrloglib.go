// Package useerrloglib hands request credentials to errloglib.
package useerrloglib

import (
	"net/http"
	"net/http/httputil"

	"errloglib"
)

func detail(r *http.Request, reason string) {
	dump, _ := httputil.DumpRequest(r, true)
	errloglib.Errorf(r.Context(), "authorize failed: %s\n=> %s", reason, string(dump)) // want `request dump with its Authorization and Cookie headers reaches errloglib.Logger.Errorf via errloglib.Errorf`
}

func wrapped(r *http.Request) error {
	return errloglib.Wrap("bad token %s", r.Header.Get("Authorization")) // want `put in an error message by fmt.Errorf via errloglib.Wrap`
}

func failed(r *http.Request) error {
	return errloglib.Failed(r.Context(), "bad token %s", r.Header.Get("Authorization")) // want `put in an error message by fmt.Errorf via errloglib.Failed`
}

func reasonOnly(r *http.Request) {
	errloglib.Errorf(r.Context(), "authorize failed for %s", r.URL.Path)
}
