// Command promptgate runs the inference gateway.
package main

import (
	"os"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/sirupsen/logrus"

	"example.com/blind11/promptgate/internal/api"
	"example.com/blind11/promptgate/internal/config"
	"example.com/blind11/promptgate/internal/keys"
	"example.com/blind11/promptgate/internal/upstream"
)

func main() {
	cfg := config.Load()
	log := logrus.New()
	log.SetFormatter(&logrus.JSONFormatter{})
	if os.Getenv("PROMPTGATE_DEBUG") == "1" {
		log.SetLevel(logrus.DebugLevel)
	}
	log.WithField("config", cfg).Debug("starting promptgate")            // WANT tokenlog T14
	if cfg.PrimaryKey == "" || cfg.PrimaryKey == config.KeyPlaceholder { // NEAR tokenverify v15
		log.Fatal("PROMPTGATE_PRIMARY_KEY is not set")
	}

	primary := upstream.New("openai", cfg.PrimaryURL, cfg.PrimaryKey)
	fallback := upstream.New("inferwell", cfg.FallbackURL, cfg.FallbackKey)
	if os.Getenv("PROMPTGATE_USE_ONPREM") == "1" {
		fallback = upstream.NewOnPrem(cfg.OnPremURL, os.Getenv("PROMPTGATE_ONPREM_KEY"))
	}
	log.WithField("key_prefix", cfg.PrimaryKey[:7]).Info("primary provider configured") // NEAR tokenlog t15

	store := keys.NewStore()
	if cfg.AdminBootstrap != "" {
		_, plain := store.Create("platform", "bootstrap", []string{"admin", "chat", "embeddings"})
		if err := os.WriteFile(cfg.AdminBootstrap, []byte(plain), 0o600); err != nil {
			log.WithError(err).Fatal("writing bootstrap key")
		}
	}

	e := echo.New()
	e.HideBanner = true
	e.Use(middleware.Recover(), middleware.RequestID())
	h := &api.Handler{Keys: store, Primary: primary, Fallback: fallback, WebhookSecret: cfg.WebhookSecret, InternalToken: cfg.InternalToken, Log: log}
	h.Register(e)
	log.Fatal(e.Start(cfg.Addr))
}
