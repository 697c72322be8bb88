// Package api wires the plugin backend's routes.
package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"go.uber.org/zap"

	"example.com/blind11/canvasplug/internal/designapi"
	"example.com/blind11/canvasplug/internal/exports"
	"example.com/blind11/canvasplug/internal/runtime"
	"example.com/blind11/canvasplug/internal/session"
)

type Plugin struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	DeveloperID string    `json:"developer_id"`
	BundleURL   string    `json:"bundle_url"`
	Status      string    `json:"status"` // draft, pending, approved
	Updated     time.Time `json:"updated"`
}

type API struct {
	Sessions     *session.Manager
	Runtime      *runtime.Auth
	Design       *designapi.Client
	ServiceToken string
	Exports      *exports.Service
	Log          *zap.Logger

	mu      sync.Mutex
	plugins map[string]*Plugin
	members map[string]map[string]string // team -> user -> role
}

func (a *API) Router() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Recoverer)
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })
	r.Get("/marketplace", a.marketplace)
	r.Get("/auth/login", a.Sessions.Login)
	r.Get("/auth/callback", a.Sessions.Callback) // ALT s17
	r.Post("/auth/logout", a.Sessions.Logout)

	r.Route("/api", func(r chi.Router) {
		r.Use(a.Sessions.Require)
		r.Get("/me", a.me)                                           // NEAR scopecheck s18
		r.Get("/files", a.recentFiles)                               // NEAR scopecheck s19
		r.Get("/files/{fileID}/comments", a.comments)                // WANT scopecheck S09
		r.Post("/files/{fileID}/export", a.exportFile)               // NEAR scopecheck s20
		r.Get("/exports/connect", a.connectDrive)                    // NEAR scopecheck s21
		r.Get("/exports/callback", a.driveCallback)                  // NEAR scopecheck s22
		r.Delete("/teams/{teamID}/members/{userID}", a.removeMember) // WANT scopecheck S10
		r.Patch("/plugins/{pluginID}", a.updatePlugin)               // WANT scopecheck S11
		r.Group(func(r chi.Router) {
			r.Use(session.RequireTeamRole("admin"))
			r.Put("/teams/{teamID}/members/{userID}", a.setMemberRole) // NEAR scopecheck s23
		})
	})

	r.Route("/plugin-api", func(r chi.Router) {
		r.Use(a.Runtime.Middleware)
		r.Get("/files/{fileID}/nodes", a.pluginReadNodes)   // NEAR scopecheck s24
		r.Post("/files/{fileID}/nodes", a.pluginWriteNodes) // WANT scopecheck S12
	})

	r.Route("/admin", func(r chi.Router) {
		r.Use(a.Sessions.Require, session.RequireStaff)
		r.Get("/plugins/pending", a.pendingPlugins)            // NEAR scopecheck s25
		r.Post("/plugins/{pluginID}/approve", a.approvePlugin) // NEAR scopecheck s26
	})
	return r
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// marketplace lists approved plugins; public.
func (a *API) marketplace(w http.ResponseWriter, _ *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := []Plugin{}
	for _, p := range a.plugins {
		if p.Status == "approved" {
			out = append(out, *p)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func (a *API) me(w http.ResponseWriter, r *http.Request) {
	s := session.From(r.Context())
	writeJSON(w, http.StatusOK, map[string]any{"user": s.UserID, "email": s.Email, "teams": s.Teams})
}

func (a *API) recentFiles(w http.ResponseWriter, r *http.Request) {
	s := session.From(r.Context())
	tok, err := a.Sessions.Token(r.Context(), s)
	if err != nil {
		http.Error(w, "sign in again", http.StatusUnauthorized)
		return
	}
	files, err := a.Design.RecentFiles(r.Context(), tok)
	if err != nil {
		a.Log.Error("recent files failed", zap.String("user", s.UserID), zap.Error(err)) // WANT tokenlog T10
		http.Error(w, "design API unavailable", http.StatusBadGateway)
		return
	}
	writeJSON(w, http.StatusOK, files)
}

// comments shows a file's comment thread in the plugin's side panel.
func (a *API) comments(w http.ResponseWriter, r *http.Request) {
	fileID := chi.URLParam(r, "fileID")
	cs, err := a.Design.Comments(r.Context(), a.ServiceToken, fileID)
	if err != nil {
		a.Log.Error("comments failed", zap.String("file", fileID), zap.Error(err)) // NEAR tokenlog t11
		http.Error(w, "design API unavailable", http.StatusBadGateway)
		return
	}
	writeJSON(w, http.StatusOK, cs)
}

func (a *API) exportFile(w http.ResponseWriter, r *http.Request) {
	s := session.From(r.Context())
	name, err := a.Exports.Start(r.Context(), exports.Caller{UserID: s.UserID, Teams: s.Teams}, chi.URLParam(r, "fileID"))
	if errors.Is(err, exports.ErrForbidden) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	if err != nil {
		a.Log.Warn("export failed", zap.Error(err))
		http.Error(w, "export failed", http.StatusBadGateway)
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"name": name})
}

func (a *API) connectDrive(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, a.Exports.ConnectURL(), http.StatusFound)
}

func (a *API) driveCallback(w http.ResponseWriter, r *http.Request) {
	a.Exports.Connect(w, r, session.From(r.Context()).UserID)
}

func (a *API) removeMember(w http.ResponseWriter, r *http.Request) {
	team, user := chi.URLParam(r, "teamID"), chi.URLParam(r, "userID")
	a.mu.Lock()
	delete(a.members[team], user)
	a.mu.Unlock()
	a.Log.Info("member removed", zap.String("team", team), zap.String("user", user), zap.String("by", session.From(r.Context()).UserID))
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) setMemberRole(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Role string `json:"role"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || (body.Role != "admin" && body.Role != "editor" && body.Role != "viewer") {
		http.Error(w, "bad role", http.StatusBadRequest)
		return
	}
	team := chi.URLParam(r, "teamID")
	a.mu.Lock()
	if a.members[team] == nil {
		a.members[team] = map[string]string{}
	}
	a.members[team][chi.URLParam(r, "userID")] = body.Role
	a.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// updatePlugin edits a plugin's listing and bundle URL (the code the design tool loads).
func (a *API) updatePlugin(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name      string `json:"name"`
		BundleURL string `json:"bundle_url"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	p, ok := a.plugins[chi.URLParam(r, "pluginID")]
	if !ok {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if body.Name != "" {
		p.Name = body.Name
	}
	if body.BundleURL != "" {
		p.BundleURL, p.Status = body.BundleURL, "pending"
	}
	p.Updated = time.Now()
	writeJSON(w, http.StatusOK, p)
}

func (a *API) pluginReadNodes(w http.ResponseWriter, r *http.Request) {
	c, fileID := runtime.From(r.Context()), chi.URLParam(r, "fileID")
	if !c.CanAccess(fileID) {
		http.Error(w, "plugin not opened on this file", http.StatusForbidden)
		return
	}
	nodes, err := a.Design.Nodes(r.Context(), a.ServiceToken, fileID)
	if err != nil {
		http.Error(w, "design API unavailable", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(nodes)
}

func (a *API) pluginWriteNodes(w http.ResponseWriter, r *http.Request) {
	c, fileID := runtime.From(r.Context()), chi.URLParam(r, "fileID")
	body, err := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	if err != nil || !json.Valid(body) {
		http.Error(w, "bad nodes", http.StatusBadRequest)
		return
	}
	if err := a.Design.PutNodes(r.Context(), a.ServiceToken, fileID, body); err != nil {
		http.Error(w, "design API unavailable", http.StatusBadGateway)
		return
	}
	a.Log.Info("plugin wrote nodes", zap.String("plugin", c.PluginID), zap.String("file", fileID), zap.Int("bytes", len(body)))
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) pendingPlugins(w http.ResponseWriter, _ *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := []Plugin{}
	for _, p := range a.plugins {
		if p.Status == "pending" {
			out = append(out, *p)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func (a *API) approvePlugin(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	p, ok := a.plugins[chi.URLParam(r, "pluginID")]
	if !ok {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	p.Status, p.Updated = "approved", time.Now()
	writeJSON(w, http.StatusOK, p)
}

// New returns an API with empty stores.
func New(sm *session.Manager, rt *runtime.Auth, d *designapi.Client, serviceToken string, ex *exports.Service, log *zap.Logger) *API {
	return &API{Sessions: sm, Runtime: rt, Design: d, ServiceToken: serviceToken, Exports: ex, Log: log,
		plugins: map[string]*Plugin{}, members: map[string]map[string]string{}}
}
