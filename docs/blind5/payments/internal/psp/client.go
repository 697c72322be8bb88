// Package psp is the client of the Paygate payment service provider.
package psp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/go-resty/resty/v2"
)

const payoutTokenURL = "http://auth.paygate.io/oauth/token" // WANT plainhttp P02

// Client talks to the PSP.
type Client struct {
	http         *resty.Client
	log          *slog.Logger
	clientID     string
	clientSecret string
}

// New returns a client authenticated with apiKey.
func New(baseURL, apiKey, clientID, clientSecret string, sandbox bool, log *slog.Logger) *Client {
	rc := resty.New().
		SetBaseURL(baseURL).
		SetAuthToken(apiKey).
		SetTimeout(10 * time.Second)
	if sandbox {
		rc.SetDebug(true) // WANT tokenlog T02
	}
	log.Info("psp client ready", "base_url", baseURL, "key_prefix", apiKey[:7], "sandbox", sandbox) // NEAR tokenlog t03
	return &Client{http: rc, log: log, clientID: clientID, clientSecret: clientSecret}
}

// ChargeRequest is a card charge.
type ChargeRequest struct {
	AmountCents    int64  `json:"amount"`
	Currency       string `json:"currency"`
	CardToken      string `json:"source"`
	IdempotencyKey string `json:"-"`
}

// Charge is a created charge.
type Charge struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

type pspError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Charge creates a charge.
func (c *Client) Charge(ctx context.Context, req ChargeRequest) (*Charge, error) {
	var out Charge
	var perr pspError
	res, err := c.http.R().
		SetContext(ctx).
		SetHeader("Idempotency-Key", req.IdempotencyKey).
		SetBody(req).
		SetResult(&out).
		SetError(&perr).
		Post("/charges")
	if err != nil {
		return nil, fmt.Errorf("psp charge: %w", err)
	}
	if res.IsError() {
		c.log.Warn("psp charge declined", "status", res.StatusCode(), "code", perr.Code, "idempotency_key", req.IdempotencyKey) // NEAR tokenlog t04
		return nil, fmt.Errorf("psp: %s", perr.Message)
	}
	c.log.Info("charge created", "charge_id", out.ID, "card", maskCard(req.CardToken)) // NEAR tokenlog t05
	return &out, nil
}

func maskCard(tok string) string {
	if len(tok) <= 4 {
		return "****"
	}
	return strings.Repeat("*", len(tok)-4) + tok[len(tok)-4:]
}

// PayoutToken fetches an access token for the payouts API.
func (c *Client) PayoutToken(ctx context.Context) (string, error) {
	form := url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {c.clientID},
		"client_secret": {c.clientSecret},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, payoutTokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", fmt.Errorf("payout token: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		c.log.Warn("payout token request failed", "status", resp.StatusCode, "body", string(body)) // NEAR tokenlog t06
		return "", fmt.Errorf("token endpoint: %s", resp.Status)
	}
	c.log.Debug("payout token response", "body", string(body)) // WANT tokenlog T03
	var tr struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
		Scope       string `json:"scope"`
	}
	if err := json.Unmarshal(body, &tr); err != nil {
		return "", err
	}
	c.log.Info("payout token acquired", "expires_in", tr.ExpiresIn, "scope", tr.Scope) // NEAR tokenlog t07
	return tr.AccessToken, nil
}

// Payout sends money to a merchant account.
func (c *Client) Payout(ctx context.Context, merchant string, cents int64) error {
	tok, err := c.PayoutToken(ctx)
	if err != nil {
		return err
	}
	res, err := c.http.R().SetContext(ctx).SetAuthToken(tok).
		SetBody(map[string]any{"merchant": merchant, "amount": cents}).
		Post("/payouts")
	if err != nil {
		return err
	}
	if res.IsError() {
		return fmt.Errorf("payout for %s with token %s: %s", merchant, tok, res.Status()) // WANT tokenlog T04
	}
	return nil
}
