// Package errors is a stub of emperror.dev/errors.
package errors

func New(message string) error                                  { return nil }
func Errorf(format string, args ...interface{}) error           { return nil }
func Wrap(err error, message string) error                      { return nil }
func Wrapf(err error, format string, args ...interface{}) error { return nil }
func WithMessage(err error, message string) error               { return nil }
func WithDetails(err error, details ...interface{}) error       { return nil }
