// Command pingwire serves the chat and notification API.
package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"example.com/blind11/pingwire/internal/auth"
	"example.com/blind11/pingwire/internal/chat"
	"example.com/blind11/pingwire/internal/config"
	"example.com/blind11/pingwire/internal/notify"
)

func main() {
	cfg := config.Load()
	log.SetFlags(log.LstdFlags | log.LUTC)

	issuers := map[string]string{cfg.IdPIssuer: cfg.IdPJWKSFile}
	if p := os.Getenv("PINGWIRE_PARTNER_ISSUER"); p != "" {
		issuers[p] = os.Getenv("PINGWIRE_PARTNER_JWKS")
	}
	v, err := auth.NewVerifier(issuers, cfg.TicketKey)
	if err != nil {
		log.Fatalf("loading IdP keys: %v", err)
	}
	push := notify.NewPush(notify.PushConfig{URL: cfg.PushURL, ServerKey: cfg.PushServerKey, Timeout: 10 * time.Second})
	_ = notify.NewSMS(notify.SMSConfig{BaseURL: cfg.SMSBaseURL, Account: cfg.SMSAccount, Password: cfg.SMSPassword})

	api := &chat.API{Store: chat.NewStore(), Verifier: v, Push: push}
	log.Printf("pingwire listening on %s", cfg.Addr)
	log.Fatal(http.ListenAndServe(cfg.Addr, api.Routes()))
}
