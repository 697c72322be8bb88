// Package api serves the public clipforge REST API.
package api

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"example.com/blind9/clipforge/internal/auth"
	"example.com/blind9/clipforge/internal/config"
	"example.com/blind9/clipforge/internal/encoder"
	"example.com/blind9/clipforge/internal/store"
)

type Server struct {
	store    store.Store
	verifier *auth.Verifier
	enc      *encoder.Client
	cfg      config.Config
	log      *slog.Logger
}

func New(cfg config.Config, st store.Store, enc *encoder.Client, log *slog.Logger) *Server {
	return &Server{
		store:    st,
		verifier: auth.NewVerifier(cfg.JWTSecret, cfg.JWTAudience, log),
		enc:      enc,
		cfg:      cfg,
		log:      log,
	}
}

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	authn := s.verifier.Authenticate
	scoped := func(scope string, h http.HandlerFunc) http.Handler {
		return authn(auth.RequireScope(scope)(h))
	}

	mux.HandleFunc("GET /healthz", s.healthz)                                         // NEAR scopecheck s03
	mux.HandleFunc("POST /v1/hooks/encoder", s.encoderWebhook)                        // NEAR scopecheck s04
	mux.HandleFunc("POST /v1/ingest/authorize", s.ingestAuthorize)                    // ALT s02
	mux.Handle("GET /v1/me", authn(http.HandlerFunc(s.whoami)))                       // NEAR scopecheck s05
	mux.Handle("GET /v1/videos", authn(http.HandlerFunc(s.listVideos)))               // NEAR scopecheck s06
	mux.Handle("GET /v1/videos/{id}", authn(http.HandlerFunc(s.getVideo)))            // NEAR scopecheck s07
	mux.Handle("POST /v1/videos/{id}/publish", scoped("videos:publish", s.publish))   // NEAR scopecheck s08
	mux.Handle("GET /v1/videos/{id}/stats", authn(http.HandlerFunc(s.videoStats)))    // WANT scopecheck S01
	mux.Handle("DELETE /v1/videos/{id}", authn(http.HandlerFunc(s.deleteVideo)))      // WANT scopecheck S02
	mux.Handle("PUT /v1/channels/{id}/branding", authn(http.HandlerFunc(s.branding))) // WANT scopecheck S03
	mux.Handle("POST /v1/live/{id}/stream-key", authn(http.HandlerFunc(s.rotateKey))) // WANT scopecheck S04
	mux.HandleFunc("POST /v1/embed-tokens/revoke", s.revokeEmbedToken)                // ALT S05
	mux.HandleFunc("PUT /v1/videos/{id}/captions", s.uploadCaptions)                  // ALT s09
	return mux
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	w.Write([]byte("ok"))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) whoami(w http.ResponseWriter, r *http.Request) {
	c, _ := auth.FromContext(r.Context())
	writeJSON(w, http.StatusOK, map[string]any{"sub": c.Subject, "scope": c.Scope, "channel": c.Channel})
}
