// Package errloglib is a logging facade of the go-zero logc shape: its
// printf functions format the message with fmt.Errorf and log the
// error's text.
package errloglib

import (
	"context"
	"fmt"
	"log"
)

// Logger is what the facade logs through.
type Logger interface {
	Errorf(format string, v ...any)
}

type std struct{}

func (std) Errorf(format string, v ...any) { log.Printf(format, v...) } // want Errorf:`^tokenlog\(param 1 reaches log.Printf; param 2 reaches log.Printf\)$`

func getLogger(ctx context.Context) Logger { return std{} }

// Errorf logs the message its arguments make.
func Errorf(ctx context.Context, format string, v ...any) { // want Errorf:`^tokenlog\(param 1 reaches errloglib.Logger.Errorf; param 2 reaches errloglib.Logger.Errorf\)$`
	getLogger(ctx).Errorf(fmt.Errorf(format, v...).Error())
}

// Wrap only builds the error and returns it: where it goes is the
// caller's business.
func Wrap(format string, v ...any) error { // want Wrap:`^tokenlog\(param 0 reaches fmt.Errorf; param 1 reaches fmt.Errorf\)$`
	return fmt.Errorf(format, v...)
}

// Failed logs its format, not its arguments.
func Failed(ctx context.Context, format string, v ...any) error { // want Failed:`^tokenlog\(param 1 reaches errloglib.Logger.Errorf; param 2 reaches fmt.Errorf\)$`
	err := fmt.Errorf(format, v...)
	getLogger(ctx).Errorf(fmt.Errorf(format).Error())
	return err
}
