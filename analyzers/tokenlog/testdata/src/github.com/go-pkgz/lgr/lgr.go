// Package lgr is a stub of github.com/go-pkgz/lgr.
package lgr

type Option func(l *Logger)

type Logger struct{}

type L interface {
	Logf(format string, args ...interface{})
}

type Func func(format string, args ...interface{})

func (f Func) Logf(format string, args ...interface{}) { f(format, args...) }

func Printf(format string, args ...interface{})           {}
func Print(line string)                                   {}
func Fatalf(format string, args ...interface{})           {}
func Setup(opts ...Option)                                {}
func SetupStdLogger(opts ...Option)                       {}
func New(options ...Option) *Logger                       { return &Logger{} }
func (l *Logger) Logf(format string, args ...interface{}) {}
func Secret(vals ...string) Option                        { return func(*Logger) {} }
func Debug(l *Logger)                                     {}
