// Package log is a stub of github.com/rs/zerolog/log for tests.
package log

import "github.com/rs/zerolog"

var Logger zerolog.Logger

func Info() *zerolog.Event      { return &zerolog.Event{} }
func Debug() *zerolog.Event     { return &zerolog.Event{} }
func Printf(f string, a ...any) {}
