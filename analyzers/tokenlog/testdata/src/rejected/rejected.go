// Package rejected: a command-line value that a parse rejects, echoed in
// the error, is a duration or number whatever its name, also when the
// parser is a function of the package (found by its signature and
// body, not its name). A credential checked and echoed is still one.
package rejected

import (
	"flag"
	"fmt"
	"log"
	"strconv"
	"strings"
	"time"
)

var tokenTTL, apiKey, clientSecret, sessionToken string

// Expiry holds lifetimes, as a server's config file spells them.
type Expiry struct {
	IDTokens      string // want IDTokens:`tokenlog\(plain: parsed as a duration or number\)`
	RefreshTokens string // want RefreshTokens:`tokenlog\(plain: parsed as a duration or number\)`
	SigningKeys   string // want SigningKeys:`tokenlog\(plain: parsed as a duration or number\)`
}

var expiry Expiry

func init() {
	flag.StringVar(&tokenTTL, "token-ttl", "1h", "")
	flag.StringVar(&apiKey, "api-key", "", "")
	flag.StringVar(&clientSecret, "client-secret", "", "")
	flag.StringVar(&sessionToken, "session-token", "", "")
}

// parseDays parses "30d".
func parseDays(s string) (time.Duration, error) {
	n, err := strconv.Atoi(strings.TrimSuffix(s, "d"))
	return time.Duration(n) * 24 * time.Hour, err
}

// hours parses a number of hours.
func hours(v string) (int64, error) { return strconv.ParseInt(v, 10, 64) }

// userID derives a number from a part of a token: the token itself is
// not parsed as a number.
func userID(tok string) (int, error) {
	parts := strings.Split(tok, ".")
	return strconv.Atoi(parts[0])
}

// checkLen returns a number but parses nothing.
func checkLen(s string) (int, error) {
	if len(s) < 16 {
		return 0, fmt.Errorf("too short")
	}
	return len(s), nil
}

func validate() error {
	if _, err := time.ParseDuration(tokenTTL); err != nil {
		return fmt.Errorf("invalid --token-ttl %q: %w", tokenTTL, err) // silent: a duration
	}
	if _, err := parseDays(expiry.RefreshTokens); err != nil {
		return fmt.Errorf("invalid expiry.refreshTokens %q: %w", expiry.RefreshTokens, err) // silent: parsed as days by parseDays
	}
	if _, err := hours(expiry.SigningKeys); err != nil {
		log.Printf("invalid expiry.signingKeys %q", expiry.SigningKeys) // silent: parsed as a number by hours
	}
	if _, err := time.ParseDuration(expiry.IDTokens); err != nil {
		log.Printf("invalid expiry.idTokens %q", expiry.IDTokens) // silent: a duration
	}
	if _, err := userID(sessionToken); err != nil {
		return fmt.Errorf("bad session token %q", sessionToken) // want `token in package variable sessionToken is put in an error message by fmt.Errorf`
	}
	if _, err := checkLen(clientSecret); err != nil {
		return fmt.Errorf("invalid --client-secret %q: %w", clientSecret, err) // want `secret in package variable clientSecret is put in an error message by fmt.Errorf`
	}
	if len(apiKey) != 32 {
		log.Printf("invalid --api-key %q", apiKey) // want `API key in package variable apiKey reaches log.Printf`
	}
	return nil
}
