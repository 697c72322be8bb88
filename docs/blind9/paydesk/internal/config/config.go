// Package config reads paydesk's settings from the environment.
package config

import (
	"errors"
	"os"
)

type Config struct {
	Listen         string
	PSPBaseURL     string
	PSPSecretKey   string
	PSPWebhookKey  string
	ReportsBaseURL string
	ReportsAPIKey  string
	JWTKey         []byte
	LinkKey        []byte
	PublishableKey string
}

// sandboxSecretKey is what the docs tell new developers to replace.
const sandboxSecretKey = "psk_test_xxxxxxxxxxxxxxxxxxxxxxxx" // NEAR hardcodedcred h06

func Load() (*Config, error) {
	c := &Config{
		Listen:         ":8443",
		PSPBaseURL:     os.Getenv("PAYSTREAM_API_URL"),
		PSPSecretKey:   os.Getenv("PAYSTREAM_SECRET_KEY"),
		PSPWebhookKey:  os.Getenv("PAYSTREAM_WEBHOOK_SECRET"),
		ReportsBaseURL: os.Getenv("PAYSTREAM_REPORTS_URL"),
		ReportsAPIKey:  os.Getenv("PAYSTREAM_REPORTS_KEY"),
		JWTKey:         []byte(os.Getenv("PAYDESK_JWT_KEY")),
		LinkKey:        []byte(os.Getenv("PAYDESK_LINK_KEY")),
		// Publishable keys are embedded in the checkout page by design.
		PublishableKey: "ppk_live_51NcR8wKd93hfTq0aVbXz2Lm", // NEAR hardcodedcred h07
	}
	if c.PSPBaseURL == "" {
		c.PSPBaseURL = "https://api.paystream.com"
	}
	if c.ReportsBaseURL == "" {
		c.ReportsBaseURL = "http://reports.paystream.com" // WANT plainhttp P04
	}
	if os.Getenv("PAYDESK_ENV") == "dev" {
		c.PSPBaseURL = "http://paystream-mock:12111" // NEAR plainhttp p05
		if c.PSPSecretKey == "" {
			c.PSPSecretKey = sandboxSecretKey
		}
	}
	if c.ReportsAPIKey == "" {
		// The reporting API still has one key per platform; this is ours.
		c.ReportsAPIKey = "rpt_9fK2xQ7mZ4vB8nL1cW6dT3hY" // WANT hardcodedcred H03
	}
	if len(c.JWTKey) < 32 || len(c.LinkKey) < 32 {
		return nil, errors.New("PAYDESK_JWT_KEY and PAYDESK_LINK_KEY must be at least 32 bytes")
	}
	return c, nil
}
