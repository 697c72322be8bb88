// Package cli is a stub of github.com/urfave/cli/v2.
package cli

// Context is a command's invocation.
type Context struct{}

// String returns a flag's value.
func (c *Context) String(name string) string { return "" }

// ActionFunc is a command's body. As in the real package it is a named
// function type, so storing a function in Action converts it.
type ActionFunc func(*Context) error

// Command is a command-line command.
type Command struct {
	Name        string
	Action      ActionFunc
	Before      func(*Context) error
	Subcommands []*Command
}

// App is a command-line application.
type App struct {
	Commands []*Command
	Action   ActionFunc
}
