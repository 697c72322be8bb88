// Package terminal tells the functions that read what the person at the
// terminal types: a prompt's answer, a password read without echo, an
// answer scanned with fmt, a line read from os.Stdin. One table for
// every analyzer that asks whether code talks to that person.
package terminal

import (
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// Kind says how a function hands over what the user typed.
type Kind uint8

const (
	None Kind = iota
	// Answer returns what the user typed: a prompt's answer, a
	// password read without echo (promptui's Prompt.Run,
	// x/term.ReadPassword, gopass, speakeasy, prompter, promptkit).
	Answer
	// Fill reads os.Stdin into the variables its pointer arguments
	// point to (fmt.Scan, Scanln, Scanf).
	Fill
	// Wrap wraps the reader that is its first argument (bufio's
	// NewReader, NewReaderSize, NewScanner): it reads the terminal when
	// that argument is os.Stdin (Stdin), and what its line reads
	// (LineRead) return is then what the user typed.
	Wrap
)

// readers are the functions and methods, by package path, that read
// the terminal; a method is named Type.Method.
var readers = map[string]map[string]Kind{
	"github.com/manifoldco/promptui":            {"Prompt.Run": Answer, "Select.Run": Answer},
	"golang.org/x/term":                         {"ReadPassword": Answer},
	"golang.org/x/crypto/ssh/terminal":          {"ReadPassword": Answer},
	"github.com/howeyc/gopass":                  {"GetPasswd": Answer, "GetPasswdMasked": Answer, "GetPasswdPrompt": Answer},
	"github.com/bgentry/speakeasy":              {"Ask": Answer, "FAsk": Answer},
	"github.com/Songmu/prompter":                {"Password": Answer, "Prompt": Answer, "Prompter.Prompt": Answer},
	"github.com/erikgeiser/promptkit/textinput": {"TextInput.RunPrompt": Answer},
	"fmt":   {"Scan": Fill, "Scanln": Fill, "Scanf": Fill},
	"bufio": {"NewReader": Wrap, "NewReaderSize": Wrap, "NewScanner": Wrap},
}

// lineReads are the methods of bufio's reader and scanner that return
// what the wrapped reader gave.
var lineReads = map[string]bool{
	"Reader.ReadString": true, "Reader.ReadLine": true, "Reader.ReadBytes": true, "Reader.ReadSlice": true,
	"Scanner.Text": true, "Scanner.Bytes": true,
}

// Of returns how fn reads the terminal, or None.
func Of(fn *types.Func) Kind {
	if fn == nil || fn.Pkg() == nil {
		return None
	}
	names := readers[jwtlib.Unvendor(fn.Pkg().Path())]
	if names == nil {
		return None
	}
	if r := jwtlib.RecvName(fn); r != "" {
		return names[r+"."+fn.Name()]
	}
	return names[fn.Name()]
}

// LineRead reports whether fn is a method of bufio's Reader or Scanner
// that returns a line (or token) the wrapped reader gave: what the user
// typed when a Wrap function wrapped os.Stdin.
func LineRead(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || jwtlib.Unvendor(fn.Pkg().Path()) != "bufio" {
		return false
	}
	r := jwtlib.RecvName(fn)
	return r != "" && lineReads[r+"."+fn.Name()]
}

// Stdin reports whether obj is the variable os.Stdin.
func Stdin(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && !v.IsField() && v.Pkg() != nil && v.Pkg().Path() == "os" && v.Name() == "Stdin"
}
