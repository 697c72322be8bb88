// Command geoproxy serves the geocoding API.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/rs/zerolog"

	"example.com/blind10/geoproxy/internal/config"
	"example.com/blind10/geoproxy/internal/console"
	"example.com/blind10/geoproxy/internal/server"
	"example.com/blind10/geoproxy/internal/tenants"
	"example.com/blind10/geoproxy/internal/upstream"
)

func main() {
	log := zerolog.New(os.Stdout).With().Timestamp().Str("svc", "geoproxy").Logger()
	cfg, err := config.Load()
	if err != nil {
		log.Fatal().Err(err).Msg("configuration")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	cv, err := console.NewVerifier(ctx, cfg.ConsoleIssuers, cfg.ConsoleAudience)
	if err != nil {
		log.Fatal().Err(err).Msg("console key sets")
	}
	up := upstream.New(cfg.GoogleKey, cfg.MapboxToken, cfg.OpenAddrBaseURL, cfg.OpenAddrKey, cfg.NominatimURL, log.With().Str("component", "upstream").Logger())
	app := server.New(cfg, tenants.NewStore(), up, cv, log).App()

	go func() { <-ctx.Done(); _ = app.Shutdown() }()
	log.Info().Str("addr", cfg.Addr).Strs("console_issuers", cfg.ConsoleIssuers).Msg("listening")
	if err := app.Listen(cfg.Addr); err != nil {
		log.Fatal().Err(err).Msg("listen")
	}
}
