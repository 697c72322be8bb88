// Package shapelib holds functions shaped like loggers, read by the
// analyzer: their bodies, not their shapes, decide.
package shapelib

import (
	"errors"
	"fmt"
	"log"

	clog "unknwon.dev/clog/v2"
)

// Debugf forwards to a logger known by its shape only.
func Debugf(format string, args ...any) { // want Debugf:`param 0 reaches clog.Trace; param 1 reaches clog.Trace`
	clog.Trace("[debug] "+format, args...)
}

// Infof logs the message only: its operands are dropped. The body calls
// a sink, none of the parameters reaches it.
func Infof(format string, args ...any) { // want Infof:`tokenlog\(not a logger by shape\)`
	log.Printf("[info] message with %d operands redacted", len(args))
}

// Tr is a translation call: it returns the text and writes nothing.
func Tr(lang, format string, args ...any) string { // want Tr:`param 0 flows to result 0; param 1 flows to result 0; param 2 flows to result 0`
	return fmt.Sprintf(lang+":"+format, args...)
}

// Errorf builds an error; it is judged by its own sub-rule.
func Errorf(format string, args ...any) error { // want Errorf:`param 0 reaches fmt.Errorf; param 1 reaches fmt.Errorf`
	return fmt.Errorf(format, args...)
}

// Validator collects problems; its Errorf reports whether it failed.
type Validator struct{ failed bool }

// Errorf is shaped like a logger's but returns a result: not a logger.
func (v *Validator) Errorf(format string, args ...any) bool {
	v.failed = true
	return v.failed
}

var errEmpty = errors.New("empty")
