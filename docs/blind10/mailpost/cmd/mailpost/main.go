// Command mailpost serves the mail sending API.
package main

import (
	"os"

	"github.com/sirupsen/logrus"

	"example.com/blind10/mailpost/internal/api"
	"example.com/blind10/mailpost/internal/config"
	"example.com/blind10/mailpost/internal/keys"
	"example.com/blind10/mailpost/internal/relay"
	"example.com/blind10/mailpost/internal/store"
)

func main() {
	log := logrus.New()
	log.SetOutput(os.Stdout)
	cfg, err := config.Load()
	if err != nil {
		log.WithError(err).Fatal("configuration")
	}
	if cfg.Debug {
		log.SetLevel(logrus.DebugLevel)
	}
	primary := relay.New(relay.Provider{Name: "mailforge", BaseURL: cfg.RelayBaseURL, APIKey: cfg.RelayAPIKey, Domain: cfg.RelayDomain}, log)
	fallback := relay.New(relay.Provider{Name: "sendgrid", BaseURL: "https://api.sendgrid.com/v3", APIKey: cfg.FallbackKey, Bearer: true}, log)

	srv := api.New(cfg, store.New(), keys.NewRegistry(), primary, fallback, log)
	log.WithFields(logrus.Fields{"addr": cfg.Addr, "relay": cfg.RelayBaseURL, "dev_inbox": cfg.DevInboxURL}).Info("listening")
	if err := srv.Echo().Start(cfg.Addr); err != nil {
		log.WithError(err).Fatal("serve")
	}
}
