package cliout

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log"
	"os"

	"github.com/spf13/cobra"
	cli3 "github.com/urfave/cli/v3"
)

// Commands whose body is a named function rather than a literal, and
// urfave/cli v3, whose Action field has the named type ActionFunc.

func newSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Near miss: a key generator stored by name as a v3 command's Action
// prints the key it made: that is the command's output.
func generateKeys(_ context.Context, _ *cli3.Command) error {
	apiSecret := newSecret()
	fmt.Println("API Secret: ", apiSecret)
	return nil
}

// Near miss: a token minted by a named cobra RunE.
func runToken(cmd *cobra.Command, args []string) error {
	token, err := mint(args[0])
	if err != nil {
		return err
	}
	fmt.Println("Token:", token)
	return nil
}

// Near miss: a v3 command's Action written as a literal, converted to
// ActionFunc.
func literalV3() *cli3.Command {
	return &cli3.Command{
		Name: "literal",
		Action: func(ctx context.Context, c *cli3.Command) error {
			token, _ := mint(c.String("sub"))
			fmt.Println(token)
			return nil
		},
	}
}

// Positive: a named Action that logs the secret: logs are kept.
func logKeys(_ context.Context, _ *cli3.Command) error {
	apiSecret := newSecret()
	log.Println("API Secret:", apiSecret) // want `reaches log.Println`
	return nil
}

// Positive: a named Action writing to stderr.
func stderrKeys(_ context.Context, _ *cli3.Command) error {
	apiSecret := newSecret()
	fmt.Fprintln(os.Stderr, apiSecret) // want `reaches fmt.Fprintln to os.Stderr`
	return nil
}

// Positive: a named function stored as a hook, not as the body.
func beforeHook(ctx context.Context, _ *cli3.Command) (context.Context, error) {
	apiSecret := newSecret()
	fmt.Println(apiSecret) // want `reaches fmt.Println`
	return ctx, nil
}

// Positive: a named Action that the package also calls as a helper:
// its prints are not only the command's output.
func rotate(_ context.Context, _ *cli3.Command) error {
	apiSecret := newSecret()
	fmt.Println(apiSecret) // want `reaches fmt.Println`
	return nil
}

// Positive: a function of the same shape that no command stores.
func orphan(_ context.Context, _ *cli3.Command) error {
	apiSecret := newSecret()
	fmt.Println(apiSecret) // want `reaches fmt.Println`
	return nil
}

var rootCmd = &cobra.Command{Use: "token", RunE: runToken}

func appV3() *cli3.Command {
	_ = rotate(context.Background(), nil)
	_ = orphan
	return &cli3.Command{
		Name:   "server",
		Before: beforeHook,
		Commands: []*cli3.Command{
			{Name: "generate-keys", Action: generateKeys},
			{Name: "log-keys", Action: logKeys},
			{Name: "stderr-keys", Action: stderrKeys},
			{Name: "rotate", Action: rotate},
			literalV3(),
		},
	}
}
