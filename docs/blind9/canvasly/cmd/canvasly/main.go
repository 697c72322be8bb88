package main

import (
	"context"
	"net/http"
	"os"
	"time"

	"github.com/rs/zerolog"

	"example.com/blind9/canvasly/internal/config"
	"example.com/blind9/canvasly/internal/login"
	"example.com/blind9/canvasly/internal/plugin"
	"example.com/blind9/canvasly/internal/session"
	"example.com/blind9/canvasly/internal/web"
)

func main() {
	cfg := config.Load()
	log := zerolog.New(os.Stdout).With().Timestamp().Str("svc", "canvasly").Logger()
	if cfg.Dev {
		log = log.Level(zerolog.DebugLevel)
	} else {
		log = log.Level(zerolog.InfoLevel)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	st := session.NewStore(log)
	lh, err := login.New(ctx, cfg, st, log)
	if err != nil {
		log.Fatal().Err(err).Str("issuer", cfg.OIDCIssuer).Msg("oidc discovery")
	}
	app := web.New(cfg, st, lh, plugin.New(lh.PluginVerifier(), log), log)
	log.Info().Str("listen", cfg.Listen).Str("public_url", cfg.PublicURL).Bool("dev", cfg.Dev).Msg("canvasly up")
	if err := http.ListenAndServe(cfg.Listen, app.Routes()); err != nil {
		log.Fatal().Err(err).Msg("serve")
	}
}
