// Package web wires the browser-facing routes.
package web

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/rs/zerolog"

	"example.com/blind9/canvasly/internal/config"
	"example.com/blind9/canvasly/internal/figma"
	"example.com/blind9/canvasly/internal/login"
	"example.com/blind9/canvasly/internal/plugin"
	"example.com/blind9/canvasly/internal/session"
)

type Comment struct {
	ID       string `json:"id"`
	TeamID   string `json:"team_id"`
	Body     string `json:"body"`
	Resolved bool   `json:"resolved"`
}

type App struct {
	cfg      *config.Config
	sessions *session.Store
	login    *login.Handler
	plugins  *plugin.API
	log      zerolog.Logger

	mu        sync.Mutex
	comments  map[string]*Comment
	libraries map[string]string // library id -> team id
	members   map[string]map[string]string
	installed map[string][]string
}

func New(cfg *config.Config, st *session.Store, lh *login.Handler, pa *plugin.API, log zerolog.Logger) *App {
	return &App{cfg: cfg, sessions: st, login: lh, plugins: pa, log: log,
		comments: map[string]*Comment{}, libraries: map[string]string{},
		members: map[string]map[string]string{}, installed: map[string][]string{}}
}

// audit records who did what; the action name is only a label.
func (a *App) audit(action string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s := session.From(r.Context())
			a.log.Info().Str("action", action).Str("user", s.UserID).Str("path", r.URL.Path).Msg("audit")
			next.ServeHTTP(w, r)
		})
	}
}

// requireTeamMember lets only members of the team in the path through.
func requireTeamMember(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s := session.From(r.Context()); s == nil || !s.InTeam(chi.URLParam(r, "teamID")) {
			http.Error(w, "not a member of this team", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *App) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Recoverer)

	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) }) // NEAR scopecheck s13
	r.Get("/auth/login", a.login.Login)
	r.Get("/auth/callback", a.login.Callback) // NEAR scopecheck s14
	r.Post("/auth/logout", a.login.Logout)
	r.Post("/hooks/figma", a.figmaWebhook) // NEAR scopecheck s15
	r.Mount("/plugin-api", a.plugins.Router())

	r.Group(func(r chi.Router) {
		r.Use(a.sessions.Require)
		r.Get("/figma/connect", a.login.ConnectFigma)
		r.Get("/figma/callback", a.login.FigmaCallback) // NEAR scopecheck s16
		r.Post("/embed/session", a.embedSession)        // NEAR scopecheck s17
		r.Get("/api/me", a.me)                          // NEAR scopecheck s18

		r.Route("/api/teams/{teamID}", func(r chi.Router) {
			r.Use(requireTeamMember)
			r.Get("/files/{fileKey}", a.fileInfo) // NEAR scopecheck s19
			r.Post("/libraries", a.createLibrary) // NEAR scopecheck s20
		})
		r.Put("/api/teams/{teamID}/members/{userID}", a.setMemberRole)                        // WANT scopecheck S07
		r.Post("/api/comments/{id}/resolve", a.resolveComment)                                // WANT scopecheck S08
		r.Delete("/api/libraries/{libID}", a.deleteLibrary)                                   // WANT scopecheck S09
		r.With(a.audit("plugins.install")).Post("/api/plugins/{id}/install", a.installPlugin) // WANT scopecheck S10
		r.With(session.RequireRole("billing-admin")).Put("/api/billing/seats", a.setSeats)    // NEAR scopecheck s21
		r.Post("/api/libraries/{libID}/publish", a.publishLibrary)                            // NEAR scopecheck s22
	})
	return r
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (a *App) me(w http.ResponseWriter, r *http.Request) {
	s := session.From(r.Context())
	writeJSON(w, map[string]any{"user": s.UserID, "email": s.Email, "teams": s.Teams, "figma": s.FigmaToken != ""})
}

// embedSession sets the cookie the embedded viewer (an iframe on customers' wikis) sends.
func (a *App) embedSession(w http.ResponseWriter, r *http.Request) {
	s := session.From(r.Context())
	http.SetCookie(w, &http.Cookie{Name: "cv_embed", Value: s.ID, Path: "/embed", HttpOnly: true, // WANT credexposure C03
		SameSite: http.SameSiteNoneMode, Expires: time.Now().Add(8 * time.Hour)})
	w.WriteHeader(http.StatusNoContent)
}

func (a *App) fileInfo(w http.ResponseWriter, r *http.Request) {
	s := session.From(r.Context())
	fileKey := chi.URLParam(r, "fileKey")
	cacheKey := "figma:file:" + fileKey
	a.log.Debug().Str("cache_key", cacheKey).Msg("file lookup") // NEAR tokenlog t12
	f, err := figma.New(s.FigmaToken).File(fileKey)
	if err != nil {
		a.log.Error().Err(err).Str("file", fileKey).Msg("figma")
		http.Error(w, "figma unavailable", http.StatusBadGateway)
		return
	}
	writeJSON(w, f)
}
