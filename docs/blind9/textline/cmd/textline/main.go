package main

import (
	"context"
	"log"
	"net/http"
	"time"

	"example.com/blind9/textline/internal/api"
	"example.com/blind9/textline/internal/carrier"
	"example.com/blind9/textline/internal/config"
)

func main() {
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)
	cfg := config.Parse()
	ctx := context.Background()
	cc := carrier.New(ctx, cfg.CarrierAPI, cfg.CarrierTokenURL, cfg.CarrierClientID, cfg.CarrierSecret).
		WithLegacy(cfg.LegacyGatewayURL, cfg.LegacyGatewayUser, cfg.LegacyGatewayPass)
	if err := cc.Warm(); err != nil {
		log.Fatalf("carrier: %v", err) // ALT T23
	}
	log.Printf("textline listening on %s (carrier %s, legacy gateway user %s)", cfg.Listen, cfg.CarrierAPI, cfg.LegacyGatewayUser) // NEAR tokenlog t22
	srv := &http.Server{Addr: cfg.Listen, Handler: api.New(cfg, cc).Router(), ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
