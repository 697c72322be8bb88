// Command reelpress serves the transcoding API.
package main

import (
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	"example.com/blind11/reelpress/internal/cdn"
	"example.com/blind11/reelpress/internal/config"
	"example.com/blind11/reelpress/internal/httpapi"
	"example.com/blind11/reelpress/internal/jobs"
	"example.com/blind11/reelpress/internal/storage"
	"example.com/blind11/reelpress/internal/tenants"
)

func main() {
	cfg := config.Load()
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	log := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: level}))

	reg := tenants.NewRegistry()
	if os.Getenv("REELPRESS_DEMO") == "1" {
		t, key := reg.Seed("Demo Studio", "trial", "https://demo.example.com/hooks/reelpress", os.Getenv("REELPRESS_DEMO_WEBHOOK_SECRET"))
		log.Info("demo tenant", "tenant", t)                              // NEAR tokenlog t08
		log.Debug("demo tenant seeded", "tenant", fmt.Sprintf("%+v", *t)) // WANT tokenlog T07
		fmt.Fprintf(os.Stderr, "demo api key written to %s\n", writeDemoKey(key))
	}

	ps := &storage.Presigner{Endpoint: cfg.StorageEndpoint, Region: cfg.StorageRegion, Bucket: cfg.StorageBucket, AccessKey: cfg.AccessKeyID, SecretKey: cfg.SecretAccessKey, Log: log}
	farm := &jobs.Farm{URL: os.Getenv("REELPRESS_FARM_URL"), Token: os.Getenv("REELPRESS_FARM_TOKEN"), Callback: cfg.PublicURL, HTTP: &http.Client{Timeout: 20 * time.Second}, Log: log}
	srv := httpapi.New(reg, jobs.NewStore(), farm, ps, cdn.New(cfg.CDNAPIBase, cfg.CDNToken, log), cfg.OpsKey, log)

	log.Info("listening", "addr", cfg.Addr)
	if err := http.ListenAndServe(cfg.Addr, srv.Routes()); err != nil {
		log.Error("server stopped", "err", err)
		os.Exit(1)
	}
}

func writeDemoKey(key string) string {
	p := os.TempDir() + "/reelpress-demo-key"
	_ = os.WriteFile(p, []byte(key+"\n"), 0o600)
	return p
}
