// Package upstream forwards requests to the model providers.
package upstream

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"go.uber.org/zap"

	"example.com/blind9/promptgate/internal/config"
)

type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

type Client struct {
	hc  *http.Client
	log *zap.Logger
}

func New(log *zap.Logger) *Client {
	return &Client{hc: &http.Client{Timeout: 120 * time.Second}, log: log}
}

func (c *Client) newRequest(ctx context.Context, p config.Provider, path string, body []byte) (*http.Request, error) {
	u := p.BaseURL + path
	if p.Kind == "azure" {
		u += "?api-version=2024-06-01" // NEAR credexposure c05
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	switch p.Kind {
	case "anthropic":
		req.Header.Set("x-api-key", p.APIKey)
		req.Header.Set("anthropic-version", "2023-06-01")
	case "azure":
		req.Header.Set("api-key", p.APIKey)
	default:
		req.Header.Set("Authorization", "Bearer "+p.APIKey)
	}
	return req, nil
}

// Forward sends body to the provider and returns the raw response body and its usage.
func (c *Client) Forward(ctx context.Context, p config.Provider, path string, body []byte) ([]byte, Usage, error) {
	var usage Usage
	req, err := c.newRequest(ctx, p, path, body)
	if err != nil {
		return nil, usage, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, usage, fmt.Errorf("%s: %w", p.Name, err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
		c.log.Error("provider rejected credentials", zap.String("provider", p.Name), zap.Any("headers", req.Header)) // WANT tokenlog T14
		return nil, usage, fmt.Errorf("%s: %s", p.Name, resp.Status)
	}
	if resp.StatusCode >= 300 {
		last4 := p.APIKey[max(0, len(p.APIKey)-4):]
		return nil, usage, fmt.Errorf("%s (key …%s): %s: %s", p.Name, last4, resp.Status, out) // NEAR tokenlog t16
	}
	var meta struct {
		Usage Usage `json:"usage"`
	}
	_ = json.Unmarshal(out, &meta)
	c.log.Debug("upstream ok", zap.String("provider", p.Name), zap.Any("usage", meta.Usage)) // NEAR tokenlog t17
	return out, meta.Usage, nil
}

// Moderate asks the moderation vendor whether a prompt may be sent.
func (c *Client) Moderate(ctx context.Context, apiKey, text string) (bool, error) {
	q := url.Values{"api_key": {apiKey}, "lang": {"auto"}}
	endpoint := "https://api.moderatekit.io/v2/check?" + q.Encode()
	body, _ := json.Marshal(map[string]string{"text": text})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body)) // WANT credexposure C05
	if err != nil {
		return false, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	var res struct {
		Flagged bool `json:"flagged"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return false, fmt.Errorf("moderation with key %s: %w", apiKey, err) // WANT tokenlog T15
	}
	return !res.Flagged, nil
}
