// Package wrap is a logging and credential helper package used by
// package usewrap: its summaries reach usewrap as facts.
package wrap

import (
	"log"
	"net/http"
	"strings"
)

// Debugf logs through the standard logger.
func Debugf(format string, args ...any) { // want Debugf:`param 0 reaches log.Printf via wrap.logf; param 1 reaches log.Printf via wrap.logf`
	logf("DEBUG "+format, args...)
}

func logf(format string, args ...any) {
	log.Printf(format, args...)
}

// Infof only counts its arguments.
func Infof(format string, args ...any) { // want Infof:`tokenlog\(not a logger by shape\)`
	log.Printf("%d args", len(args))
}

// AuthHeader returns the bearer token of a request.
func AuthHeader(r *http.Request) string { // want AuthHeader:`result 0 is bearer token from the Authorization header`
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// RequestID returns the request id.
func RequestID(r *http.Request) string {
	return r.Header.Get("X-Request-Id")
}

// Logger is an application logger.
type Logger struct{ prefix string }

// Log writes a message.
func (l *Logger) Log(msg string) { // want Log:`param 1 reaches log.Print`
	log.Print(l.prefix + msg)
}
