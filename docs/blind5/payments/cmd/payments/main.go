package main

import (
	"database/sql"
	"log/slog"
	"net/http"
	"os"

	_ "github.com/lib/pq"

	"example.com/blind5/payments/internal/config"
	"example.com/blind5/payments/internal/httpapi"
	"example.com/blind5/payments/internal/psp"
)

type dbKeys struct{ db *sql.DB }

func (k dbKeys) Lookup(key string) (string, bool) {
	var id string
	err := k.db.QueryRow(`SELECT merchant_id FROM api_keys WHERE key_hash = encode(sha256($1::bytea), 'hex')`, key).Scan(&id)
	return id, err == nil
}

func main() {
	slog.SetDefault(slog.New(slog.NewJSONHandler(os.Stdout, nil)))
	cfg, err := config.Load()
	if err != nil {
		slog.Error("config", "err", err)
		os.Exit(1)
	}
	slog.Info("starting payments", "listen", cfg.Listen, "db", cfg.RedactedDSN(), "psp", cfg.PSPBaseURL) // NEAR tokenlog t11
	slog.Debug("configuration", "config", cfg)                                                           // WANT tokenlog T08

	db, err := sql.Open("postgres", cfg.DatabaseURL)
	if err == nil {
		err = db.Ping()
	}
	if err != nil {
		slog.Error("database unavailable", "dsn", cfg.DatabaseURL, "err", err) // WANT tokenlog T09
		os.Exit(1)
	}
	client := psp.New(cfg.PSPBaseURL, cfg.PSPAPIKey, cfg.PayoutClientID, cfg.PayoutClientSecret, cfg.Sandbox, slog.Default())
	srv := &httpapi.Server{Log: slog.Default(), Keys: dbKeys{db}, PSP: client, WebhookSecret: []byte(cfg.WebhookSecret)}
	if err := http.ListenAndServe(cfg.Listen, srv.Routes()); err != nil {
		slog.Error("server stopped", "err", err)
	}
}
