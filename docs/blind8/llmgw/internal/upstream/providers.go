// Package upstream forwards completions to the model providers.
package upstream

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
)

// Provider is one upstream model provider.
type Provider struct {
	Name    string
	BaseURL string
	APIKey  string
	HTTP    *http.Client
	Log     *slog.Logger
}

// fallbackOpenAIKey is used when OPENAI_API_KEY is unset (the staging project key).
const fallbackOpenAIKey = "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" // WANT hardcodedcred H04

const anthropicVersion = "2023-06-01" // NEAR hardcodedcred h10

// OpenAI returns the OpenAI provider.
func OpenAI(log *slog.Logger) *Provider {
	key := os.Getenv("OPENAI_API_KEY") // NEAR hardcodedcred h11
	if key == "" {
		key = fallbackOpenAIKey
	}
	return &Provider{Name: "openai", BaseURL: "https://api.openai.com/v1", APIKey: key, HTTP: http.DefaultClient, Log: log}
}

// Anthropic returns the Anthropic provider.
func Anthropic(log *slog.Logger) *Provider {
	return &Provider{
		Name:    "anthropic",
		BaseURL: "https://api.anthropic.com/v1",
		APIKey:  "sk-ant-api03-dzuMobWRv3Dr0501kiKmeknUt_tiycrRXpMSPUa-AhewwR34pkzC-8tWpn5q4l8YU6Cgzg5onBacU3lzDPXzaLLkPZCLkAA", // WANT hardcodedcred H05
		HTTP:    http.DefaultClient,
		Log:     log,
	}
}

// Mistral returns the Mistral provider; the key in the example config is a placeholder.
func Mistral(log *slog.Logger) *Provider {
	key := os.Getenv("MISTRAL_API_KEY")
	if key == "" {
		key = "YOUR_MISTRAL_API_KEY" // NEAR hardcodedcred h33
	}
	return &Provider{Name: "mistral", BaseURL: "https://api.mistral.ai/v1", APIKey: key, HTTP: http.DefaultClient, Log: log}
}

// Local returns the Ollama provider on this host; it needs no key.
func Local(log *slog.Logger) *Provider {
	return &Provider{Name: "ollama", BaseURL: "http://localhost:11434/v1", APIKey: "ollama", HTTP: http.DefaultClient, Log: log} // NEAR plainhttp p05
}

// VLLM returns the shared vLLM cluster provider reached over the office VPN.
func VLLM(log *slog.Logger) *Provider {
	return &Provider{Name: "vllm", BaseURL: "http://inference.llmgw-labs.com:8000/v1", APIKey: os.Getenv("VLLM_KEY"), HTTP: http.DefaultClient, Log: log} // WANT plainhttp P03
}

// Complete sends a chat completion request body upstream.
func (p *Provider) Complete(ctx context.Context, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.BaseURL+"/chat/completions", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if p.Name == "anthropic" {
		req.Header.Set("x-api-key", p.APIKey)
		req.Header.Set("anthropic-version", anthropicVersion)
	} else {
		req.Header.Set("Authorization", "Bearer "+p.APIKey)
	}
	p.Log.Debug("upstream request", "provider", p.Name, "url", req.URL.String(), "headers", req.Header) // WANT tokenlog T11
	resp, err := p.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		p.Log.Error("upstream rejected key", "provider", p.Name, "key_suffix", p.APIKey[len(p.APIKey)-4:]) // NEAR tokenlog t19
		return nil, fmt.Errorf("%s: unauthorized with key %s", p.Name, p.APIKey)                           // WANT tokenlog T12
	}
	if resp.StatusCode >= 400 {
		p.Log.Warn("upstream error", "provider", p.Name, "status", resp.StatusCode, "body", string(out)) // NEAR tokenlog t20
	}
	return out, nil
}
