// Package cmdbuilder builds its cobra commands through a builder of its
// own that stores a literal calling the command's function as Run.
package cmdbuilder

import (
	"fmt"
	"log"

	"github.com/spf13/cobra"
)

type CmdConfig struct{ Token string }

type CmdRunner func(c *CmdConfig) error

type Command struct{ *cobra.Command }

func cmdBuilderWithInit(parent *Command, cr CmdRunner, use string) *Command {
	c := &Command{Command: &cobra.Command{Use: use}}
	c.Command.Run = func(cmd *cobra.Command, args []string) {
		cfg := &CmdConfig{}
		if err := cr(cfg); err != nil {
			log.Fatal(err)
		}
	}
	return c
}

// cmdBuilder hands its runner on to the builder.
func cmdBuilder(parent *Command, cr CmdRunner, use string) *Command {
	return cmdBuilderWithInit(parent, cr, use)
}

func authCmd() *Command {
	cmd := &Command{Command: &cobra.Command{Use: "auth"}}
	cmdBuilderWithInit(cmd, runAuthToken, "token")
	cmdBuilder(cmd, runShowKey, "key")
	cmdBuilder(cmd, runLogin, "login")
	return cmd
}

// Near miss: `auth token` prints the token its user asked for.
func runAuthToken(c *CmdConfig) error {
	fmt.Println(c.Token)
	return nil
}

// Near miss: through the second builder.
func runShowKey(c *CmdConfig) error {
	fmt.Printf("key: %s\n", c.Token)
	return nil
}

// Positive: also called directly by other code, its print is not only
// the command's output.
func runLogin(c *CmdConfig) error {
	fmt.Println("logged in with", c.Token) // want `reaches fmt.Println`
	return nil
}

func refresh(c *CmdConfig) { _ = runLogin(c) }

// Positive: logs are judged as before.
func logToken(c *CmdConfig) {
	log.Printf("token %s", c.Token) // want `reaches log.Printf`
}
