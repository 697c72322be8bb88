// Package mailer sends mail through an SMTP relay and SMS through a gateway.
package mailer

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/smtp"
	"strings"

	"github.com/sirupsen/logrus"
)

// SMTPConfig is the relay configuration.
type SMTPConfig struct {
	Host     string
	Port     int
	Username string
	Password string `json:"-"`
}

// String hides the password.
func (c SMTPConfig) String() string {
	return fmt.Sprintf("smtp://%s@%s:%d", c.Username, c.Host, c.Port)
}

// SMSConfig is the SMS gateway configuration.
type SMSConfig struct {
	AccountSID string
	AuthToken  string
	From       string
}

// Mailer sends messages.
type Mailer struct {
	smtp SMTPConfig
	sms  SMSConfig
	log  *logrus.Entry
}

// New builds a mailer.
func New(smtpCfg SMTPConfig, sms SMSConfig, log *logrus.Entry) *Mailer {
	log.Infof("mailer: relay %v", smtpCfg)                            // NEAR tokenlog t26
	log.WithField("sms", sms).Debug("mailer: sms gateway configured") // WANT tokenlog T18
	return &Mailer{smtp: smtpCfg, sms: sms, log: log}
}

// Send sends one e-mail.
func (m *Mailer) Send(to, subject, body string) error {
	addr := fmt.Sprintf("%s:%d", m.smtp.Host, m.smtp.Port)
	auth := smtp.PlainAuth("", m.smtp.Username, m.smtp.Password, m.smtp.Host)
	msg := "To: " + to + "\r\nSubject: " + subject + "\r\n\r\n" + body
	if err := smtp.SendMail(addr, auth, m.smtp.Username, []string{to}, []byte(msg)); err != nil {
		return fmt.Errorf("mailer: send via %s as %s (password %s): %w", addr, m.smtp.Username, m.smtp.Password, err) // WANT tokenlog T19
	}
	m.log.WithFields(logrus.Fields{"to": to, "subject": subject, "relay_user": m.smtp.Username}).Info("mail sent") // NEAR tokenlog t27
	return nil
}

// SendSMS sends one text message.
func (m *Mailer) SendSMS(to, text string) error {
	basic := base64.StdEncoding.EncodeToString([]byte(m.sms.AccountSID + ":" + m.sms.AuthToken))
	req, err := http.NewRequest(http.MethodPost, "https://sms.example.com/2010-04-01/Accounts/"+m.sms.AccountSID+"/Messages.json", strings.NewReader("To="+to+"&From="+m.sms.From+"&Body="+text))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Basic "+basic)
	m.log.Debugf("sms: POST %s auth=%s", req.URL.Path, basic) // WANT tokenlog T20
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("sms: send to %s: %w", to, err) // NEAR tokenlog t28
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		m.log.WithField("account_sid", m.sms.AccountSID).WithField("status", resp.StatusCode).Warn("sms rejected") // NEAR tokenlog t29
		return fmt.Errorf("sms: status %d", resp.StatusCode)
	}
	return nil
}
