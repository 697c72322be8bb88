// Package kingpin is a stub of github.com/alecthomas/kingpin/v2.
package kingpin

// ParseContext is a parse's state.
type ParseContext struct{}

// Action is a command's body or hook. As in the real package it is a
// named function type, so passing a function converts it.
type Action func(*ParseContext) error

// Application is a command-line application.
type Application struct{}

// New makes an application.
func New(name, help string) *Application { return &Application{} }

// Command adds a command.
func (a *Application) Command(name, help string) *CmdClause { return &CmdClause{} }

// Action sets the application's body.
func (a *Application) Action(action Action) *Application { return a }

// CmdClause is a command.
type CmdClause struct{}

// Action sets the command's body.
func (c *CmdClause) Action(action Action) *CmdClause { return c }

// PreAction sets a hook run before the command's body.
func (c *CmdClause) PreAction(action Action) *CmdClause { return c }

// Flag adds a flag.
func (c *CmdClause) Flag(name, help string) *FlagClause { return &FlagClause{} }

// FlagClause is a flag.
type FlagClause struct{}

// StringVar binds the flag to a string.
func (f *FlagClause) StringVar(p *string) {}
