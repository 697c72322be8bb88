// Package config reads ledgerpay's settings from the environment.
package config

import (
	"os"
	"strconv"
	"time"
)

// Environment variables the deployment sets (see deploy/ledgerpay.env.example).
const (
	EnvProcessorKey = "LEDGERPAY_PROCESSOR_SECRET_KEY" // NEAR hardcodedcred h01
	EnvJWTSecret    = "LEDGERPAY_JWT_SECRET"
	EnvWebhookKey   = "LEDGERPAY_WEBHOOK_SIGNING_SECRET"
)

// Config is everything the API server needs at start-up.
type Config struct {
	Addr string

	// Payment processor (Paynetics-compatible REST API).
	ProcessorBaseURL string
	ProcessorKey     string

	// Signing secret of the processor's webhooks ("whsec_...").
	WebhookSecret string

	// Bank feed (open-banking aggregator) pushes statement lines with a shared token.
	BankFeedToken string

	// Session tokens for the dashboard and the mobile app.
	JWTSecret     string
	AccessTTL     time.Duration
	RefreshTTL    time.Duration
	ReceiptTTL    time.Duration
	ServiceSecret string

	// FX rates come from the treasury team's service.
	FXRatesURL string

	Debug bool
}

// Load reads the environment; missing values fall back to development defaults.
func Load() Config {
	return Config{
		Addr:             getenv("LEDGERPAY_ADDR", ":8080"),
		ProcessorBaseURL: getenv("LEDGERPAY_PROCESSOR_URL", "http://api.paynetics-gw.com/v1"),                  // WANT plainhttp P01
		ProcessorKey:     getenv(EnvProcessorKey, "sk_live_51NfQ2xLk8RtYh3VbZc7WmPq9A4sDeFgHjKl0MnOpQrStUvWx"), // WANT hardcodedcred H01
		WebhookSecret:    getenv(EnvWebhookKey, "<webhook-signing-secret>"),                                    // NEAR hardcodedcred h02
		BankFeedToken:    os.Getenv("LEDGERPAY_BANKFEED_TOKEN"),
		JWTSecret:        getenv(EnvJWTSecret, "k8Jx2Vq7Lm4Rz9Tb1Wc6Nd3Hs5Fy0PgQe"), // WANT hardcodedcred H02
		AccessTTL:        duration("LEDGERPAY_ACCESS_TTL", 15*time.Minute),
		RefreshTTL:       duration("LEDGERPAY_REFRESH_TTL", 30*24*time.Hour),
		ReceiptTTL:       duration("LEDGERPAY_RECEIPT_TTL", 7*24*time.Hour),
		ServiceSecret:    os.Getenv("LEDGERPAY_SERVICE_SECRET"),
		FXRatesURL:       getenv("LEDGERPAY_FX_URL", "http://fxrates.treasury.internal:8080"), // NEAR plainhttp p01
		Debug:            os.Getenv("LEDGERPAY_DEBUG") == "1",
	}
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func duration(k string, def time.Duration) time.Duration {
	v := os.Getenv(k)
	if v == "" {
		return def
	}
	if d, err := time.ParseDuration(v); err == nil {
		return d
	}
	if n, err := strconv.Atoi(v); err == nil {
		return time.Duration(n) * time.Second
	}
	return def
}
