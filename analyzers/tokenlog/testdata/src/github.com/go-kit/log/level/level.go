// Package level is a stand-in for github.com/go-kit/log/level.
package level

import "github.com/go-kit/log"

func Debug(logger log.Logger) log.Logger { return logger }
func Info(logger log.Logger) log.Logger  { return logger }
func Error(logger log.Logger) log.Logger { return logger }
