// Package message is a stub of golang.org/x/text/message: a Printer
// formats a catalogue message. Sprintf returns the string and writes
// nothing (a missing message is remembered as an error); Printf writes
// to standard output, Fprintf to the writer it is given.
package message

import (
	"fmt"
	"io"
)

type Printer struct {
	cat map[string]string
	err error
}

func NewPrinter(lang string) *Printer { return &Printer{cat: map[string]string{}} }

func (p *Printer) Sprintf(key string, a ...interface{}) string {
	format, ok := p.cat[key]
	if !ok {
		p.err = fmt.Errorf("message: no translation of %q for %v", key, a)
		format = key
	}
	return fmt.Sprintf(format, a...)
}

func (p *Printer) Printf(key string, a ...interface{}) (int, error) {
	return fmt.Print(p.Sprintf(key, a...))
}

func (p *Printer) Fprintf(w io.Writer, key string, a ...interface{}) (int, error) {
	return fmt.Fprint(w, p.Sprintf(key, a...))
}
