// Package zerolog is a stub of github.com/rs/zerolog for tests.
package zerolog

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
