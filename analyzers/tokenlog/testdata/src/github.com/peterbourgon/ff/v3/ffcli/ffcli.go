// Package ffcli is a stub of github.com/peterbourgon/ff/v3/ffcli.
package ffcli

import "context"

// Command is a command-line command; Exec runs it.
type Command struct {
	Name        string
	Exec        func(ctx context.Context, args []string) error
	Subcommands []*Command
}
