// Package obs is an in-house logger: init should suggest Debugf and
// Logger.Log for tokenlog.loggers, and not Count.
package obs

type Logger struct{}

func (l *Logger) Log(event string, kv ...any) {}

func Debugf(format string, args ...any) {}

func Count(name string, n int) {}

// unexported is never suggested: it cannot be named from outside.
func debug(args ...any) {}
