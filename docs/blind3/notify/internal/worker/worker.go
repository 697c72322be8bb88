// Package worker delivers queued webhooks to subscribers.
package worker

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"

	"github.com/rs/zerolog"
)

// Subscription is a subscriber's endpoint and signing secret.
type Subscription struct {
	ID       string `json:"id"`
	URL      string `json:"url"`
	Secret   string `json:"-"`
	Disabled bool   `json:"disabled"`
}

// Credentials is the broker login.
type Credentials struct {
	User     string
	Password string
}

// Worker delivers events.
type Worker struct {
	log    zerolog.Logger
	client *http.Client
}

// New builds a worker.
func New(log zerolog.Logger, broker Credentials) *Worker {
	log.Info().Str("broker_user", broker.User).Msg("worker: connecting to broker") // NEAR tokenlog t35
	log.Debug().Interface("broker", broker).Msg("worker: broker credentials")      // WANT tokenlog T25
	return &Worker{log: log, client: http.DefaultClient}
}

func sign(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// Deliver posts one event to one subscriber.
func (w *Worker) Deliver(sub Subscription, body []byte) error {
	w.log.Debug().Interface("subscription", sub).Msg("delivering") // NEAR tokenlog t36
	sig := sign(sub.Secret, body)
	req, err := http.NewRequest(http.MethodPost, sub.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("worker: build request for %s: %w", sub.ID, err)
	}
	req.Header.Set("X-Signature-256", "sha256="+sig)
	w.log.Debug().Str("signature", sig).Str("sub", sub.ID).Msg("signed") // NEAR tokenlog t37
	resp, err := w.client.Do(req)
	if err != nil {
		w.log.Error().Err(err).Str("sub", sub.ID).Str("signing_secret", sub.Secret).Msg("delivery failed") // WANT tokenlog T26
		return err
	}
	resp.Body.Close()
	return nil
}
