// Package server wires the webhook receivers, the dashboard API and the workflow endpoints.
package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"

	"example.com/blind10/buildhooks/internal/actions"
	"example.com/blind10/buildhooks/internal/config"
	"example.com/blind10/buildhooks/internal/ghapp"
	"example.com/blind10/buildhooks/internal/hooks"
	"example.com/blind10/buildhooks/internal/jenkins"
	"example.com/blind10/buildhooks/internal/policy"
	"example.com/blind10/buildhooks/internal/store"
)

type Server struct {
	cfg     config.Config
	store   *store.Store
	hooks   *hooks.Receiver
	actions *actions.Verifier
	app     *ghapp.App
	jenkins *jenkins.Client
	log     *slog.Logger
}

func New(cfg config.Config, st *store.Store, av *actions.Verifier, app *ghapp.App, jc *jenkins.Client, log *slog.Logger) *Server {
	rc := &hooks.Receiver{GitHubSecret: cfg.GitHubWebhookSecret, GitLabToken: cfg.GitLabToken, GiteaSecret: cfg.GiteaSecret,
		Store: st, Jenkins: jc, Log: log.With("component", "hooks")}
	return &Server{cfg: cfg, store: st, hooks: rc, actions: av, app: app, jenkins: jc, log: log}
}

func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	authn := s.requireSession

	mux.HandleFunc("POST /hooks/github", s.hooks.GitHub) // NEAR scopecheck s15
	mux.HandleFunc("POST /hooks/gitlab", s.hooks.GitLab) // NEAR scopecheck s16
	mux.HandleFunc("POST /hooks/gitea", s.hooks.Gitea)   // NEAR scopecheck s17

	mux.Handle("GET /api/pipelines", authn(http.HandlerFunc(s.listPipelines)))                                     // NEAR scopecheck s18
	mux.Handle("POST /api/pipelines/{id}/retry", authn(http.HandlerFunc(s.retryPipeline)))                         // WANT scopecheck S09
	mux.Handle("GET /api/runs/{id}/log", authn(http.HandlerFunc(s.runLog)))                                        // NEAR scopecheck s19
	mux.Handle("PUT /api/repos/{owner}/{repo}/secrets/{name}", authn(s.requirePerm("secrets:write", s.putSecret))) // NEAR scopecheck s20
	mux.Handle("DELETE /api/repos/{owner}/{repo}/secrets/{name}", authn(http.HandlerFunc(s.deleteSecret)))         // WANT scopecheck S10

	mux.HandleFunc("POST /workflow/deploy", s.deploy)                                 // ALT S11
	mux.HandleFunc("PUT /workflow/artifacts/{owner}/{repo}/{name}", s.uploadArtifact) // ALT s21
	return mux
}

type ctxKey struct{}

func userFrom(r *http.Request) *store.User {
	u, _ := r.Context().Value(ctxKey{}).(*store.User)
	return u
}

// requireSession admits requests with a dashboard session cookie set by the SSO sidecar.
func (s *Server) requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("bh_session")
		if err != nil {
			http.Error(w, "login required", http.StatusUnauthorized)
			return
		}
		u, err := s.store.Session(c.Value)
		if err != nil {
			http.Error(w, "session expired", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, u)))
	})
}

// requirePerm lets the request through when the user may perform perm on the repository in the path.
func (s *Server) requirePerm(perm string, next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !policy.Can(userFrom(r), perm, r.PathValue("owner")+"/"+r.PathValue("repo")) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next(w, r)
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if tok, ok := strings.CutPrefix(h, "Bearer "); ok {
		return tok
	}
	return ""
}
