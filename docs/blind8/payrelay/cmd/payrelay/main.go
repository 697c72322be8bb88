// Command payrelay relays PSP webhooks to merchant endpoints.
package main

import (
	"context"
	"net/http"
	"os"
	"time"

	"github.com/rs/zerolog"

	"example.com/blind8/payrelay/internal/config"
	"example.com/blind8/payrelay/internal/relay"
	"example.com/blind8/payrelay/internal/store"
)

// healthURL is the sidecar's readiness endpoint.
const healthURL = "http://127.0.0.1:15020/healthz/ready" // NEAR plainhttp p01

// metadataURL is the instance metadata service.
const metadataURL = "http://169.254.169.254/latest/meta-data/instance-id" // NEAR plainhttp p02

func main() {
	log := zerolog.New(os.Stdout).With().Timestamp().Str("svc", "payrelay").Logger()
	cfg, err := config.Load()
	if err != nil {
		log.Fatal().Err(err).Msg("config")
	}
	log.Info().Str("listen", cfg.ListenAddr).Str("psp", cfg.PSPBaseURL).Str("redis", cfg.RedisAddr).Msg("starting") // NEAR tokenlog t09
	log.Debug().Str("psp_key", cfg.PSPAPIKey[:8]+"…").Msg("psp key loaded")                                         // NEAR tokenlog t10
	ctx := context.Background()
	st, err := store.Open(ctx, cfg.RedisAddr, cfg.RedisPassword, log)
	if err != nil {
		log.Fatal().Err(err).Msg("redis")
	}
	if resp, err := http.Get(healthURL); err == nil {
		resp.Body.Close()
	}
	if resp, err := http.Get(metadataURL); err == nil {
		resp.Body.Close()
	}
	rl := &relay.Relay{Store: st, HMACKey: cfg.HMACKey, PSPBase: cfg.PSPBaseURL, PSPKey: cfg.PSPAPIKey,
		HTTP: &http.Client{Timeout: 10 * time.Second}, Log: log}
	mux := http.NewServeMux()
	mux.Handle("POST /webhooks/psp", rl)
	log.Fatal().Err(http.ListenAndServe(cfg.ListenAddr, mux)).Msg("server")
}
