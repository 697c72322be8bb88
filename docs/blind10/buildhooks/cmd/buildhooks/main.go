// Command buildhooks receives CI webhooks and serves the pipelines dashboard API.
package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"time"

	"example.com/blind10/buildhooks/internal/actions"
	"example.com/blind10/buildhooks/internal/config"
	"example.com/blind10/buildhooks/internal/ghapp"
	"example.com/blind10/buildhooks/internal/jenkins"
	"example.com/blind10/buildhooks/internal/server"
	"example.com/blind10/buildhooks/internal/store"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	cfg, err := config.Load()
	if err != nil {
		log.Error("configuration", "err", err)
		os.Exit(1)
	}
	ctx := context.Background()
	av, err := actions.New(ctx, cfg.PublicURL)
	if err != nil {
		log.Error("github actions oidc discovery", "err", err)
		os.Exit(1)
	}
	app, err := ghapp.New(cfg.GitHubAppID, cfg.GitHubAppKey, cfg.GitHubAPIURL, log.With("component", "ghapp"))
	if err != nil {
		log.Error("github app", "err", err)
		os.Exit(1)
	}
	srv := server.New(cfg, store.New(), av, app, jenkins.New(cfg.JenkinsURL, cfg.JenkinsTrigger), log)
	log.Info("listening", "addr", cfg.Addr, "github_api", cfg.GitHubAPIURL, "jenkins", cfg.JenkinsURL)
	hs := &http.Server{Addr: cfg.Addr, Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	if err := hs.ListenAndServe(); err != nil {
		log.Error("serve", "err", err)
		os.Exit(1)
	}
}
