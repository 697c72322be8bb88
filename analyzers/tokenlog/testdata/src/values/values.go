// Package values: credential-shaped names whose values the program shows
// are something else (issue 15, class 1), each beside the same name
// holding a real credential.
package values

import (
	"fmt"
	"log"
	"log/slog"
	"os"
	"strconv"
	"time"
)

// Expiry holds rotation periods and lifetimes, written as durations.
type Expiry struct {
	SigningKeys   string // want SigningKeys:`tokenlog\(plain: a duration\)`
	IDTokens      string // want IDTokens:`tokenlog\(plain: parsed as a duration or number\)`
	RefreshTokens string
}

type Config struct {
	Expiry Expiry
	// SigningKey is a real key.
	SigningKey string
	// TokenFile is where the token is read from.
	TokenFile string
	// MaxTokens is a count written as text.
	MaxTokens string // want MaxTokens:`tokenlog\(plain: parsed as a duration or number\)`
}

// defaults sets a rotation period: a duration.
func defaults(c *Config) {
	if c.Expiry.SigningKeys == "" {
		c.Expiry.SigningKeys = "6h"
	}
}

func serve(c *Config, logger *slog.Logger) error {
	defaults(c)
	logger.Info("signer configured", "keys_rotation_period", c.Expiry.SigningKeys) // silent: assigned a duration
	d, err := time.ParseDuration(c.Expiry.IDTokens)
	if err != nil {
		return fmt.Errorf("invalid id token expiry %q: %v", c.Expiry.IDTokens, err) // silent: parsed as a duration
	}
	_ = d
	n, err := strconv.Atoi(c.MaxTokens)
	if err != nil {
		log.Printf("bad max tokens %q", c.MaxTokens) // silent: parsed as a number
	}
	_ = n
	raw, err := os.ReadFile(c.TokenFile)
	if err != nil {
		log.Printf("reading token file %s: %v", c.TokenFile, err) // silent: a file path
	}
	_ = raw
	logger.Info("refresh", "lifetime", c.Expiry.RefreshTokens) // want `secret|token`
	logger.Info("key", "signing_key", c.SigningKey)            // want `secret|key`
	return nil
}

const subjectConfirmationBearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer"

func saml() {
	bearerToken := subjectConfirmationBearer
	log.Printf("method %s", bearerToken) // silent: a URN
	keyPath := "/etc/dex/keys/signing.pem"
	log.Printf("loading %s", keyPath) // silent: a file path
}

// OAuthConfig chooses which of the provider's tokens to use by name
// (vouch-proxy's AzureToken): a token type name, not a token.
type OAuthConfig struct {
	AzureToken   string // want AzureToken:`tokenlog\(plain: a token type name\)`
	ClientSecret string
	Token        string
}

func oauthDefaults(c *OAuthConfig) {
	if c.AzureToken == "" {
		c.AzureToken = "access_token"
	}
	log.Printf("azure token kind %s", c.AzureToken) // silent: assigned a token type name
	log.Printf("secret %s", c.ClientSecret)         // want `client secret in field ClientSecret reaches log.Printf`
	c.Token = os.Getenv("OAUTH_TOKEN")
	log.Printf("token %s", c.Token) // want `token from environment variable OAUTH_TOKEN reaches log.Printf`
}

type providerConfig struct {
	AzureToken   string // want AzureToken:`tokenlog\(plain: a token type name\)`
	ClientSecret string
}

// A copy with its secret masked, whose other credential-named field
// holds a token type name, prints nothing secret; the original does.
func logProvider(c *providerConfig) {
	if c.AzureToken == "" {
		c.AzureToken = "id_token"
	}
	masked := *c
	masked.ClientSecret = "XXXXXXXX"
	log.Printf("provider %+v", masked) // silent: masked, and AzureToken names a token type
	log.Printf("provider %+v", *c)     // want `with credential field ClientSecret is printed whole`
}
