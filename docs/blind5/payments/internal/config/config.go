// Package config reads the payments service configuration from the environment.
package config

import (
	"fmt"
	"net/url"
	"os"
	"strings"
)

// Config is the service configuration.
type Config struct {
	Listen             string
	DatabaseURL        string
	PSPBaseURL         string
	PSPAPIKey          string
	WebhookSecret      string
	PayoutClientID     string
	PayoutClientSecret string
	Sandbox            bool
}

const (
	envDatabaseURL   = "PAYMENTS_DATABASE_URL"
	envPSPKey        = "PAYMENTS_PSP_API_KEY"    // NEAR hardcodedcred h01
	envWebhookSecret = "PAYMENTS_WEBHOOK_SECRET" // NEAR hardcodedcred h02
	envPayoutSecret  = "PAYMENTS_PAYOUT_CLIENT_SECRET"

	// local docker-compose database
	defaultDSN = "postgres://payments:payments@localhost:5432/payments?sslmode=disable" // NEAR hardcodedcred h03
)

// Load reads the configuration.
func Load() (*Config, error) {
	c := &Config{
		Listen:             getenv("PAYMENTS_LISTEN", ":8080"),
		DatabaseURL:        getenv(envDatabaseURL, defaultDSN),
		PSPBaseURL:         getenv("PAYMENTS_PSP_URL", "http://api.paygate.io/v2"), // WANT plainhttp P01
		PSPAPIKey:          os.Getenv(envPSPKey),
		WebhookSecret:      getenv(envWebhookSecret, "whsec_3f9a0c7e5b1d4f2a8c6e0b9d7f5a3c1e"), // WANT hardcodedcred H01
		PayoutClientID:     getenv("PAYMENTS_PAYOUT_CLIENT_ID", "payments-service"),            // NEAR hardcodedcred h04
		PayoutClientSecret: os.Getenv(envPayoutSecret),
		Sandbox:            os.Getenv("PAYMENTS_SANDBOX") == "1",
	}
	if c.PSPAPIKey == "" {
		return nil, fmt.Errorf("%s is required", envPSPKey) // NEAR tokenlog t01
	}
	if !strings.HasPrefix(c.PSPAPIKey, "sk_") {
		return nil, fmt.Errorf("PSP API key %q does not look like a secret key (want sk_...)", c.PSPAPIKey) // WANT tokenlog T01
	}
	if len(c.WebhookSecret) < 16 {
		return nil, fmt.Errorf("%s too short: %d characters", envWebhookSecret, len(c.WebhookSecret)) // NEAR tokenlog t02
	}
	return c, nil
}

// RedactedDSN is the database URL with its password replaced.
func (c *Config) RedactedDSN() string {
	u, err := url.Parse(c.DatabaseURL)
	if err != nil {
		return "invalid"
	}
	return u.Redacted()
}

func getenv(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}
