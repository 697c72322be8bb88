// Package cli is a stub of github.com/urfave/cli/v2.
package cli

// Context is a command's invocation.
type Context struct{}

// String returns a flag's value.
func (c *Context) String(name string) string { return "" }

// Command is a command-line command.
type Command struct {
	Name        string
	Action      ActionFunc
	Subcommands []*Command
}

// ActionFunc is a command's body.
type ActionFunc func(*Context) error

// App is a command-line application.
type App struct {
	Commands []*Command
	Action   ActionFunc
}
