// Command canvasplug serves the plugin backend.
package main

import (
	"context"
	"net/http"
	"os"

	"github.com/coreos/go-oidc/v3/oidc"
	"go.uber.org/zap"
	"golang.org/x/oauth2"

	"example.com/blind11/canvasplug/internal/api"
	"example.com/blind11/canvasplug/internal/config"
	"example.com/blind11/canvasplug/internal/designapi"
	"example.com/blind11/canvasplug/internal/exports"
	"example.com/blind11/canvasplug/internal/runtime"
	"example.com/blind11/canvasplug/internal/session"
)

func main() {
	cfg := config.Load()
	log, _ := zap.NewProduction()
	if cfg.Dev {
		log, _ = zap.NewDevelopment()
	}
	defer log.Sync()
	ctx := context.Background()

	sm, err := session.New(ctx, cfg.Issuer, cfg.ClientID, cfg.ClientSecret, cfg.PublicURL, log)
	if err != nil {
		log.Fatal("oidc provider", zap.String("issuer", cfg.Issuer), zap.Error(err))
	}
	provider, err := oidc.NewProvider(ctx, cfg.Issuer)
	if err != nil {
		log.Fatal("oidc provider", zap.Error(err))
	}
	design := designapi.New(cfg.DesignAPI)
	serviceToken := os.Getenv("CANVASPLUG_SERVICE_TOKEN")
	ex := &exports.Service{
		Design: design, ServiceToken: serviceToken, Log: log,
		Drive: &oauth2.Config{
			ClientID: cfg.DriveClientID, ClientSecret: cfg.DriveClientSecret,
			Endpoint:    oauth2.Endpoint{AuthURL: cfg.DriveAuthURL, TokenURL: cfg.DriveTokenURL},
			RedirectURL: cfg.PublicURL + "/api/exports/callback",
			Scopes:      []string{"files.write"},
		},
	}
	a := api.New(sm, runtime.New(provider, log), design, serviceToken, ex, log)
	log.Info("listening", zap.String("addr", cfg.Addr), zap.String("issuer", cfg.Issuer))
	if err := http.ListenAndServe(cfg.Addr, a.Router()); err != nil {
		log.Fatal("server", zap.Error(err))
	}
}
