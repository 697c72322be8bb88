// Package usehelperlib calls helperlib's helpers. A flow into another
// package's helper that owns its sink is reported once per helper sink,
// at the first call of this package; a flow into a forwarder at each
// call.
package usehelperlib

import (
	"net/http"

	"helperlib"
)

func basic(r *http.Request) {
	helperlib.SplitAuthHeader(r.Header.Get("Authorization")) // want `credentials from the Authorization header is put in an error message by fmt.Errorf via helperlib.SplitAuthHeader \(and 1 other call in this package\)`
}

func bearer(r *http.Request) {
	helperlib.SplitAuthHeader(r.Header.Get("Authorization")) // silent: counted at the first call
}

func accept(r *http.Request) {
	helperlib.SplitAuthHeader(r.Header.Get("Accept")) // silent: no credential
}

func logged(r *http.Request) {
	tok := r.Header.Get("X-Auth-Token")
	helperlib.LogValue(tok)        // want `token from the X-Auth-Token header reaches log.Printf via helperlib.LogValue`
	helperlib.LogValue(tok)        // want `token from the X-Auth-Token header reaches log.Printf via helperlib.LogValue`
	helperlib.LogValue(r.URL.Path) // silent: no credential
}

func debugged(r *http.Request) {
	helperlib.LogLine("key " + r.Header.Get("X-API-Key"))     // want `API key from the X-API-Key header reaches log.Print via helperlib.LogLine`
	helperlib.LogLine("auth " + r.Header.Get("X-Auth-Token")) // want `token from the X-Auth-Token header reaches log.Print via helperlib.LogLine`
}
