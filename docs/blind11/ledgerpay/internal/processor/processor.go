// Package processor is a small client of the payment processor's REST API (charges,
// refunds, customers' saved payment methods).
package processor

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Client talks to the processor with the platform's secret key.
type Client struct {
	base string
	key  string
	http *http.Client
}

// New checks the key's shape so that a publishable key pasted by mistake fails at start-up,
// not at the first refund.
func New(baseURL, key string) (*Client, error) {
	if !strings.HasPrefix(key, "sk_live_") && !strings.HasPrefix(key, "sk_test_") {
		return nil, fmt.Errorf("processor: %q is not a secret key (want sk_live_ or sk_test_)", key) // ALT T02
	}
	return &Client{base: strings.TrimRight(baseURL, "/"), key: key, http: &http.Client{Timeout: 20 * time.Second}}, nil
}

// Live reports whether the client uses a live-mode key.
func (c *Client) Live() bool { return strings.HasPrefix(c.key, "sk_live_") }

type Refund struct {
	ID     string `json:"id"`
	Charge string `json:"charge"`
	Amount int64  `json:"amount"`
	Status string `json:"status"`
}

type PaymentMethod struct {
	ID       string `json:"id"`
	Brand    string `json:"brand"`
	Last4    string `json:"last4"`
	ExpMonth int    `json:"exp_month"`
	ExpYear  int    `json:"exp_year"`
}

// Refund refunds amount (minor units) of a charge.
func (c *Client) Refund(ctx context.Context, chargeID string, amount int64, idempotencyKey string) (*Refund, error) {
	body, _ := json.Marshal(map[string]any{"charge": chargeID, "amount": amount})
	var out Refund
	if err := c.do(ctx, http.MethodPost, "/refunds", body, idempotencyKey, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// PaymentMethods lists a customer's saved cards.
func (c *Client) PaymentMethods(ctx context.Context, customerID string) ([]PaymentMethod, error) {
	var out struct {
		Data []PaymentMethod `json:"data"`
	}
	if err := c.do(ctx, http.MethodGet, "/customers/"+customerID+"/payment_methods", nil, "", &out); err != nil {
		return nil, err
	}
	return out.Data, nil
}

func (c *Client) do(ctx context.Context, method, path string, body []byte, idem string, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.key)
	req.Header.Set("Content-Type", "application/json")
	if idem != "" {
		req.Header.Set("Idempotency-Key", idem)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("processor %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 2048))
		return fmt.Errorf("processor %s %s: %s: %s", method, path, resp.Status, bytes.TrimSpace(msg))
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
