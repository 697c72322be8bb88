// Package cli is the authvet command line: it parses flags, runs the
// linter and the secret scanner, and writes one report. It takes its
// writers and arguments as parameters so tests drive it in-process; only
// cmd/authvet's main exits.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/pflag"
)

// Exit codes, documented in README and in every command's -h.
const (
	ExitOK       = 0 // no counted finding at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on
	ExitError    = 2 // usage or operational error
)

// exitError carries the exit code with the error that caused it.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErrorf is an error in how authvet was called.
func usageErrorf(format string, args ...any) error {
	return &exitError{ExitError, fmt.Errorf(format, args...)}
}

// errFindings is returned when the run found what --fail-on asks to fail
// on; the report has been written already.
var errFindings = &exitError{ExitFindings, errors.New("findings at or above the --fail-on level")}

// env is what a command runs with.
type env struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
	// stdoutTTY says whether stdout is a terminal (colour, progress).
	stdoutTTY bool
	stderrTTY bool
	// getenv reads the environment (tests replace it).
	getenv func(string) string
}

// command is one subcommand.
type command struct {
	name     string
	synopsis string
	usage    string // full help, after the flags' defaults
	flags    func(fs *pflag.FlagSet) func(e *env, args []string) error
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// Main runs authvet with args (without the program name) and returns the
// exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{
		ctx: ctx, stdout: stdout, stderr: stderr,
		stdoutTTY: isTerminal(stdout), stderrTTY: isTerminal(stderr),
		getenv: os.Getenv,
	}
	err := run(e, args)
	if err == nil {
		return ExitOK
	}
	var xe *exitError
	if errors.As(err, &xe) {
		if xe != errFindings {
			fmt.Fprintf(stderr, "authvet: %v\n", xe.err)
		}
		return xe.code
	}
	fmt.Fprintf(stderr, "authvet: %v\n", err)
	return ExitError
}

func run(e *env, args []string) error {
	if len(args) == 0 {
		writeTopUsage(e.stderr)
		return usageErrorf("no command given; run 'authvet scan .' to lint and scan this directory")
	}
	name := args[0]
	switch name {
	case "-h", "--help", "help":
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				fs := newFlagSet(c)
				c.flags(fs)
				writeCommandUsage(e.stdout, c, fs)
				return nil
			}
		}
		writeTopUsage(e.stdout)
		return nil
	case "-V", "--version":
		name = "version"
	}
	c, ok := commands[name]
	if !ok {
		writeTopUsage(e.stderr)
		return usageErrorf("unknown command %q; run 'authvet help' for the list", name)
	}
	fs := newFlagSet(c)
	runFn := c.flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			writeCommandUsage(e.stdout, c, fs)
			return nil
		}
		return usageErrorf("%s: %v (run 'authvet %s -h')", c.name, err, c.name)
	}
	return runFn(e, fs.Args())
}

func newFlagSet(c *command) *pflag.FlagSet {
	fs := pflag.NewFlagSet("authvet "+c.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = true
	return fs
}

const exitCodesHelp = `Exit codes:
  0  no finding at or above --fail-on (suppressed and baseline findings never count)
  1  findings at or above --fail-on
  2  usage or operational error: unknown flag, missing path, packages that fail
     to load or type-check, git failures; findings from what did load are
     still reported`

func writeTopUsage(w io.Writer) {
	fmt.Fprintf(w, "authvet finds leaked API credentials and missing authorization in Go code.\n\n")
	fmt.Fprintf(w, "Usage:\n  authvet <command> [flags] [args]\n\nCommands:\n")
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].synopsis)
	}
	fmt.Fprintf(w, "\nRun 'authvet <command> -h' for a command's flags and examples.\n")
	fmt.Fprintf(w, "It also runs as a go vet tool: go vet -vettool=$(command -v authvet) ./...\n\n%s\n", exitCodesHelp)
}

func writeCommandUsage(w io.Writer, c *command, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "%s\n\n%s\n", c.synopsis, strings.TrimSpace(c.usage))
	if fs.HasFlags() {
		fmt.Fprintf(w, "\nFlags:\n%s", fs.FlagUsages())
	}
	fmt.Fprintf(w, "\n%s\n", exitCodesHelp)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
