// Package logrus is a stub of github.com/sirupsen/logrus for tests.
package logrus

type Fields map[string]any

type Entry struct{ Data Fields }

func (e *Entry) Info(a ...any)                    {}
func (e *Entry) Warn(a ...any)                    {}
func (e *Entry) Infof(f string, a ...any)         {}
func (e *Entry) WithField(k string, v any) *Entry { return e }

type Logger struct{}

func New() *Logger                            { return &Logger{} }
func (l *Logger) Warnf(f string, a ...any)    {}
func (l *Logger) WithFields(fs Fields) *Entry { return &Entry{} }
func (l *Logger) SetLevel(int)                {}

func Info(a ...any)                    {}
func Debugf(f string, a ...any)        {}
func Infof(f string, a ...any)         {}
func WithField(k string, v any) *Entry { return &Entry{} }
func WithFields(fs Fields) *Entry      { return &Entry{} }
func SetLevel(int)                     {}

type Level uint32

const (
	ErrorLevel Level = 2
	InfoLevel  Level = 4
)

func StandardLogger() *Logger                { return &Logger{} }
func NewEntry(l *Logger) *Entry              { return &Entry{} }
func (e *Entry) Log(level Level, a ...any)   {}
func (e *Entry) WithFields(fs Fields) *Entry { return e }
