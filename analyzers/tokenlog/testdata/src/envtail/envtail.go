// Package envtail logs values read from environment variables. A name
// that contains a credential word but ends in a word naming another kind
// of value (a host, an address, a file, a timeout) holds no credential:
// SECRET_MANAGER_EMULATOR_HOST is where the secret manager runs.
package envtail

import (
	"log"
	"os"
)

func connect() {
	// Near misses: about a credential service, holding none.
	if host := os.Getenv("SECRET_MANAGER_EMULATOR_HOST"); host != "" {
		log.Printf("connecting to the secret manager emulator at %s", host)
	}
	log.Printf("token server at %s", os.Getenv("TOKEN_SERVER_ADDR"))
	log.Printf("reading the vault token from %s", os.Getenv("VAULT_TOKEN_FILE"))
	log.Printf("password reset links expire after %s", os.Getenv("PASSWORD_RESET_TIMEOUT"))

	// Positives: the credential itself.
	log.Printf("vault token %s", os.Getenv("VAULT_TOKEN"))              // want `token from environment variable VAULT_TOKEN reaches log.Printf`
	log.Printf("secret key base %s", os.Getenv("SECRET_KEY_BASE"))      // want `secret from environment variable SECRET_KEY_BASE reaches log.Printf`
	log.Printf("aws secret %s", os.Getenv("AWS_SECRET_ACCESS_KEY"))     // want `API key from environment variable AWS_SECRET_ACCESS_KEY reaches log.Printf`
	log.Printf("second smtp password %s", os.Getenv("SMTP_PASSWORD_2")) // want `secret from environment variable SMTP_PASSWORD_2 reaches log.Printf`
}
