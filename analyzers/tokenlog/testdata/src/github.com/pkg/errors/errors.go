// Package errors is a stub of github.com/pkg/errors.
package errors

import "fmt"

func New(message string) error { return fmt.Errorf("%s", message) }

func Wrap(err error, message string) error { return fmt.Errorf("%s: %w", message, err) }

func Wrapf(err error, format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), err)
}
