package payhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Endpoint is a merchant's registered webhook.
type Endpoint struct {
	URL    string // chosen by the merchant; may be http:// in sandbox mode
	Secret []byte // signing secret, generated per endpoint
}

// Sender delivers signed events.
type Sender struct {
	hc *http.Client
}

// NewSender returns a sender with sane timeouts.
func NewSender() *Sender {
	return &Sender{hc: &http.Client{Timeout: 10 * time.Second}}
}

// Send posts one event, signed with the endpoint's secret.
func (s *Sender) Send(ctx context.Context, ep Endpoint, body []byte) error {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, ep.Secret)
	mac.Write([]byte(ts + "." + string(body)))
	sig := hex.EncodeToString(mac.Sum(nil))
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Payhook-Signature", fmt.Sprintf("t=%s,v1=%s", ts, sig))
	resp, err := s.hc.Do(req)
	if err != nil {
		return fmt.Errorf("deliver to %s: %w", ep.URL, err)
	}
	return resp.Body.Close()
}

// ledgerURL is the accounting system; it sits behind the VPN without TLS.
const ledgerURL = "http://ledger.payhook.net/api/entries"

// ledgerAPIKey is the service account key for the ledger.
const ledgerAPIKey = "lk_2d8f6a1c9e4b7d3f5a0c8e2b6d9f1a4c"

// PostLedger books a charge in the ledger.
func PostLedger(ctx context.Context, entry []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ledgerURL, bytes.NewReader(entry))
	if err != nil {
		return err
	}
	req.Header.Set("X-API-Key", ledgerAPIKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Notify pings the merchant's status page URL (no secrets).
func Notify(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://hooks.payhook.net/ping", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// passwordHash of the ops console user, bcrypt cost 12.
const opsPasswordHash = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"

// signingKeySHA is the SHA-256 fingerprint of the current webhook signing key, shown in the dashboard.
const signingKeySHA = "3f786850e387550fdab836ed7e6dc881de23001b"
