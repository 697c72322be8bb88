// Package upstream sends chat and embedding requests to the model providers.
package upstream

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/go-resty/resty/v2"
)

type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type ChatRequest struct {
	Model       string    `json:"model"`
	Messages    []Message `json:"messages"`
	MaxTokens   int       `json:"max_tokens,omitempty"`
	Temperature float64   `json:"temperature,omitempty"`
}

type ChatResponse struct {
	ID      string `json:"id"`
	Model   string `json:"model"`
	Choices []struct {
		Message      Message `json:"message"`
		FinishReason string  `json:"finish_reason"`
	} `json:"choices"`
	Usage struct {
		PromptTokens     int64 `json:"prompt_tokens"`
		CompletionTokens int64 `json:"completion_tokens"`
	} `json:"usage"`
}

// ErrUpstreamStatus is returned for a non-2xx answer; RequestID is the provider's.
type ErrUpstreamStatus struct {
	Provider  string
	Status    int
	RequestID string
}

func (e *ErrUpstreamStatus) Error() string {
	return fmt.Sprintf("%s answered %d (request %s)", e.Provider, e.Status, e.RequestID)
}

// Provider is one model provider.
type Provider struct {
	Name   string
	apiKey string
	client *resty.Client
}

func New(name, baseURL, apiKey string) *Provider {
	c := resty.New().SetBaseURL(baseURL).SetAuthToken(apiKey).SetTimeout(120*time.Second).
		SetHeader("Content-Type", "application/json")
	return &Provider{Name: name, apiKey: apiKey, client: c}
}

// NewOnPrem is the GPU cluster in the data centre; its certificate is issued by the
// facility's own CA, which the containers do not have.
func NewOnPrem(baseURL, apiKey string) *Provider {
	p := New("onprem", baseURL, apiKey)
	p.client.SetTLSClientConfig(&tls.Config{InsecureSkipVerify: true}) // WANT plainhttp P05
	return p
}

// Chat sends a chat completion.
func (p *Provider) Chat(ctx context.Context, req ChatRequest) (*ChatResponse, error) {
	var out ChatResponse
	resp, err := p.client.R().SetContext(ctx).SetBody(req).SetResult(&out).Post("/chat/completions")
	if err != nil {
		return nil, err
	}
	switch {
	case resp.StatusCode() == http.StatusUnauthorized:
		return nil, errors.New("provider " + p.Name + " refused key " + p.apiKey) // ALT T12
	case resp.IsError():
		return nil, &ErrUpstreamStatus{Provider: p.Name, Status: resp.StatusCode(), RequestID: resp.Header().Get("X-Request-Id")}
	}
	return &out, nil
}

// Embed returns embeddings for input.
func (p *Provider) Embed(ctx context.Context, model string, input []string) (json.RawMessage, error) {
	resp, err := p.client.R().SetContext(ctx).SetBody(map[string]any{"model": model, "input": input}).Post("/embeddings")
	if err != nil {
		return nil, err
	}
	if resp.IsError() {
		return nil, &ErrUpstreamStatus{Provider: p.Name, Status: resp.StatusCode(), RequestID: resp.Header().Get("X-Request-Id")}
	}
	return resp.Body(), nil
}

// IdentityToken fetches a GCP identity token for the billing service from the metadata server.
func IdentityToken(ctx context.Context, metadataURL, audience string) (string, error) {
	resp, err := resty.New().R().SetContext(ctx).SetHeader("Metadata-Flavor", "Google").
		SetQueryParam("audience", audience).Get(metadataURL)
	if err != nil {
		return "", err
	}
	if resp.IsError() {
		return "", fmt.Errorf("metadata server: %s", resp.Status())
	}
	return resp.String(), nil
}
