// Package status is a stub of google.golang.org/grpc/status.
package status

import (
	"errors"

	"google.golang.org/grpc/codes"
)

func Error(c codes.Code, msg string) error                       { return errors.New(msg) }
func Errorf(c codes.Code, format string, a ...interface{}) error { return errors.New(format) }
