// Package cliregistered registers its commands' bodies with kingpin's
// Action method (aws-vault's `export`, `login`): what a body, or a
// delegate only bodies call, prints to stdout is the command's output.
// A hook (PreAction), a log, and a helper other code also calls are
// still reported.
package cliregistered

import (
	"fmt"
	"log"
	"os"

	"github.com/alecthomas/kingpin/v2"
)

// Creds are credentials the tool hands its user.
type Creds struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string
}

func retrieve() Creds {
	return Creds{SecretAccessKey: os.Getenv("AWS_SECRET_ACCESS_KEY"), SessionToken: os.Getenv("AWS_SESSION_TOKEN")}
}

type exportInput struct{ format string }

// Near miss: the Action literal calls an exported delegate that prints
// the credentials in the format asked for, through a helper of its own.
func ConfigureExport(app *kingpin.Application) {
	input := exportInput{}
	cmd := app.Command("export", "Export credentials")
	cmd.Flag("format", "").StringVar(&input.format)
	cmd.Action(func(c *kingpin.ParseContext) error {
		return Export(input)
	})
}

// Export prints the credentials.
func Export(input exportInput) error {
	creds := retrieve()
	if input.format == "env" {
		printEnv(creds)
		return nil
	}
	fmt.Printf("[default]\naws_session_token=%s\n", creds.SessionToken)
	return nil
}

func printEnv(creds Creds) {
	fmt.Printf("AWS_SECRET_ACCESS_KEY=%s\n", creds.SecretAccessKey)
}

// Near miss: a named function passed to Action is the command's body.
func ConfigureToken(app *kingpin.Application) {
	app.Command("token", "Print a session token").Action(printToken)
}

func printToken(*kingpin.ParseContext) error {
	fmt.Println(retrieve().SessionToken)
	return nil
}

// Near miss: a method value passed to Action.
type tool struct{}

func (t *tool) show(*kingpin.ParseContext) error {
	fmt.Println(retrieve().SecretAccessKey)
	return nil
}

func ConfigureShow(app *kingpin.Application, t *tool) {
	app.Command("show", "").Action(t.show)
}

// A hook is not the command's output: it runs before every command.
func ConfigureHook(app *kingpin.Application) {
	cmd := app.Command("exec", "")
	cmd.PreAction(func(c *kingpin.ParseContext) error {
		fmt.Println("using", retrieve().SessionToken) // want `token from environment variable AWS_SESSION_TOKEN returned by retrieve reaches fmt.Println`
		return nil
	})
}

// A log in a command body is still a log.
func ConfigureDebug(app *kingpin.Application) {
	app.Command("debug", "").Action(func(c *kingpin.ParseContext) error {
		log.Printf("secret %s", retrieve().SecretAccessKey) // want `API key from environment variable AWS_SECRET_ACCESS_KEY returned by retrieve reaches log.Printf`
		return nil
	})
}

// A helper a server also calls is not only a command's output.
func ConfigureDump(app *kingpin.Application) {
	app.Command("dump", "").Action(func(c *kingpin.ParseContext) error {
		dump()
		return nil
	})
}

func dump() {
	fmt.Printf("token=%s\n", retrieve().SessionToken) // want `token from environment variable AWS_SESSION_TOKEN returned by retrieve reaches fmt.Printf`
}

func serveDebug() {
	dump()
}

var _ = serveDebug
