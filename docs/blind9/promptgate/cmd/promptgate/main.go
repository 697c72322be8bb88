package main

import (
	"context"
	"flag"
	"log"

	"go.uber.org/zap"

	"example.com/blind9/promptgate/internal/authn"
	"example.com/blind9/promptgate/internal/config"
	"example.com/blind9/promptgate/internal/gateway"
	"example.com/blind9/promptgate/internal/keys"
	"example.com/blind9/promptgate/internal/upstream"
)

func main() {
	cfgPath := flag.String("config", "promptgate.yaml", "configuration file")
	flag.Parse()
	logger, err := zap.NewProduction()
	if err != nil {
		log.Fatal(err)
	}
	defer logger.Sync()
	cfg, err := config.Load(*cfgPath)
	if err != nil {
		logger.Fatal("config", zap.Error(err))
	}
	logger.Info("providers loaded", zap.Any("providers", cfg.Providers)) // WANT tokenlog T10
	v, err := authn.NewVerifier(context.Background(), cfg.JWKSURL, cfg.Issuer, cfg.Audience)
	if err != nil {
		logger.Fatal("jwks", zap.Error(err), zap.String("jwks_url", cfg.JWKSURL))
	}
	gw := gateway.New(cfg, keys.NewStore(), v, upstream.New(logger), logger)
	if err := gw.Router().Run(cfg.Listen); err != nil {
		logger.Fatal("serve", zap.Error(err))
	}
}
