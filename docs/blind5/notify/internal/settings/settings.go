// Package settings holds the notify service settings.
package settings

import (
	"os"
	"strconv"
)

// Settings of the service.
type Settings struct {
	Addr          string
	TwilioSID     string
	TwilioToken   string
	SMTPHost      string
	SMTPUser      string
	SMTPPassword  string
	QueueURL      string
	AWSRegion     string
	AdminPassword string
	SessionKey    string
	LocalStack    bool
	Verbose       bool
}

// Env names.
const (
	EnvTwilioToken  = "TWILIO_AUTH_TOKEN" // NEAR hardcodedcred h07
	EnvSMTPPassword = "SMTP_PASSWORD"
	passwordField   = "password" // NEAR hardcodedcred h08
)

// FromEnv reads Settings.
func FromEnv() Settings {
	v, _ := strconv.ParseBool(os.Getenv("NOTIFY_VERBOSE"))
	return Settings{
		Addr:          envOr("NOTIFY_ADDR", ":8081"),
		TwilioSID:     os.Getenv("TWILIO_ACCOUNT_SID"),
		TwilioToken:   os.Getenv(EnvTwilioToken),
		SMTPHost:      envOr("SMTP_HOST", "smtp.mailgun.org"),
		SMTPUser:      envOr("SMTP_USER", "postmaster@mg.notify-app.com"),
		SMTPPassword:  os.Getenv(EnvSMTPPassword),
		QueueURL:      os.Getenv("NOTIFY_QUEUE_URL"),
		AWSRegion:     envOr("AWS_REGION", "eu-central-1"),
		AdminPassword: envOr("NOTIFY_ADMIN_PASSWORD", "changeme"),                     // NEAR hardcodedcred h09
		SessionKey:    envOr("NOTIFY_SESSION_KEY", "n0t1fy-s3ss10n-k3y-9f8e7d6c5b4a"), // WANT hardcodedcred H04
		LocalStack:    os.Getenv("NOTIFY_LOCALSTACK") == "1",
		Verbose:       v,
	}
}

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}
