// Package constconv: package variables named like a credential whose
// value is a conversion of a constant ([]byte("Authorization"),
// []byte(hdrconst.HeaderAuthorization)) hold that constant and nothing
// else: a header name, not a credential. Beside them, variables of the
// same shape converted from values known only at run time.
package constconv

import (
	"fmt"
	"log"
	"os"

	"hdrconst"
)

var (
	headerAuthorization      = []byte(hdrconst.HeaderAuthorization)
	headerProxyAuthorization = []byte("Proxy-Authorization")
	authorizationName        = string(hdrconst.HeaderAuthorization)

	// Converted from values read at start-up: credentials.
	apiToken      = []byte(os.Getenv("API_TOKEN"))
	signingSecret = []byte(loadSecret())
)

func loadSecret() string { return os.Getenv("SIGNING_SECRET") }

func parse(header []byte, value []byte) error {
	if len(value) == 0 {
		return fmt.Errorf("header %s expected", header) // silent: header is a header name
	}
	return nil
}

func check(proxy bool, value []byte) error {
	header := headerAuthorization
	if proxy {
		header = headerProxyAuthorization
	}
	if err := parse(header, value); err != nil {
		return fmt.Errorf("failed to validate %s header: %w", header, err) // silent: a header name
	}
	log.Printf("using header %s", authorizationName) // silent: a header name
	return nil
}

func leak() {
	log.Printf("token %s", apiToken)       // want `token`
	log.Printf("secret %s", signingSecret) // want `secret`
}
