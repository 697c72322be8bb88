package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"example.com/blind9/clipforge/internal/admin"
	"example.com/blind9/clipforge/internal/api"
	"example.com/blind9/clipforge/internal/config"
	"example.com/blind9/clipforge/internal/encoder"
	"example.com/blind9/clipforge/internal/store"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "config:", err)
		os.Exit(2)
	}
	level := slog.LevelInfo
	if cfg.Debug {
		level = slog.LevelDebug
		fmt.Fprintf(os.Stderr, "effective config: %+v\n", cfg) // WANT tokenlog T01
	}
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: level}))
	logger.Info("starting clipforge", "config", cfg) // NEAR tokenlog t01

	st := store.NewMem()
	enc := encoder.New(encoder.Options{
		BaseURL:      cfg.EncoderBaseURL,
		TokenID:      cfg.EncoderTokenID,
		TokenSecret:  cfg.EncoderSecret,
		AnalyticsURL: cfg.AnalyticsURL,
		AnalyticsKey: cfg.AnalyticsKey,
	}, logger.With("component", "encoder"))

	srv := &http.Server{Addr: cfg.ListenAddr, Handler: api.New(cfg, st, enc, logger).Routes()}
	adm := &http.Server{Addr: cfg.AdminAddr, Handler: admin.New(cfg.AdminToken, st, logger).Handler()}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { logger.Error("admin listener", "err", adm.ListenAndServe()) }()
	go func() { <-ctx.Done(); _ = srv.Shutdown(context.Background()); _ = adm.Close() }()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Error("listener stopped", "err", err)
		os.Exit(1)
	}
}
