package cliregistered

import (
	"context"
	"fmt"
	"log"

	"github.com/peterbourgon/ff/v3/ffcli"
)

// Near miss: ffcli's Exec is the command's body.
func tokenCommand() *ffcli.Command {
	return &ffcli.Command{
		Name: "token",
		Exec: func(ctx context.Context, args []string) error {
			fmt.Println(retrieve().SessionToken)
			return nil
		},
	}
}

// A log in the body is still a log.
func debugCommand() *ffcli.Command {
	return &ffcli.Command{
		Name: "debug",
		Exec: func(ctx context.Context, args []string) error {
			log.Println(retrieve().SessionToken) // want `token from environment variable AWS_SESSION_TOKEN returned by retrieve reaches log.Println`
			return nil
		},
	}
}

var _, _ = tokenCommand, debugCommand
