// Package stdlogger writes through an interface that copies log.Logger's
// print methods (shoutrrr's types.StdLogger): whatever the user plugs in
// is a log, so a token printed through it is logged. A concrete type's
// Printf, and an interface whose Printf has another shape, are not
// judged as loggers by their shape.
package stdlogger

import "os"

type StdLogger interface {
	Print(v ...any)
	Printf(format string, v ...any)
	Println(v ...any)
}

type service struct {
	log   StdLogger
	token string
}

func (s *service) send() {
	s.log.Printf("sending with token %s", s.token) // want `token in field token reaches stdlogger.StdLogger.Printf`
	s.log.Println("token", s.token)                // want `token in field token reaches stdlogger.StdLogger.Println`
}

// Near misses.

type console struct{}

func (console) Printf(format string, v ...any) { _, _ = os.Stdout.WriteString(format) }

type report interface {
	Printf(format string, v ...any) int
	Print(v ...any) int
}

func (s *service) show(c console, r report) {
	c.Printf("token %s", s.token)
	r.Printf("token %s", s.token)
}
