// Package log is a stand-in for github.com/go-kit/log.
package log

import "io"

// Logger is go-kit's logging interface.
type Logger interface {
	Log(keyvals ...interface{}) error
}

type jsonLogger struct{ w io.Writer }

func (l jsonLogger) Log(keyvals ...interface{}) error { return nil }

// NewJSONLogger returns a logger writing JSON to w.
func NewJSONLogger(w io.Writer) Logger { return jsonLogger{w} }

// With returns a logger with keyvals bound.
func With(logger Logger, keyvals ...interface{}) Logger { return logger }
