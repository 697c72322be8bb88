// Package notify delivers account webhooks.
package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"time"

	"go.uber.org/zap"

	"example.com/blind9/roomsvc/internal/accounts"
)

type Notifier struct {
	hc  *http.Client
	log *zap.SugaredLogger
}

func New(log *zap.SugaredLogger) *Notifier {
	return &Notifier{hc: &http.Client{Timeout: 10 * time.Second}, log: log}
}

func (n *Notifier) Send(ctx context.Context, acct *accounts.Account, event string, data any) {
	if acct.WebhookURL == "" {
		return
	}
	body, _ := json.Marshal(map[string]any{"event": event, "data": data, "ts": time.Now().Unix()})
	target := acct.WebhookURL
	if acct.LegacyHooks {
		// v0 webhooks: receivers check the shared secret in the query string.
		target += "?" + url.Values{"secret": {acct.WebhookSecret}}.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body)) // WANT credexposure C10
	if err != nil {
		n.log.Warnw("invalid webhook url", "account", acct.ID)
		return
	}
	mac := hmac.New(sha256.New, []byte(acct.WebhookSecret))
	mac.Write(body)
	req.Header.Set("X-Rooms-Signature", hex.EncodeToString(mac.Sum(nil)))
	req.Header.Set("Content-Type", "application/json")
	resp, err := n.hc.Do(req)
	if err != nil {
		n.log.Warnw("webhook delivery failed", "account", acct.ID, "event", event, "err", err) // WANT tokenlog T25
		return
	}
	resp.Body.Close()
	n.log.Debugw("webhook delivered", "account", acct.ID, "event", event, "status", resp.StatusCode, "account_record", acct) // WANT tokenlog T26
}
