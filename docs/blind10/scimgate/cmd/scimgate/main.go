// Command scimgate serves SCIM provisioning and the admin console.
package main

import (
	"context"
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"go.uber.org/zap"

	"example.com/blind10/scimgate/internal/audit"
	"example.com/blind10/scimgate/internal/config"
	"example.com/blind10/scimgate/internal/console"
	"example.com/blind10/scimgate/internal/scim"
	"example.com/blind10/scimgate/internal/tenants"
)

func main() {
	zl, _ := zap.NewProduction()
	log := zl.Sugar()
	defer func() { _ = log.Sync() }()

	cfg, err := config.Load()
	if err != nil {
		log.Fatalw("configuration", "err", err)
	}
	st := tenants.New()
	ex := audit.NewExporter(func(string) []tenants.AuditEvent { return nil })
	con, err := console.New(context.Background(), cfg, st, ex, log.Named("console"))
	if err != nil {
		log.Fatalw("oidc discovery", "issuer", cfg.OIDCIssuer, "err", err)
	}

	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.RealIP, middleware.Recoverer)
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) })
	scim.New(st, cfg.BootstrapSCIMToken, cfg.BootstrapTenant, log.Named("scim")).Routes(r)
	con.Routes(r)

	log.Infow("listening", "addr", cfg.Addr, "issuer", cfg.OIDCIssuer, "bootstrap_tenant", cfg.BootstrapTenant)
	srv := &http.Server{Addr: cfg.Addr, Handler: r, ReadHeaderTimeout: 5 * time.Second}
	if err := srv.ListenAndServe(); err != nil {
		log.Errorw("serve", "err", err)
		os.Exit(1)
	}
}
