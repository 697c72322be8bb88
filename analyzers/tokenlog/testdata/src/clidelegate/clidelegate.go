// Package clidelegate holds commands whose body hands its work to a
// function of the package (a delegate), or is built by an adapter from a
// function of another signature. What the delegate prints to stdout is
// the command's output when every caller is a command's body; a
// function also called from other code, used as a value, or writing to
// a log or stderr is still reported.
package clidelegate

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

// Near miss: the Run literal delegates to genToken, which prints the
// token it mints; the flags it is given are strings.
func genTokenCmd() *cobra.Command {
	var user string
	var quiet bool
	return &cobra.Command{
		Use: "gentoken",
		Run: func(cmd *cobra.Command, args []string) {
			genToken(cmd, user, quiet)
		},
	}
}

func genToken(_ *cobra.Command, user string, quiet bool) {
	token, err := mint(user)
	if err != nil {
		fmt.Printf("error: %v\n", err)
		os.Exit(1)
	}
	if quiet {
		fmt.Print(token)
		return
	}
	fmt.Printf("JWT for %s:\n%s\n", user, token)
}

// Near miss: a delegate of a delegate (the RunE literal calls
// runCreate, which calls printCreated).
func createCmd() *cobra.Command {
	return &cobra.Command{
		Use: "create",
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCreate(args[0])
		},
	}
}

func runCreate(sub string) error {
	token, err := mint(sub)
	if err != nil {
		return err
	}
	printCreated(token)
	return nil
}

func printCreated(token string) {
	fmt.Println("created:", token)
}

// Near miss: an adapter turns a function of another signature into
// the command's RunE (caddy's WrapCommandFuncForCobra).
type flags map[string]string

func wrap(f func(flags) (int, error)) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		_, err := f(flags{})
		return err
	}
}

func cmdToken(fl flags) (int, error) {
	signed, err := mint(fl["sub"])
	if err != nil {
		return 1, err
	}
	fmt.Fprintln(os.Stdout, signed)
	return 0, nil
}

func wrappedCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "token"}
	cmd.RunE = wrap(cmdToken)
	return cmd
}

// commandFunc is the adapter's named function type (caddy's
// CommandFunc).
type commandFunc func(flags) (int, error)

func wrapNamed(f commandFunc) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		_, err := f(flags{})
		return err
	}
}

// Near miss: the wrapped body of a command built and registered in an
// init function (caddy's RegisterCommand(Command{CobraFunc: ...})),
// passed to the adapter as its named function type.
func cmdInitToken(fl flags) (int, error) {
	signed, err := mint(fl["sub"])
	if err != nil {
		return 1, err
	}
	fmt.Println(signed)
	return 0, nil
}

var registered2 []func(*cobra.Command)

func init() {
	registered2 = append(registered2, func(cmd *cobra.Command) {
		cmd.RunE = wrapNamed(cmdInitToken)
	})
}

// Near miss: a urfave/cli Action literal delegating to a function.
func issueApp() *cli.App {
	return &cli.App{
		Action: func(c *cli.Context) error {
			return issue(c.String("sub"))
		},
	}
}

func issue(sub string) error {
	token, err := mint(sub)
	if err != nil {
		return err
	}
	fmt.Println(token)
	return nil
}

// Near miss: a named RunE delegating to a function.
func runRotate(cmd *cobra.Command, args []string) error {
	return rotateAndShow(args[0])
}

func rotateAndShow(sub string) error {
	token, err := mint(sub)
	if err != nil {
		return err
	}
	fmt.Printf("new token: %s\n", token)
	return nil
}

var rotateCmd = &cobra.Command{Use: "rotate", RunE: runRotate}

// Near miss: one delegate shared by two commands.
func printFresh(sub string) {
	token, _ := mint(sub)
	fmt.Println(token)
}

func freshCmds() []*cobra.Command {
	return []*cobra.Command{
		{Use: "fresh-a", Run: func(cmd *cobra.Command, args []string) { printFresh("a") }},
		{Use: "fresh-b", RunE: func(cmd *cobra.Command, args []string) error { printFresh("b"); return nil }},
	}
}

// Near miss: a delegate whose token comes back from a helper it calls.
func exportCmd() *cobra.Command {
	return &cobra.Command{
		Use: "export",
		Run: func(cmd *cobra.Command, args []string) { export(args[0]) },
	}
}

func export(sub string) {
	token, _ := mint(sub)
	fmt.Fprintf(os.Stdout, "export TOKEN=%s\n", token)
}

// Positive: a delegate that the package also calls from a handler: its
// prints are not only a command's output.
func showToken(user string) {
	token, _ := mint(user)
	fmt.Println(token) // want `reaches fmt.Println`
}

func showCmd() *cobra.Command {
	return &cobra.Command{
		Use: "show",
		Run: func(cmd *cobra.Command, args []string) { showToken(args[0]) },
	}
}

func handler(w http.ResponseWriter, r *http.Request) {
	showToken(r.URL.Query().Get("user"))
}

// Positive: a delegate called only from a PreRun hook, not a body.
func hookToken() {
	token, _ := mint("hook")
	fmt.Println(token) // want `reaches fmt.Println`
}

func hookCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "hook",
		PreRun: func(cmd *cobra.Command, args []string) { hookToken() },
		Run:    func(cmd *cobra.Command, args []string) {},
	}
}

// Positive: a delegate that logs the token: logs are kept.
func logToken() {
	token, _ := mint("log")
	log.Println(token) // want `reaches log.Println`
}

// Positive: a delegate writing the token to stderr.
func stderrToken() {
	token, _ := mint("stderr")
	fmt.Fprintln(os.Stderr, token) // want `reaches fmt.Fprintln to os.Stderr`
}

func logCmd() *cobra.Command {
	return &cobra.Command{
		Use: "log",
		Run: func(cmd *cobra.Command, args []string) {
			logToken()
			stderrToken()
		},
	}
}

// Positive: a function used as a value (kept in a table and called
// from anywhere), not only called by a command.
func tableToken() {
	token, _ := mint("table")
	fmt.Println(token) // want `reaches fmt.Println`
}

var printers = []func(){tableToken}

func tableCmd() *cobra.Command {
	return &cobra.Command{
		Use: "table",
		Run: func(cmd *cobra.Command, args []string) { tableToken() },
	}
}

// Positive: a delegate that also serves: a server's stdout is its log.
func serveToken() {
	token, _ := mint("serve")
	fmt.Println(token) // want `reaches fmt.Println`
	_ = http.ListenAndServe(":8080", nil)
}

func serveCmd() *cobra.Command {
	return &cobra.Command{
		Use: "serve",
		Run: func(cmd *cobra.Command, args []string) { serveToken() },
	}
}

// Positive: a function handed to a call whose result is not stored in
// a command's body field.
func registered(fl flags) (int, error) {
	signed, _ := mint("reg")
	fmt.Println(signed) // want `reaches fmt.Println`
	return 0, nil
}

var registry = map[string]func(*cobra.Command, []string) error{"reg": wrap(registered)}

// Positive: no command at all calls it.
func orphanToken() {
	token, _ := mint("orphan")
	fmt.Println(token) // want `reaches fmt.Println`
}

var _ = orphanToken
