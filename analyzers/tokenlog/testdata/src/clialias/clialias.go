// Package clialias holds named command bodies that the package also
// calls. A body called only by other commands' bodies (an alias command
// reusing it, such as `enclave configs tokens create` running `configs
// tokens create`'s body) runs only as a command: what it prints to
// stdout is that command's output. A body also called from a handler, a
// hook or a plain function is a helper as well, and is still reported;
// so is a log, whoever calls it.
package clialias

import (
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/golang-jwt/jwt/v5"
	"github.com/spf13/cobra"
	"github.com/urfave/cli/v2"
)

var signingKey = os.Getenv("SIGNING_KEY")

func mint(sub string) (string, error) {
	return jwt.NewWithClaims("HS256", map[string]any{"sub": sub}).SignedString([]byte(signingKey))
}

// Near miss: the body of `tokens create`, also run by the alias command
// `enclave tokens create` from its Run literal.
func createTokens(cmd *cobra.Command, args []string) {
	token, _ := mint(args[0])
	fmt.Println(token)
}

var createCmd = &cobra.Command{Use: "create", Run: createTokens}

var enclaveCreateCmd = &cobra.Command{
	Use: "create",
	Run: func(cmd *cobra.Command, args []string) {
		createTokens(cmd, args)
	},
}

// Near miss: a named RunE called by another command's named Run, which
// nothing calls.
func rotate(cmd *cobra.Command, args []string) error {
	token, err := mint(args[0])
	if err != nil {
		return err
	}
	fmt.Printf("new token: %s\n", token)
	return nil
}

func rotateAlias(cmd *cobra.Command, args []string) {
	_ = rotate(cmd, args)
}

var rotateCmds = []*cobra.Command{
	{Use: "rotate", RunE: rotate},
	{Use: "roll", Run: rotateAlias},
}

// Near miss: a urfave/cli Action also run by an alias Action literal.
func issue(c *cli.Context) error {
	token, err := mint(c.String("sub"))
	if err != nil {
		return err
	}
	fmt.Fprintln(os.Stdout, token)
	return nil
}

var issueCmds = []*cli.Command{
	{Name: "issue", Action: issue},
	{Name: "mint", Action: func(c *cli.Context) error { return issue(c) }},
}

// Near miss: a named Run also run by a command held in a struct
// (RunE: o.run, a bound method).
func show(cmd *cobra.Command, args []string) {
	token, _ := mint(args[0])
	fmt.Println("token:", token)
}

type showOpts struct{ verbose bool }

func (o *showOpts) run(cmd *cobra.Command, args []string) error {
	show(cmd, args)
	return nil
}

func showCmds() []*cobra.Command {
	o := &showOpts{}
	return []*cobra.Command{
		{Use: "show", Run: show},
		{Use: "view", RunE: o.run},
	}
}

// Positive: a named Run the package also calls from an HTTP handler:
// there its stdout is a server's log.
func printToken(cmd *cobra.Command, args []string) {
	token, _ := mint(args[0])
	fmt.Println(token) // want `reaches fmt.Println`
}

var printCmd = &cobra.Command{Use: "print", Run: printToken}

func handler(w http.ResponseWriter, r *http.Request) {
	printToken(nil, []string{r.URL.Query().Get("sub")})
}

// Positive: a named Run also called from a command's hook, which is
// not the command's body.
func dump(cmd *cobra.Command, args []string) {
	token, _ := mint(args[0])
	fmt.Printf("%s\n", token) // want `reaches fmt.Printf`
}

var dumpCmd = &cobra.Command{
	Use: "dump",
	Run: dump,
	PreRun: func(cmd *cobra.Command, args []string) {
		dump(cmd, args)
	},
}

// Positive: a named Run also called from a plain function of the
// package.
func emit(cmd *cobra.Command, args []string) {
	token, _ := mint(args[0])
	fmt.Println(token) // want `reaches fmt.Println`
}

var emitCmd = &cobra.Command{Use: "emit", Run: emit}

func refresh(sub string) {
	emit(nil, []string{sub})
}

// Positive: a body run only by commands, that logs the token: a log is
// not a command's output.
func audit(cmd *cobra.Command, args []string) {
	token, _ := mint(args[0])
	log.Printf("issued %s", token) // want `reaches log.Printf`
}

var auditCmds = []*cobra.Command{
	{Use: "audit", Run: audit},
	{Use: "audit2", Run: func(cmd *cobra.Command, args []string) { audit(cmd, args) }},
}
