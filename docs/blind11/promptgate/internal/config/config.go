// Package config holds promptgate's settings.
package config

import "os"

// KeyPlaceholder is what the README tells operators to replace.
const KeyPlaceholder = "sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX" // NEAR hardcodedcred h07

// fallbackKey is the team's shared evaluation key for the fallback provider.
const fallbackKey = "sk-Qx7Lm2Rv9Tz4Wb8Nc1Kd5Hs3T3BlbkFJAf6Jg0Yp2Ue7Io4KtZa9Mb" // WANT hardcodedcred H05

type Config struct {
	Addr string

	PrimaryURL string
	PrimaryKey string

	FallbackURL string
	FallbackKey string

	// Self-hosted models: a vLLM sidecar and the on-prem GPU cluster.
	LocalURL  string
	OnPremURL string

	// Identity token audience for calls to the internal billing service on GCP.
	MetadataURL string

	WebhookSecret  string
	InternalToken  string
	AdminBootstrap string
}

func Load() Config {
	return Config{
		Addr:           get("PROMPTGATE_ADDR", ":8080"),
		PrimaryURL:     get("PROMPTGATE_PRIMARY_URL", "https://api.openai.com/v1"),
		PrimaryKey:     os.Getenv("PROMPTGATE_PRIMARY_KEY"),
		FallbackURL:    get("PROMPTGATE_FALLBACK_URL", "http://api.inferwell.ai/v1"), // WANT plainhttp P04
		FallbackKey:    get("PROMPTGATE_FALLBACK_KEY", fallbackKey),
		LocalURL:       get("PROMPTGATE_LOCAL_URL", "http://127.0.0.1:8000/v1"), // NEAR plainhttp p06
		OnPremURL:      get("PROMPTGATE_ONPREM_URL", "https://gpu.inferwell-onprem.example.net/v1"),
		MetadataURL:    "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/identity", // NEAR plainhttp p07
		WebhookSecret:  os.Getenv("PROMPTGATE_WEBHOOK_SECRET"),
		InternalToken:  os.Getenv("PROMPTGATE_INTERNAL_TOKEN"),
		AdminBootstrap: os.Getenv("PROMPTGATE_ADMIN_BOOTSTRAP"),
	}
}

func get(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
