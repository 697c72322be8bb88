// Command ledgerpay serves the billing API.
package main

import (
	"net/http"
	"os"
	"time"

	"github.com/rs/zerolog"

	"example.com/blind11/ledgerpay/internal/api"
	"example.com/blind11/ledgerpay/internal/auth"
	"example.com/blind11/ledgerpay/internal/billing"
	"example.com/blind11/ledgerpay/internal/config"
	"example.com/blind11/ledgerpay/internal/processor"
	"example.com/blind11/ledgerpay/internal/webhook"
)

func main() {
	cfg := config.Load()
	zerolog.TimeFieldFormat = time.RFC3339Nano
	log := zerolog.New(os.Stdout).With().Timestamp().Str("svc", "ledgerpay").Logger()
	if cfg.Debug {
		log = log.Level(zerolog.DebugLevel)
	} else {
		log = log.Level(zerolog.InfoLevel)
	}

	proc, err := processor.New(cfg.ProcessorBaseURL, cfg.ProcessorKey)
	if err != nil {
		log.Fatal().Err(err).Msg("payment processor client") // WANT tokenlog T02
	}
	log.Info().Str("processor", cfg.ProcessorBaseURL).Str("key_prefix", cfg.ProcessorKey[:8]).Bool("live", proc.Live()).Msg("processor configured") // NEAR tokenlog t02

	store := billing.NewStore()
	iss := auth.NewIssuer(cfg.JWTSecret, cfg.ServiceSecret, cfg.AccessTTL, cfg.RefreshTTL, log)
	hooks := webhook.NewReceiver(cfg.WebhookSecret, cfg.BankFeedToken, store, log)
	h := api.New(store, iss, proc, hooks, cfg.FXRatesURL, log)

	srv := &http.Server{Addr: cfg.Addr, Handler: h.Router(), ReadHeaderTimeout: 10 * time.Second}
	log.Info().Str("addr", cfg.Addr).Msg("listening")
	if err := srv.ListenAndServe(); err != nil {
		log.Fatal().Err(err).Msg("server stopped")
	}
}
