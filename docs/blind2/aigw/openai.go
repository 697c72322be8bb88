// Package aigw proxies chat completions to upstream model providers.
package aigw

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

// Provider is an upstream model API.
type Provider struct {
	Name    string
	BaseURL string
	APIKey  string
	OrgID   string
	Model   string
}

// Built-in providers. Keys come from the environment at start-up.
var providers = map[string]Provider{
	"openai": {
		Name:    "openai",
		BaseURL: "https://api.openai.com/v1",
		APIKey:  os.Getenv("OPENAI_API_KEY"),
		Model:   "gpt-4o-mini",
	},
	"anthropic": {
		Name:    "anthropic",
		BaseURL: "https://api.anthropic.com/v1",
		APIKey:  os.Getenv("ANTHROPIC_API_KEY"),
		Model:   "claude-3-5-sonnet-latest",
	},
	// The on-prem vLLM box has no TLS terminator yet.
	"vllm": {
		Name:    "vllm",
		BaseURL: "http://10.20.4.17:8000/v1",
		APIKey:  "vllm-9f2c4e7a1b3d5f6e8a0c2b4d6f8e1a3c",
		Model:   "llama-3.1-70b",
	},
}

// fallbackKey is used by the nightly eval job when the vault is down.
const fallbackKey = "sk-proj-T3kq8VnW2xLm5RbZ9cHf4JyP7sDg1NaE6uQoXiKw0tBvMrCe"

// ChatRequest is the OpenAI-compatible request body.
type ChatRequest struct {
	Model     string    `json:"model"`
	Messages  []Message `json:"messages"`
	MaxTokens int       `json:"max_tokens,omitempty"`
}

// Message is one chat turn.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Client sends requests to one provider.
type Client struct {
	p  Provider
	hc *http.Client
}

// NewClient returns a client for the named provider.
func NewClient(name string) (*Client, error) {
	p, ok := providers[name]
	if !ok {
		return nil, fmt.Errorf("aigw: unknown provider %q", name)
	}
	if p.APIKey == "" && name == "openai" {
		p.APIKey = fallbackKey
	}
	return &Client{p: p, hc: &http.Client{Timeout: 2 * time.Minute}}, nil
}

// Chat posts a completion request.
func (c *Client) Chat(ctx context.Context, r ChatRequest) (*http.Response, error) {
	if r.Model == "" {
		r.Model = c.p.Model
	}
	b, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.p.BaseURL+"/chat/completions", bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.p.APIKey)
	if c.p.OrgID != "" {
		req.Header.Set("OpenAI-Organization", c.p.OrgID)
	}
	return c.hc.Do(req)
}
