// Package config holds pingwire's settings.
package config

import "os"

// OpsPasswordHash is the bcrypt hash of the break-glass operator password (the password
// itself is in the vault).
const OpsPasswordHash = "$2a$12$Kx9vQ2mL7rT4wZ8bN1cH6eJ3fY5gP0sA.uD7iO4kR2tM9xV6zB1nC" // NEAR hardcodedcred h08

type Config struct {
	Addr string

	IdPIssuer   string
	IdPJWKSFile string
	TicketKey   string

	PushURL       string
	PushServerKey string

	SMSBaseURL  string
	SMSAccount  string
	SMSPassword string
}

func Load() Config {
	c := Config{
		Addr:          env("PINGWIRE_ADDR", ":8080"),
		IdPIssuer:     env("PINGWIRE_IDP_ISSUER", "https://sso.pingwire.chat"),
		IdPJWKSFile:   env("PINGWIRE_IDP_JWKS", "/etc/pingwire/idp-jwks.json"),
		TicketKey:     os.Getenv("PINGWIRE_TICKET_KEY"),
		PushURL:       env("PINGWIRE_PUSH_URL", "http://fcm.pushrelay.net/v1/send"), // WANT plainhttp P06
		PushServerKey: os.Getenv("PINGWIRE_PUSH_SERVER_KEY"),
		SMSBaseURL:    env("PINGWIRE_SMS_URL", "https://api.textbridge.io/2020-01"),
		SMSAccount:    env("PINGWIRE_SMS_ACCOUNT", "pingwire-prod"),
		SMSPassword:   env("PINGWIRE_SMS_PASSWORD", "Tb9x!Lq2Vz7mRk4W#c8N"), // WANT hardcodedcred H06
	}
	if os.Getenv("PINGWIRE_DEV") == "1" {
		c.SMSBaseURL = "http://localhost:4010" // NEAR plainhttp p08
	}
	return c
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
