// Package inhouse logs through an in-house logger given by flag.
package inhouse

import (
	"net/http"

	"inhouse/obs"
)

func handle(r *http.Request, rec *obs.Recorder) {
	tok := r.Header.Get("X-Auth-Token")
	obs.Emit("auth", "token", tok)       // want `reaches obs.Emit`
	rec.Record("auth", tok)              // want `reaches obs.Recorder.Record`
	obs.Count("auth", len(tok))          // silent: not a logger, and a length
	obs.Emit("auth", "path", r.URL.Path) // silent: no credential
}
