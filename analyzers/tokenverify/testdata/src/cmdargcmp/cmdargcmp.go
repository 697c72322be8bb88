// Package cmdargcmp: a comparison with a command-line argument is the
// person at the terminal checking a value of their own (a CLI asking
// before it replaces the account token its configuration holds): left
// alone. The same comparison with a value from a request is reported.
package cmdargcmp

import (
	"flag"
	"fmt"
	"net/http"
	"os"

	"github.com/spf13/cobra"
)

type environment struct{ AccountToken string }

type root struct{ env *environment }

func (r *root) Environment() *environment { return r.env }

func loadRoot() (*root, error) { return &root{env: &environment{}}, nil }

type rebaseCommand struct{ cmd *cobra.Command }

// zrok's rebase command: a method stored as the Run, its command unnamed.
func (c *rebaseCommand) run(_ *cobra.Command, args []string) {
	r, err := loadRoot()
	if err != nil {
		return
	}
	env := r.Environment()
	if args[0] != env.AccountToken {
		fmt.Println("this replaces your account token")
	}
}

func fromOSArgs(env *environment) bool {
	token := os.Args[1]
	return token == env.AccountToken
}

func namedCmd(cmd *cobra.Command, args []string, env *environment) bool {
	return args[0] == env.AccountToken // want `compared with ==`
}

func fromFlagArg(env *environment) bool {
	return flag.Arg(0) == env.AccountToken
}

// --- still reported ---

func handler(w http.ResponseWriter, r *http.Request, env *environment) {
	if r.Header.Get("X-Account-Token") != env.AccountToken { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// A []string parameter of a function that is no command.
func check(tokens []string, env *environment) bool {
	return tokens[0] == env.AccountToken // want `compared with ==`
}
