// Package clog is a stub of unknwon.dev/clog/v2, a leveled logger
// tokenlog does not know by name: it writes to its own io.Writer, so its
// body calls no sink tokenlog knows, and its shape decides.
package clog

import (
	"fmt"
	"io"
)

var out io.Writer

func write(level int, skip int, format string, v ...interface{}) {
	fmt.Fprintf(out, "%d %d "+format+"\n", append([]interface{}{level, skip}, v...)...)
}

func Trace(format string, v ...interface{})                { write(0, 0, format, v...) }
func Info(format string, v ...interface{})                 { write(1, 0, format, v...) }
func Warn(format string, v ...interface{})                 { write(2, 0, format, v...) }
func Error(format string, v ...interface{})                { write(3, 0, format, v...) }
func ErrorDepth(skip int, format string, v ...interface{}) { write(3, skip, format, v...) }
func TraceTo(name, format string, v ...interface{})        { write(0, 0, name+format, v...) }
func Fatal(format string, v ...interface{})                { write(4, 0, format, v...) }
