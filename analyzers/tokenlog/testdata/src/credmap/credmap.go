// Package credmap prints maps of settings whose credential entry the
// package reads by key.
package credmap

import (
	"fmt"
	"log"
)

// ExecuteRequest carries a job's settings, as a plugin receives them.
type ExecuteRequest struct {
	JobName string
	Config  map[string]string
	Labels  map[string]string
}

// Positive: the settings map is dumped before its password is read.
func execute(args *ExecuteRequest) error {
	log.Printf("config  %#v", args.Config) // want `map Config with credential entry "saslPassword" is printed whole by log.Printf`
	user := args.Config["saslUsername"]
	pass := args.Config["saslPassword"]
	return dial(user, pass)
}

func dial(user, pass string) error { return nil }

// Positive: another function reads the password from the same field.
func describe(args *ExecuteRequest) {
	fmt.Printf("running %s with %v\n", args.JobName, args.Config) // want `map Config with credential entry "saslPassword" is printed whole by fmt.Printf`
}

// Positive: a local map the function reads a token from.
func connect(settings map[string]string) {
	log.Printf("settings: %v", settings) // want `map settings with credential entry "token" is printed whole by log.Printf`
	_ = dial("bot", settings["token"])
}

// Near misses: a map nothing reads a credential from, and a lookup of
// another key.
func labels(args *ExecuteRequest) {
	log.Printf("labels: %v", args.Labels)
	log.Printf("topic: %s", args.Config["topic"])
}

func plain(opts map[string]string) {
	log.Printf("options: %v", opts)
	_ = opts["region"]
}
