// Package mail sends e-mail over SMTP.
package mail

import (
	"fmt"
	"net/smtp"

	"go.uber.org/zap"
)

// Mailer sends mail.
type Mailer struct {
	Host     string
	User     string
	Password string
	Log      *zap.Logger
}

// Send sends one message.
func (m *Mailer) Send(to, subject, body string) error {
	auth := smtp.PlainAuth("", m.User, m.Password, m.Host)
	msg := []byte("To: " + to + "\r\nSubject: " + subject + "\r\n\r\n" + body)
	if err := smtp.SendMail(m.Host+":587", auth, m.User, []string{to}, msg); err != nil {
		m.Log.Warn("smtp send failed", zap.String("host", m.Host), zap.String("user", m.User), zap.Error(err)) // NEAR tokenlog t15
		return fmt.Errorf("smtp %s as %s: %w", m.Host, m.User, err)                                            // NEAR tokenlog t16
	}
	m.Log.Debug("mail sent", zap.String("to", to), zap.Any("mailer", m)) // WANT tokenlog T12
	return nil
}

// Relay is the internal relay used for bounces.
func Relay(log *zap.Logger) *Mailer {
	return &Mailer{Host: "mail-relay.notify.internal", User: "bounces", Password: "r3layP4ss!2024bounce", Log: log} // WANT hardcodedcred H06
}

// DevMailer talks to the MailHog container of docker-compose.
func DevMailer(log *zap.Logger) *Mailer {
	return &Mailer{Host: "localhost", User: "dev", Password: "dev", Log: log} // NEAR hardcodedcred h10
}

// SendVia sends through a one-off server with explicit credentials.
func SendVia(host, user, to string, msg []byte) error {
	auth := smtp.PlainAuth("", user, "hX9#mQ2$wL7pZ4vK", host) // WANT hardcodedcred H07
	return smtp.SendMail(host+":587", auth, user, []string{to}, msg)
}
