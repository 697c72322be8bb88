// Package zap is a stub of go.uber.org/zap for tests.
package zap

type Field struct {
	Key       string
	Interface any
	String    string
}

func String(k, v string) Field            { return Field{Key: k, String: v} }
func ByteString(k string, v []byte) Field { return Field{Key: k} }
func Any(k string, v any) Field           { return Field{Key: k, Interface: v} }
func Reflect(k string, v any) Field       { return Field{Key: k, Interface: v} }
func Int(k string, v int) Field           { return Field{Key: k} }

type Logger struct{}

func NewNop() *Logger                          { return &Logger{} }
func (l *Logger) Info(msg string, f ...Field)  {}
func (l *Logger) Debug(msg string, f ...Field) {}
func (l *Logger) Error(msg string, f ...Field) {}
func (l *Logger) With(f ...Field) *Logger      { return l }
func (l *Logger) Sugar() *SugaredLogger        { return &SugaredLogger{} }
func (l *Logger) Sync() error                  { return nil }

type SugaredLogger struct{}

func (s *SugaredLogger) Infof(t string, a ...any)     {}
func (s *SugaredLogger) Debugw(msg string, kv ...any) {}
func (s *SugaredLogger) With(a ...any) *SugaredLogger { return s }
