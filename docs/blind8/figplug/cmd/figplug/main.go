// Command figplug is the design-tool plugin backend.
package main

import (
	"net/http"
	"os"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"

	"example.com/blind8/figplug/internal/figma"
	"example.com/blind8/figplug/internal/web"
)

// devPublicURL is used when PUBLIC_URL is unset (local development).
const devPublicURL = "http://localhost:3000" // NEAR plainhttp p06

// exportPAT is the personal access token of the export bot account.
const exportPAT = "dhp_4f7Kx2Mq9Lz8Vb3Nw6Rt1Yc5Hj0Pd" // WANT hardcodedcred H07

func main() {
	logger := log.NewJSONLogger(log.NewSyncWriter(os.Stderr))
	logger = log.With(logger, "ts", log.DefaultTimestampUTC, "svc", "figplug")
	pub := os.Getenv("PUBLIC_URL")
	if pub == "" {
		pub = devPublicURL
	}
	conf := web.NewConfig(pub)
	level.Info(logger).Log("msg", "oauth", "client_id", conf.ClientID, "redirect", conf.RedirectURL) // NEAR tokenlog t31
	level.Debug(logger).Log("msg", "oauth config", "conf", conf)                                     // WANT tokenlog T20
	s := &web.Server{Conf: conf, Store: web.NewStore(), Logger: logger,
		AllowedHosts: map[string]bool{"www.designhub.com": true}, PublicURL: pub}
	_ = figma.PersonalAccessClient(exportPAT, logger)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /oauth/login", s.Login)
	mux.HandleFunc("GET /oauth/callback", s.Callback)
	mux.HandleFunc("GET /oauth/install", s.Install)
	mux.HandleFunc("GET /oauth/logout", s.Logout)
	mux.HandleFunc("POST /oauth/reauth", s.Reauth)
	mux.HandleFunc("GET /oauth/export/callback", s.ExportCallback)
	mux.HandleFunc("GET /api/me", s.API)
	level.Error(logger).Log("err", http.ListenAndServe(":3000", mux))
}
