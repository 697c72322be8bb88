// Package redacted: results a helper redacts for a constant argument
// (redactarg.go), and package variables holding identifiers built from
// constants and non-credential prefixes (syntax.go constantVars).
package redacted

import (
	"fmt"
	"log"
	"os"
)

type Config struct {
	TablesPrefix string
	Username     string
	Password     string
}

var config Config

// connString redacts the password when asked (sftpgo's
// getMySQLConnectionString shape).
func connString(redactedPwd bool) string {
	password := config.Password
	if redactedPwd && password != "" {
		password = "[redacted]"
	}
	return fmt.Sprintf("%s:%s@tcp(db)/app", config.Username, password)
}

// dsn keeps the password when plain is set.
func dsn(plain bool) string {
	password := config.Password
	if !plain {
		password = "[redacted]"
	}
	return "app:" + password + "@db"
}

// connStringDebug takes a flag that selects nothing about the password.
func connStringDebug(verbose bool) string {
	password := config.Password
	if verbose {
		fmt.Fprintln(os.Stderr, "building connection string")
	}
	return "app:" + password + "@db"
}

// connStringUser redacts under a test of another field: an empty user
// name keeps the password.
func connStringUser(redactedPwd bool) string {
	password := config.Password
	if redactedPwd && config.Username != "" {
		password = "[redacted]"
	}
	return "app:" + password + "@db"
}

func logConn(flag bool) {
	log.Printf("connecting to %s", connString(true))
	log.Printf("connecting to %s", dsn(false))
	log.Printf("connecting to %s", connString(false))     // want `password in field Password returned by connString reaches log.Printf`
	log.Printf("connecting to %s", dsn(true))             // want `password in field Password returned by dsn reaches log.Printf`
	log.Printf("connecting to %s", connStringDebug(true)) // want `password in field Password returned by connStringDebug reaches log.Printf`
	log.Printf("connecting to %s", connString(flag))      // want `password in field Password returned by connString reaches log.Printf`
	log.Printf("connecting to %s", connStringUser(true))  // want `password in field Password returned by connStringUser reaches log.Printf`
}

// Table names built from constants and a configured prefix (sftpgo's
// sqlTableAPIKeys) are identifiers; the near misses take a credential,
// a call or nothing at all in the package.
var (
	tableAPIKeys       string
	tableSessionTokens string
	tableSecrets       string
	defaultAPIKey      string
	prefixedToken      string
	linkedSecret       string
)

func initTables() {
	tableAPIKeys = "api_keys"
	tableAPIKeys = config.TablesPrefix + tableAPIKeys
	tableSessionTokens = config.TablesPrefix + "session_tokens"
	tableSecrets = "secrets"
	tableSecrets += "_v2"
	defaultAPIKey = config.Password
	prefixedToken = "t_"
	prefixedToken = os.Getenv("TOKEN_PREFIX") + prefixedToken
}

func logTables() {
	log.Printf("api keys table %q", tableAPIKeys)
	log.Printf("sessions table %q", tableSessionTokens)
	log.Printf("secrets table %q", tableSecrets)
	log.Printf("default key %q", defaultAPIKey) // want `API key in package variable defaultAPIKey reaches log.Printf`
	log.Printf("token %q", prefixedToken)       // want `token in package variable prefixedToken reaches log.Printf`
	log.Printf("secret %q", linkedSecret)       // want `secret in package variable linkedSecret reaches log.Printf`
}
