// Command billingd serves the billing API.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"go.uber.org/zap"

	"example.com/blind3/billing/internal/server"
	"example.com/blind3/billing/internal/store"
	"example.com/blind3/billing/internal/stripe"
)

func main() {
	logger, err := zap.NewProduction()
	if err != nil {
		log.Fatal(err)
	}
	defer logger.Sync()

	dbCfg := store.Config{
		Host:     os.Getenv("DB_HOST"),
		User:     os.Getenv("DB_USER"),
		Password: os.Getenv("DB_PASSWORD"),
		Name:     "billing",
	}
	logger.Sugar().Infof("db config: %+v", dbCfg) // WANT tokenlog T08
	st, err := store.Open(dbCfg)
	if err != nil {
		logger.Fatal("store", zap.Error(err))
	}

	key := os.Getenv("STRIPE_SECRET_KEY")
	fmt.Fprintf(os.Stderr, "billingd: stripe key %s...%s\n", key[:7], key[len(key)-4:]) // NEAR tokenlog t13
	sc := stripe.New("https://api.stripe.example", key, logger)

	cfg := server.Config{
		Addr:          ":8080",
		WebhookSecret: os.Getenv("STRIPE_WEBHOOK_SECRET"),
		AdminToken:    os.Getenv("BILLING_ADMIN_TOKEN"),
		TokenTTL:      15 * time.Minute,
		Debug:         os.Getenv("DEBUG") != "",
	}
	if cfg.Debug {
		fmt.Printf("billingd: admin token %s\n", cfg.AdminToken) // WANT tokenlog T09
	}
	srv := server.New(cfg, logger, st, sc)
	if err := http.ListenAndServe(cfg.Addr, srv.Routes()); err != nil {
		logger.Fatal("serve", zap.Error(err))
	}
}
