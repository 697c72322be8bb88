// Package stripe is a small client for a card-payments API.
package stripe

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"go.uber.org/zap"
)

// Client calls the payments API with a secret key.
type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client
	log     *zap.Logger
}

// New returns a client. The key is a live or test secret key.
func New(baseURL, apiKey string, log *zap.Logger) *Client {
	return &Client{baseURL: baseURL, apiKey: apiKey, http: http.DefaultClient, log: log}
}

// ErrDeclined is returned when the card is declined.
var ErrDeclined = errors.New("stripe: card declined")

// Charge is a created charge.
type Charge struct {
	ID     string `json:"id"`
	Amount int64  `json:"amount"`
	Status string `json:"status"`
}

// KeyFingerprint is a stable, non-reversible id of the key for logs.
func (c *Client) KeyFingerprint() string {
	sum := sha256.Sum256([]byte(c.apiKey))
	return hex.EncodeToString(sum[:])[:12]
}

// Mode says whether the key is a live or a test key from its prefix.
func (c *Client) Mode() string {
	if strings.HasPrefix(c.apiKey, "sk_live_") {
		return "live"
	}
	return "test"
}

// CreateCharge charges a customer.
func (c *Client) CreateCharge(ctx context.Context, customerID string, amount int64) (*Charge, error) {
	body := strings.NewReader(fmt.Sprintf(`{"customer":%q,"amount":%d}`, customerID, amount))
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/charges", body)
	if err != nil {
		return nil, fmt.Errorf("stripe: build request for customer %s: %w", customerID, err) // NEAR tokenlog t01
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	c.log.Debug("stripe request", zap.String("method", req.Method), zap.String("url", req.URL.String()), zap.String("key_fp", c.KeyFingerprint())) // NEAR tokenlog t02
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("stripe: charge: %w", err)
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusUnauthorized:
		return nil, fmt.Errorf("stripe: key %s rejected by %s", c.apiKey, c.baseURL) // WANT tokenlog T01
	case http.StatusPaymentRequired:
		return nil, ErrDeclined
	}
	var ch Charge
	if err := json.NewDecoder(resp.Body).Decode(&ch); err != nil {
		return nil, fmt.Errorf("stripe: decode charge (key mode %s): %w", c.Mode(), err) // NEAR tokenlog t03
	}
	return &ch, nil
}

// debugHeaders logs the outgoing headers when tracing payments.
func (c *Client) debugHeaders(req *http.Request) {
	for name, values := range req.Header {
		c.log.Debug("stripe header", zap.String("name", name), zap.Strings("values", values)) // WANT tokenlog T02
	}
}

// Refund refunds a charge.
func (c *Client) Refund(ctx context.Context, chargeID string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/refunds?charge="+chargeID, nil)
	if err != nil {
		return err
	}
	req.SetBasicAuth(c.apiKey, "")
	c.debugHeaders(req)
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("stripe: refund %s: %w", chargeID, err)
	}
	resp.Body.Close()
	return nil
}
