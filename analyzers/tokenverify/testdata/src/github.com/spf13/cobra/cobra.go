// Package cobra is a stub of github.com/spf13/cobra.
package cobra

// Command is a command-line command.
type Command struct {
	Use    string
	Run    func(cmd *Command, args []string)
	RunE   func(cmd *Command, args []string) error
	PreRun func(cmd *Command, args []string)
}

// AddCommand adds sub-commands.
func (c *Command) AddCommand(cmds ...*Command) {}
