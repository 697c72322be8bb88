// Package zerolog is a stub of github.com/rs/zerolog.
package zerolog

type Event struct{}

func (e *Event) Interface(key string, v any) *Event { return e }
func (e *Event) Str(key, v string) *Event           { return e }
func (e *Event) Msg(msg string)                     {}

type Logger struct{}

func (l *Logger) Info() *Event { return &Event{} }
