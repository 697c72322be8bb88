// Package cliout holds command-line commands whose output is the
// credential they create: a token generator prints the token to stdout
// because that is what the user asked for. The same value written to a
// log, to stderr, or printed by code that is not a command's body is
// still a leak.
package cliout

import (
	"fmt"
	"log"
	"os"

	"github.com/golang-jwt/jwt/v5"
	"github.com/spf13/cobra"
	"github.com/urfave/cli/v2"
)

var signingKey = os.Getenv("SIGNING_KEY")

func mint(sub string) (string, error) {
	return jwt.NewWithClaims("HS256", map[string]any{"sub": sub}).SignedString([]byte(signingKey))
}

// Near miss: a cobra command prints the token it signs.
func createCmd() *cobra.Command {
	return &cobra.Command{
		Use: "create",
		Run: func(cmd *cobra.Command, args []string) {
			signed, err := jwt.NewWithClaims("HS256", map[string]any{"sub": args[0]}).SignedString([]byte(signingKey))
			if err != nil {
				log.Fatal(err)
			}
			fmt.Println(signed)
		},
	}
}

// Near miss: the same through RunE, a captured variable and Printf.
func tokenCmd(pretty bool) *cobra.Command {
	return &cobra.Command{
		Use: "token",
		RunE: func(cmd *cobra.Command, args []string) error {
			token, err := mint(args[0])
			if err != nil {
				return err
			}
			if pretty {
				fmt.Printf("Token: %s\n", token)
				return nil
			}
			fmt.Fprintln(os.Stdout, token)
			return nil
		},
	}
}

// Near miss: an urfave/cli action prints the token it signs.
func genCommand() *cli.Command {
	return &cli.Command{
		Name: "gen",
		Action: func(c *cli.Context) error {
			signed, err := jwt.NewWithClaims("HS256", map[string]any{"sub": c.String("sub")}).SignedString([]byte(signingKey))
			if err != nil {
				return err
			}
			fmt.Println(signed)
			return nil
		},
	}
}

// Positive: a command that logs the token: logs are kept and shipped.
func logCmd() *cobra.Command {
	return &cobra.Command{
		Use: "log",
		Run: func(cmd *cobra.Command, args []string) {
			signed, _ := mint(args[0])
			log.Printf("issued %s", signed) // want `reaches log.Printf`
		},
	}
}

// Positive: a command that writes the token to stderr, where
// diagnostics go and are collected.
func stderrCmd() *cobra.Command {
	return &cobra.Command{
		Use: "stderr",
		Run: func(cmd *cobra.Command, args []string) {
			signed, _ := mint(args[0])
			fmt.Fprintln(os.Stderr, signed) // want `reaches fmt.Fprintln to os.Stderr`
		},
	}
}

// Positive: a function literal that is no command's body.
func serve() {
	handler := func(sub string) {
		signed, _ := mint(sub)
		fmt.Println(signed) // want `reaches fmt.Println`
	}
	handler("x")
}

// Positive: a command's PreRun hook is not its output.
func preCmd() *cobra.Command {
	return &cobra.Command{
		Use: "pre",
		PreRun: func(cmd *cobra.Command, args []string) {
			signed, _ := mint(args[0])
			fmt.Println(signed) // want `reaches fmt.Println`
		},
	}
}

// Config is a configuration with a credential field.
type Config struct {
	Host     string
	Password string
}

func loadConfig() Config { return Config{Host: "db", Password: os.Getenv("DB_PASSWORD")} }

// Near miss: a `config show` command prints the configuration it was
// asked to show.
func showCmd() *cobra.Command {
	return &cobra.Command{
		Use: "show",
		Run: func(cmd *cobra.Command, args []string) {
			cfg := loadConfig()
			fmt.Printf("%+v\n", cfg)
		},
	}
}

// Positive: the same configuration logged by a command.
func showLogCmd() *cobra.Command {
	return &cobra.Command{
		Use: "showlog",
		Run: func(cmd *cobra.Command, args []string) {
			cfg := loadConfig()
			log.Printf("%+v", cfg) // want `reaches log.Printf`
		},
	}
}

// Near miss: a named function is the urfave/cli action that generates
// a key and prints it.
func generateKey(c *cli.Context) error {
	token, err := mint(c.String("sub"))
	if err != nil {
		return err
	}
	fmt.Printf("key: %s\n", token)
	return nil
}

// Near miss: a named function is a cobra command's RunE.
func runIssue(cmd *cobra.Command, args []string) error {
	token, err := mint(args[0])
	if err != nil {
		return err
	}
	fmt.Println(token)
	return nil
}

// Positive: a named function that is a command's PreRun hook.
func preIssue(cmd *cobra.Command, args []string) {
	token, _ := mint(args[0])
	fmt.Println(token) // want `reaches fmt.Println`
}

// Positive: a named function called by a server, no command's body.
func printIssued(sub string) {
	token, _ := mint(sub)
	fmt.Println(token) // want `reaches fmt.Println`
}

// Positive: a named command body that logs the key.
func logKey(c *cli.Context) error {
	token, _ := mint(c.String("sub"))
	log.Printf("key %s", token) // want `reaches log.Printf`
	return nil
}

func namedCommands() (*cli.App, *cobra.Command) {
	printIssued("x")
	app := &cli.App{Commands: []*cli.Command{
		{Name: "gen-key", Action: generateKey},
		{Name: "log-key", Action: logKey},
	}}
	return app, &cobra.Command{Use: "issue", RunE: runIssue, PreRun: preIssue}
}

func randomString(n int) string { return fmt.Sprint(n) }

// Near miss: a named action prints the API key it generates, held in
// a variable named like a secret.
func generateAPIKey(c *cli.Context) error {
	secret := randomString(72)
	fmt.Printf("secret: %s\n", secret)
	return nil
}

var app *cli.App

// The command tree is built in the package's init function.
func init() {
	app = &cli.App{Commands: []*cli.Command{
		{Name: "generate", Subcommands: []*cli.Command{{Name: "key", Action: generateAPIKey}}},
	}}
}
