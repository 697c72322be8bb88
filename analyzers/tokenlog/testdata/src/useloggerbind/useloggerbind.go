// Package useloggerbind calls the factories of loggerbind: the
// binding was reported there, once; the records written here are not
// reported again.
package useloggerbind

import (
	"net/http"

	"loggerbind"
)

var lg = loggerbind.New()

func H1(w http.ResponseWriter, r *http.Request) { // want H1:`param 1 reaches slog.Logger.With via loggerbind.L.Request`
	lg.Request(r).Error("failed") // silent: reported at the binding in loggerbind
}

func H2(w http.ResponseWriter, r *http.Request) { // want H2:`param 1 reaches slog.Logger.With via loggerbind.L.Request \(own sink\)`
	lg.Request(r).Warn("slow")                                   // silent: reported at the binding
	loggerbind.ForToken(r).Info("auth")                          // silent: reported at the binding
	lg.Path(r).Info("served")                                    // silent: no credential
	loggerbind.Method(r).Info("served")                          // silent: no credential
	lg.Logger.Info("raw", "auth", r.Header.Get("Authorization")) // want `reaches slog.Logger.Info`
}
