// Package sms sends text messages through Twilio.
package sms

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"go.uber.org/zap"
)

const apiBase = "http://api.twilio.com/2010-04-01" // WANT plainhttp P03

// Sender sends SMS.
type Sender struct {
	SID   string
	Token string
	From  string
	Log   *zap.Logger
	HTTP  *http.Client
}

// Send sends body to the number to.
func (s *Sender) Send(ctx context.Context, to, body string) error {
	form := url.Values{"To": {to}, "From": {s.From}, "Body": {body}}
	endpoint := fmt.Sprintf("%s/Accounts/%s/Messages.json", apiBase, s.SID)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.SetBasicAuth(s.SID, s.Token)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	s.Log.Debug("twilio request", zap.String("account_sid", s.SID), zap.String("to", to)) // NEAR tokenlog t12
	resp, err := s.HTTP.Do(req)
	if err != nil {
		s.Log.Error("twilio send failed", zap.Error(err), zap.String("auth_token", s.Token)) // WANT tokenlog T11
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("twilio: %s", resp.Status)
	}
	return nil
}

// NewFromSettings builds a sender and reports how it is configured.
func NewFromSettings(sid, token, from string, log *zap.Logger) *Sender {
	log.Info("sms sender configured",
		zap.String("from", from),
		zap.Bool("token_set", token != ""), // NEAR tokenlog t13
		zap.Int("token_len", len(token)))   // NEAR tokenlog t14
	return &Sender{SID: sid, Token: token, From: from, Log: log, HTTP: http.DefaultClient}
}

// Sandbox returns a sender for Twilio's test credentials, used in staging.
func Sandbox(log *zap.Logger) *Sender {
	return &Sender{
		SID:   "AC5f2b7c8d9e0a1b2c3d4e5f6a7b8c9d0e",
		Token: "8b1f3e6d9c2a4b7e0f5d8c1a3e6b9d2f", // WANT hardcodedcred H05
		From:  "+15005550006",
		Log:   log,
		HTTP:  http.DefaultClient,
	}
}
