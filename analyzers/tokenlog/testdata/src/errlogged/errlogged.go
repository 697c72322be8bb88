// Package errlogged builds errors from credentials. An error the same
// function logs, directly or after collecting it with others it ranges
// over (sops's audit setup), takes the credential to the log; one it
// returns is judged where it is built.
package errlogged

import (
	"fmt"
	"log"
	"os"
)

type pgConf struct {
	ConnStr string
	Name    string
}

type config struct {
	Backends []pgConf
}

func connect(dsn string) error { return nil }

// The collected errors are logged one by one.
func setup(conf config) {
	var errs []error
	for _, pg := range conf.Backends {
		if err := connect(pg.ConnStr); err != nil {
			errs = append(errs, fmt.Errorf("connectStr: %s, err: %w", pg.ConnStr, err)) // want `database connection string \(and any password in it\) in field ConnStr is put in an error message by fmt.Errorf`
		}
	}
	if len(errs) > 0 {
		for _, err := range errs {
			log.Println(err) // want `database connection string \(and any password in it\) in field ConnStr reaches log.Println`
		}
		log.Fatal("audit backends failed")
	}
}

// Logged at once.
func check() {
	key := os.Getenv("API_KEY")
	err := fmt.Errorf("key %s rejected", key) // want `API key from environment variable API_KEY is put in an error message by fmt.Errorf`
	log.Printf("check: %v", err)              // want `API key from environment variable API_KEY reaches log.Printf`
}

// Near miss: returned, not logged here.
func open() error {
	key := os.Getenv("API_KEY")
	return fmt.Errorf("key %s rejected", key) // want `API key from environment variable API_KEY is put in an error message by fmt.Errorf`
}

// Near miss: an error without a credential, logged.
func named(conf config) {
	var errs []error
	for _, pg := range conf.Backends {
		errs = append(errs, fmt.Errorf("backend %s failed", pg.Name))
	}
	for _, err := range errs {
		log.Println(err)
	}
}

// Near miss: the error handed to a function value, which no table
// names (and which must not stop the analysis).
func viaValue(logf func(string, ...any)) {
	key := os.Getenv("API_KEY")
	err := fmt.Errorf("key %s rejected", key) // want `API key from environment variable API_KEY is put in an error message by fmt.Errorf`
	logf("check: %v", err)
}
