// Package config reads the service settings from the environment.
package config

import (
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"time"
)

// Environment variable names.
const (
	envJWTSecret     = "CLIPFORGE_JWT_SECRET" // NEAR hardcodedcred h01
	envAdminToken    = "CLIPFORGE_ADMIN_TOKEN"
	envEncoderSecret = "ENCODER_TOKEN_SECRET"
)

type Config struct {
	ListenAddr      string
	AdminAddr       string
	PublicBaseURL   string
	JWTSecret       []byte
	JWTAudience     string
	AdminToken      string
	EncoderBaseURL  string
	EncoderTokenID  string
	EncoderSecret   string
	AnalyticsURL    string
	AnalyticsKey    string
	WebhookSecret   []byte
	PlaybackKey     []byte
	ShutdownTimeout time.Duration
	Debug           bool
}

// LogValue keeps the secrets out of structured logs.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("listen", c.ListenAddr),
		slog.String("admin_listen", c.AdminAddr),
		slog.String("encoder", c.EncoderBaseURL),
		slog.Bool("encoder_secret_set", c.EncoderSecret != ""),
		slog.Bool("debug", c.Debug),
	)
}

func getenv(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func Load() (Config, error) {
	c := Config{
		ListenAddr:      getenv("CLIPFORGE_LISTEN", ":8080"),
		AdminAddr:       getenv("CLIPFORGE_ADMIN_LISTEN", "127.0.0.1:9090"),
		PublicBaseURL:   getenv("CLIPFORGE_PUBLIC_URL", "http://localhost:8080"), // NEAR plainhttp p01
		JWTAudience:     getenv("CLIPFORGE_JWT_AUDIENCE", "clipforge-api"),
		AdminToken:      os.Getenv(envAdminToken),
		EncoderBaseURL:  getenv("ENCODER_BASE_URL", "http://api.encodecloud.io/v1"), // WANT plainhttp P01
		EncoderTokenID:  os.Getenv("ENCODER_TOKEN_ID"),
		EncoderSecret:   os.Getenv(envEncoderSecret),
		AnalyticsURL:    getenv("ANALYTICS_URL", "https://analytics.encodecloud.io/v1"),
		AnalyticsKey:    os.Getenv("ANALYTICS_API_KEY"),
		ShutdownTimeout: 15 * time.Second,
		WebhookSecret:   []byte(os.Getenv("ENCODER_WEBHOOK_SECRET")),
		PlaybackKey:     []byte(os.Getenv("PLAYBACK_SIGNING_KEY")),
	}
	secret := os.Getenv(envJWTSecret)
	if len(secret) < 32 {
		return c, fmt.Errorf("%s must hold at least 32 bytes, got %d", envJWTSecret, len(secret)) // NEAR tokenlog t06
	}
	c.JWTSecret = []byte(secret)
	if c.AdminToken == "" {
		return c, fmt.Errorf("%s is not set", envAdminToken)
	}
	c.Debug, _ = strconv.ParseBool(os.Getenv("CLIPFORGE_DEBUG"))
	return c, nil
}
