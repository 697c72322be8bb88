// Package logrus is a stub of github.com/sirupsen/logrus for tests.
package logrus

type Fields map[string]any

type Entry struct{ Data Fields }

func (e *Entry) Info(a ...any)                    {}
func (e *Entry) Infof(f string, a ...any)         {}
func (e *Entry) WithField(k string, v any) *Entry { return e }

type Logger struct{}

func New() *Logger                            { return &Logger{} }
func (l *Logger) Warnf(f string, a ...any)    {}
func (l *Logger) WithFields(fs Fields) *Entry { return &Entry{} }
func (l *Logger) SetLevel(int)                {}

func Info(a ...any)                    {}
func Debugf(f string, a ...any)        {}
func WithField(k string, v any) *Entry { return &Entry{} }
func WithFields(fs Fields) *Entry      { return &Entry{} }
func SetLevel(int)                     {}
