// Package cli is a stub of github.com/urfave/cli/v3.
package cli

import "context"

// ActionFunc is a command's body, a named function type as in the real
// package.
type ActionFunc func(context.Context, *Command) error

// Command is a command-line command, and also the application.
type Command struct {
	Name     string
	Action   ActionFunc
	Before   func(context.Context, *Command) (context.Context, error)
	Commands []*Command
}

// String returns a flag's value.
func (c *Command) String(name string) string { return "" }

// Run runs the command.
func (c *Command) Run(ctx context.Context, args []string) error { return nil }
