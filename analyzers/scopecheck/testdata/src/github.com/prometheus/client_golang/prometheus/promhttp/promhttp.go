// Package promhttp is a stub of Prometheus' HTTP handler package.
package promhttp

import "net/http"

func Handler() http.Handler { return http.NotFoundHandler() }
