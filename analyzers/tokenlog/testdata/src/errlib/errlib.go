// Package errlib is a module's own error package, fider's shape: Wrap
// formats its arguments into the text of an error type whose Error
// method prints that text.
package errlib

import "fmt"

type theError struct { // want theError:`tokenlog.errFields\(\[0 1\]\)`
	text  string
	cause error
}

// Error prints the text and the cause.
func (e *theError) Error() string { return fmt.Sprintf("%s: %v", e.text, e.cause) }

// Wrap wraps err with a formatted message.
func Wrap(err error, format string, a ...any) error { // want Wrap:`tokenlog\(param 1 reaches errlib.wrap \(own sink\); param 2 reaches errlib.wrap\)`
	return wrap(err, format, a...)
}

func wrap(err error, format string, a ...any) error {
	if err == nil {
		return nil
	}
	text := fmt.Sprintf(format, a...)
	if c, ok := err.(*theError); ok {
		text = text + "\n- " + c.text
	}
	return &theError{text: text, cause: err}
}

// Coded is an error with a code; Error does not print the value kept
// for the caller.
type Coded struct { // want Coded:`tokenlog.errFields\(\[0\]\)`
	Code  int
	Value string
}

// Error prints the code only.
func (c *Coded) Error() string { return fmt.Sprintf("error %d", c.Code) }

// WithValue returns a Coded error keeping v for the caller.
func WithValue(code int, v string) error { return &Coded{Code: code, Value: v} }

// Result is no error.
type Result struct {
	Text string
}

// NewResult returns a result holding text.
func NewResult(text string) *Result { // want NewResult:`tokenlog\(param 0 flows to result 0.0\)`
	return &Result{Text: text}
}
