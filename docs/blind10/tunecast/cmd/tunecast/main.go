// Command tunecast serves the tunecast API and runs the nightly library sync.
package main

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"go.uber.org/zap"

	"example.com/blind10/tunecast/internal/api"
	"example.com/blind10/tunecast/internal/auth"
	"example.com/blind10/tunecast/internal/config"
	"example.com/blind10/tunecast/internal/lyrics"
	"example.com/blind10/tunecast/internal/provider"
	"example.com/blind10/tunecast/internal/store"
)

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync() //nolint:errcheck

	cfg, err := config.Load()
	if err != nil {
		logger.Fatal("configuration", zap.Error(err))
	}
	if cfg.Debug {
		logger, _ = zap.NewDevelopment()
		logger.Debug("configuration loaded", zap.Any("config", cfg)) // WANT tokenlog T03
	}

	st := store.New()
	issuer := auth.NewIssuer(cfg.JWTSecret, cfg.RefreshSecrets, cfg.JWTIssuer, logger)
	partners, err := auth.LoadPartnerKeys(cfg.PartnerKeysDir)
	if err != nil {
		logger.Fatal("distributor keys", zap.Error(err))
	}
	linker := provider.NewLinker(cfg, st, logger)
	h := api.New(st, issuer, partners, linker, lyrics.New(cfg.LyricsBaseURL, cfg.LyricsAPIKey), logger)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go refreshLoop(ctx, linker, st)

	srv := &http.Server{Addr: cfg.Addr, Handler: h.Router(), ReadHeaderTimeout: 5 * time.Second}
	go func() { <-ctx.Done(); _ = srv.Close() }()
	logger.Info("listening", zap.String("addr", cfg.Addr), zap.String("public_url", cfg.PublicURL))
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Fatal("serve", zap.Error(err))
	}
}

// refreshLoop renews the provider tokens of every linked account once an hour, so the
// recommendations job always finds a fresh one.
func refreshLoop(ctx context.Context, lk *provider.Linker, st *store.Store) {
	for t := time.NewTicker(time.Hour); ctx.Err() == nil; <-t.C {
		for _, la := range st.LinkedAccounts() {
			if time.Until(la.Expiry) < 70*time.Minute {
				_, _ = lk.Refresh(ctx, la)
			}
		}
	}
}
