// Package ctxlog is an in-house logging helper in the style many
// services write: the first argument may be a context, a request or an
// entry that carries the log fields of the request, then comes the
// message, then key-value pairs. Its summaries reach usectxlog as facts.
package ctxlog

import (
	"context"
	"net/http"

	"github.com/sirupsen/logrus"
)

type ctxKey struct{}

// Error logs at error level.
func Error(args ...any) { emit(logrus.ErrorLevel, args...) } // want Error:`param 0\[2-63\] reaches logrus.Entry.WithField via ctxlog.emit; param 0\[0\] \(T:\*github.com/sirupsen/logrus.Entry\) reaches logrus.Entry.Log via ctxlog.emit; param 0 \(T:string\) reaches logrus.Entry.WithField via ctxlog.emit`

// Info logs at info level.
func Info(args ...any) { emit(logrus.InfoLevel, args...) } // want Info:`param 0\[2-63\] reaches logrus.Entry.WithField via ctxlog.emit; param 0\[0\] \(T:\*github.com/sirupsen/logrus.Entry\) reaches logrus.Entry.Log via ctxlog.emit; param 0 \(T:string\) reaches logrus.Entry.WithField via ctxlog.emit`

func emit(level logrus.Level, args ...any) {
	entry := logrus.NewEntry(logrus.StandardLogger())
	if len(args) > 0 {
		// The context argument is only looked into for the entry it
		// carries: it is not printed.
		if e, ok := entryFrom(args[0]); ok {
			entry = e
			args = args[1:]
		}
	}
	msg := ""
	if len(args) > 0 {
		if s, ok := args[0].(string); ok {
			msg = s
		}
		args = args[1:]
	}
	for i := 0; i+1 < len(args); i += 2 {
		if k, ok := args[i].(string); ok {
			entry = entry.WithField(k, args[i+1])
		}
	}
	entry.Log(level, msg)
}

func entryFrom(v any) (*logrus.Entry, bool) {
	switch v := v.(type) {
	case *logrus.Entry:
		return v, true
	case context.Context:
		e, ok := v.Value(ctxKey{}).(*logrus.Entry)
		return e, ok
	case *http.Request:
		return entryFrom(v.Context())
	}
	return nil, false
}
