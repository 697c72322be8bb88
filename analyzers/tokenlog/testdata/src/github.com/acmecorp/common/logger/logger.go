// Package logger is a stub of an in-house logging module that services
// import as a dependency (CasaOS-Common's logger, openimsdk's tools/log):
// it wraps zap, but its bodies write to a io.Writer tokenlog does not
// know, so the functions' shapes decide.
package logger

import (
	"context"
	"fmt"
	"io"

	"go.uber.org/zap"
)

var out io.Writer

func write(level, msg string, v ...any) { fmt.Fprint(out, level, msg, v) }

// Info logs a message with zap fields.
func Info(message string, fields ...zap.Field) { write("info", message, fields) }

// Error logs a message with zap fields.
func Error(message string, fields ...zap.Field) { write("error", message, fields) }

// ZDebug logs a message with key-value pairs.
func ZDebug(ctx context.Context, msg string, keysAndValues ...any) {
	write("debug", msg, keysAndValues...)
}

// CtxInfof logs a printf-style message.
func CtxInfof(ctx context.Context, format string, v ...any) { write("info", format, v...) }

// Fields counts fields: not a logger, it returns a result.
func Fields(fields ...zap.Field) int { return len(fields) }

// Zone names a zone: its name is no level.
func Zone(name string, fields ...zap.Field) { write("zone", name, fields) }

// CtxInfo is level-named but returns the line it would write.
func CtxInfo(ctx context.Context, msg string, v ...any) string { return fmt.Sprint(msg, v) }
