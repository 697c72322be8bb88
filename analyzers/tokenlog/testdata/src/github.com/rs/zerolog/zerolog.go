// Package zerolog is a stub of github.com/rs/zerolog for tests.
package zerolog

import "context"

type Event struct{}

func (e *Event) Str(k, v string) *Event           { return e }
func (e *Event) Int(k string, v int) *Event       { return e }
func (e *Event) Interface(k string, v any) *Event { return e }
func (e *Event) Any(k string, v any) *Event       { return e }
func (e *Event) Fields(fields any) *Event         { return e }
func (e *Event) Msg(m string)                     {}
func (e *Event) Msgf(f string, a ...any)          {}
func (e *Event) Send()                            {}

type Logger struct{}

func (l Logger) Info() *Event  { return &Event{} }
func (l Logger) Debug() *Event { return &Event{} }

// Context builds the fields of a derived logger.
type Context struct{}

func (c Context) Str(k, v string) Context     { return c }
func (c Context) Int(k string, v int) Context { return c }
func (c Context) Logger() Logger              { return Logger{} }

func (l Logger) With() Context                          { return Context{} }
func (l *Logger) UpdateContext(f func(Context) Context) {}
func (l Logger) WithContext(ctx context.Context) context.Context {
	return ctx
}

// Ctx returns the logger stored in ctx.
func Ctx(ctx context.Context) *Logger { return &Logger{} }

// Warn and Error have pointer receivers, as in zerolog.
func (l *Logger) Warn() *Event  { return &Event{} }
func (l *Logger) Error() *Event { return &Event{} }
