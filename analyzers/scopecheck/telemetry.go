package scopecheck

import (
	"go/types"
	"strings"
)

// Telemetry endpoints.
//
// A route served by an observability library's handler (Prometheus'
// promhttp.Handler, expvar.Handler, net/http/pprof, chi's
// middleware.Profiler) exposes the process's own metrics and profiles,
// the same to every caller, and no user's resources: an operator's
// endpoint that authentication alone protects (sftpgo's telemetry
// server behind basic auth). Such a handler does no work a scope
// protects. A route to the application's own handler beside it is still
// judged by what that handler does.

// telemetryPkgs are the packages whose handlers serve process telemetry.
var telemetryPkgs = []string{
	"github.com/prometheus/client_golang/prometheus/promhttp",
	"expvar",
	"net/http/pprof",
	"github.com/felixge/fgprof",
}

// telemetryHandler reports whether fn builds or is a handler of an
// observability library.
func telemetryHandler(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	path := funcPath(fn)
	for _, p := range telemetryPkgs {
		if path == p {
			return true
		}
	}
	// chi's middleware.Profiler mounts net/http/pprof.
	return fn.Name() == "Profiler" && strings.HasPrefix(path, "github.com/go-chi/chi") && strings.HasSuffix(path, "/middleware")
}
