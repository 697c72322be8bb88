// Package notify sends push notifications and SMS fallbacks.
package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"strings"
	"time"
)

type PushConfig struct {
	URL       string
	ServerKey string
	Timeout   time.Duration
}

type Push struct {
	cfg  PushConfig
	http *http.Client
}

func NewPush(cfg PushConfig) *Push {
	log.Printf("notify: push configured: %+v", cfg) // WANT tokenlog T17
	return &Push{cfg: cfg, http: &http.Client{Timeout: cfg.Timeout}}
}

// Send pushes a notification to one device.
func (p *Push) Send(ctx context.Context, deviceToken, title, body string) error {
	msg, _ := json.Marshal(map[string]any{"to": deviceToken, "notification": map[string]string{"title": title, "body": body}})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.cfg.URL, bytes.NewReader(msg))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "key="+p.cfg.ServerKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("push: %s", resp.Status)
	}
	return nil
}

type SMSConfig struct {
	BaseURL  string
	Account  string
	Password string
}

// String keeps the password out of logs.
func (c SMSConfig) String() string {
	return fmt.Sprintf("SMSConfig{BaseURL:%s Account:%s Password:[redacted]}", c.BaseURL, c.Account)
}

type SMS struct {
	cfg  SMSConfig
	http *http.Client
}

func NewSMS(cfg SMSConfig) *SMS {
	log.Printf("notify: sms configured: %v", cfg) // NEAR tokenlog t16
	return &SMS{cfg: cfg, http: &http.Client{Timeout: 10 * time.Second}}
}

// Send texts a phone number.
func (s *SMS) Send(ctx context.Context, to, text string) error {
	form := url.Values{"To": {to}, "Body": {text}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.BaseURL+"/Accounts/"+s.cfg.Account+"/Messages", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.SetBasicAuth(s.cfg.Account, s.cfg.Password)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("sms: %s", resp.Status)
	}
	return nil
}
