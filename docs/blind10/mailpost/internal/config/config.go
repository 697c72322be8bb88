// Package config reads mailpost's settings.
package config

import (
	"errors"
	"os"
)

// exampleRelayKey is what docs/self-hosting.md shows; it is replaced by the operator.
const exampleRelayKey = "key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" // NEAR hardcodedcred h05

// fallbackRelayKey sends password-reset mail through SendGrid when the primary relay is down.
const fallbackRelayKey = "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" // WANT hardcodedcred H04

type Config struct {
	Addr  string
	Debug bool

	SessionSecret []byte // dashboard sessions
	UnsubSecret   []byte // unsubscribe links
	InviteSecret  []byte // team invitations
	AdminKey      string // ops tooling

	RelayBaseURL    string
	RelayAPIKey     string
	RelayDomain     string
	RelayWebhookKey []byte
	FallbackKey     string
	DevInboxURL     string
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func Load() (Config, error) {
	c := Config{
		Addr:            env("MAILPOST_ADDR", ":8025"),
		Debug:           os.Getenv("MAILPOST_DEBUG") == "1",
		SessionSecret:   []byte(os.Getenv("MAILPOST_SESSION_SECRET")),
		UnsubSecret:     []byte(os.Getenv("MAILPOST_UNSUB_SECRET")),
		InviteSecret:    []byte(os.Getenv("MAILPOST_INVITE_SECRET")),
		AdminKey:        os.Getenv("MAILPOST_ADMIN_KEY"),
		RelayBaseURL:    env("RELAY_BASE_URL", "http://api.eu.mailforge-relay.com/v3"), // WANT plainhttp P04
		RelayAPIKey:     env("RELAY_API_KEY", exampleRelayKey),
		RelayDomain:     env("RELAY_DOMAIN", "mg.mailpost.io"),
		RelayWebhookKey: []byte(os.Getenv("RELAY_WEBHOOK_SIGNING_KEY")),
		FallbackKey:     env("SENDGRID_API_KEY", fallbackRelayKey),
		DevInboxURL:     env("DEV_INBOX_URL", "http://mailhog:8025/api/v2"), // NEAR plainhttp p05
	}
	if len(c.SessionSecret) < 32 || len(c.UnsubSecret) < 32 || len(c.InviteSecret) < 32 {
		return c, errors.New("MAILPOST_SESSION_SECRET, MAILPOST_UNSUB_SECRET and MAILPOST_INVITE_SECRET need 32 bytes each")
	}
	if c.AdminKey == "" {
		return c, errors.New("MAILPOST_ADMIN_KEY is not set")
	}
	return c, nil
}
