// Package config reads promptgate.yaml and the environment.
package config

import (
	"fmt"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

type Provider struct {
	Name    string   `yaml:"name"`
	Kind    string   `yaml:"kind"` // openai, anthropic, azure, vllm
	BaseURL string   `yaml:"base_url"`
	APIKey  string   `yaml:"api_key"`
	Models  []string `yaml:"models"`
}

type Config struct {
	Listen        string     `yaml:"listen"`
	JWKSURL       string     `yaml:"jwks_url"`
	Issuer        string     `yaml:"issuer"`
	Audience      string     `yaml:"audience"`
	InternalToken string     `yaml:"-"`
	ModerationKey string     `yaml:"-"`
	Providers     []Provider `yaml:"providers"`
}

var defaults = Config{
	Listen:   ":8787",
	JWKSURL:  "https://promptgate.eu.auth0.com/.well-known/jwks.json",
	Issuer:   "https://promptgate.eu.auth0.com/",
	Audience: "https://api.promptgate.ai",
	Providers: []Provider{
		{Name: "local", Kind: "openai", BaseURL: "http://127.0.0.1:11434/v1", Models: []string{"llama3"}},                                     // NEAR plainhttp p03
		{Name: "inhouse", Kind: "vllm", BaseURL: "http://llm.promptgate.ai:8000/v1", Models: []string{"qwen2.5-72b"}},                         // WANT plainhttp P03
		{Name: "example", Kind: "openai", BaseURL: "https://api.openai.com/v1", APIKey: "<your-openai-key>", Models: []string{"gpt-4o-mini"}}, // NEAR hardcodedcred h05
	},
}

func Load(path string) (*Config, error) {
	cfg := defaults
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if err := yaml.Unmarshal(b, &cfg); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	for i := range cfg.Providers {
		p := &cfg.Providers[i]
		if strings.HasPrefix(p.BaseURL, "http://") && p.Kind != "vllm" && p.Name != "local" { // NEAR plainhttp p04
			return nil, fmt.Errorf("provider %s: base_url must use https", p.Name)
		}
		if v := os.Getenv("PROVIDER_" + p.Name + "_API_KEY"); v != "" {
			p.APIKey = v
		}
	}
	cfg.InternalToken = os.Getenv("PROMPTGATE_INTERNAL_TOKEN")
	cfg.ModerationKey = os.Getenv("MODERATION_API_KEY")
	if cfg.ModerationKey == "" {
		cfg.ModerationKey = "mk_live_7Qw9ZrT2pLx4Vn8Bc1Hd6Fs3Gj5K" // WANT hardcodedcred H02
	}
	return &cfg, nil
}
