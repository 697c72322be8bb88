package main

import (
	"os"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/sirupsen/logrus"

	"example.com/blind9/paydesk/internal/api"
	"example.com/blind9/paydesk/internal/config"
	"example.com/blind9/paydesk/internal/links"
	"example.com/blind9/paydesk/internal/merchant"
	"example.com/blind9/paydesk/internal/psp"
)

func main() {
	logrus.SetFormatter(&logrus.JSONFormatter{})
	log := logrus.WithField("svc", "paydesk")
	cfg, err := config.Load()
	if err != nil {
		log.WithError(err).Fatal("config")
	}
	if os.Getenv("PAYDESK_DEBUG") != "" {
		logrus.SetLevel(logrus.DebugLevel)
	}
	signer, err := links.NewSigner(cfg.LinkKey)
	if err != nil {
		log.WithError(err).Fatal("link signer")
	}
	client := psp.New(cfg.PSPBaseURL, cfg.PSPSecretKey, cfg.ReportsBaseURL, cfg.ReportsAPIKey, log.WithField("component", "psp"))
	log.WithFields(logrus.Fields{"psp": cfg.PSPBaseURL, "reports": cfg.ReportsBaseURL, "psp_key_prefix": cfg.PSPSecretKey[:min(8, len(cfg.PSPSecretKey))]}).Info("starting") // NEAR tokenlog t18

	e := echo.New()
	e.HideBanner = true
	e.Use(middleware.Recover(), middleware.RequestID())
	api.New(cfg, merchant.NewStore(), client, signer, log).Register(e)
	log.Fatal(e.Start(cfg.Listen))
}
