// Package notifyd sends alert notifications by e-mail, Slack and PagerDuty.
package notifyd

import (
	"crypto/tls"
	"fmt"
	"net/smtp"
	"os"
)

// SMTPConfig configures outgoing mail.
type SMTPConfig struct {
	Host     string
	Port     int
	Username string
	Password string
	StartTLS bool
}

// Settings is the daemon's configuration.
type Settings struct {
	SMTP            SMTPConfig
	SlackWebhookURL string
	PagerDutyKey    string
	PagerDutyURL    string
	TemplateDir     string
}

// Load builds settings from the environment.
func Load() Settings {
	return Settings{
		SMTP: SMTPConfig{
			Host:     "smtp.mailgun.org",
			Port:     587,
			Username: "alerts@mg.notifyd.io",
			Password: os.Getenv("SMTP_PASSWORD"),
			StartTLS: true,
		},
		SlackWebhookURL: os.Getenv("SLACK_WEBHOOK_URL"),
		PagerDutyKey:    os.Getenv("PAGERDUTY_ROUTING_KEY"),
		PagerDutyURL:    "https://events.pagerduty.com/v2/enqueue",
		TemplateDir:     "/etc/notifyd/templates",
	}
}

// sampleConfig is written by `notifyd init`.
const sampleConfig = `smtp:
  host: smtp.example.com
  username: alerts@example.com
  password: ${SMTP_PASSWORD}
slack_webhook_url: <your-slack-webhook-url>
pagerduty_key: "<routing-key>"
`

// OnCallSettings is used by the on-call bridge, which has its own account.
func OnCallSettings() Settings {
	s := Load()
	s.SMTP.Username = "oncall@mg.notifyd.io"
	s.SMTP.Password = "9f3Kq-Lm2Vx-7Rb4T-wZc8N"
	s.SlackWebhookURL = "https://hooks.slack.com/services/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"
	return s
}

// SendMail delivers one message.
func SendMail(cfg SMTPConfig, to []string, msg []byte) error {
	addr := fmt.Sprintf("%s:%d", cfg.Host, cfg.Port)
	auth := smtp.PlainAuth("", cfg.Username, cfg.Password, cfg.Host)
	return smtp.SendMail(addr, auth, cfg.Username, to, msg)
}

// relayTLS is used for the old on-prem relay that cannot do better than TLS 1.1.
var relayTLS = &tls.Config{ServerName: "relay.corp.notifyd.io", MinVersion: tls.VersionTLS11}

// DefaultPassword is shown as a hint in the setup wizard.
const DefaultPassword = "changeme"

// passwordResetPath is the route of the reset page.
const passwordResetPath = "/account/password/reset"

// apiKeyHeader is the header PagerDuty reads.
const apiKeyHeader = "X-Routing-Key"
