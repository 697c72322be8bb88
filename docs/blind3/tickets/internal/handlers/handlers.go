// Package handlers holds the ticket API handlers.
package handlers

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/blind3/tickets/internal/authn"
	"example.com/blind3/tickets/internal/repo"
)

// Handlers serves the ticket API.
type Handlers struct {
	Auth *authn.Middleware
	Repo *repo.Repo
}

// Router builds the routes.
func (h *Handlers) Router() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Recoverer)
	r.Get("/health", h.Health) // NEAR scopecheck s11
	r.Post("/login", h.Login)  // NEAR scopecheck s12

	r.Group(func(r chi.Router) {
		r.Use(h.Auth.Required)
		r.Get("/me", h.Me)                                              // NEAR scopecheck s13
		r.Get("/me/tickets", h.MyTickets)                               // NEAR scopecheck s14
		r.Post("/tickets/{id}/close", h.CloseTicket)                    // WANT scopecheck S07
		r.Delete("/tickets/{id}", h.DeleteTicket)                       // WANT scopecheck S08
		r.With(authn.AgentsOnly).Post("/tickets/{id}/assign", h.Assign) // NEAR scopecheck s15
		r.Post("/tickets/{id}/comments", h.Comment)                     // NEAR scopecheck s16
		r.Post("/tickets/{id}/reopen", h.Reopen)                        // WANT scopecheck S09
		r.Route("/admin", func(r chi.Router) {
			r.Use(h.requireAdmin)
			r.Post("/purge", h.Purge) // NEAR scopecheck s17
		})
	})

	r.Route("/api/v2", func(r chi.Router) {
		r.Use(h.Auth.Required)
		r.Put("/tickets/{id}/priority", h.SetPriority)                                       // WANT scopecheck S10
		r.With(authn.RequireScope("tickets:write")).Put("/tickets/{id}/status", h.SetStatus) // NEAR scopecheck s18
	})

	r.With(h.Auth.Required).Post("/exports", h.ExportAll)  // WANT scopecheck S11
	r.With(h.Auth.Optional).Get("/kb/{slug}", h.KBArticle) // NEAR scopecheck s19
	return r
}

func (h *Handlers) requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u := authn.UserFrom(r.Context()); u == nil || !u.IsAdmin {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// Health answers liveness probes.
func (h *Handlers) Health(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }

// Login checks a password and sets the session cookie.
func (h *Handlers) Login(w http.ResponseWriter, r *http.Request) {
	email, pass := r.PostFormValue("email"), r.PostFormValue("password")
	var id, hash string
	if err := h.Repo.DB.QueryRowContext(r.Context(), `SELECT id, password_hash FROM users WHERE email = $1`, email).Scan(&id, &hash); err != nil || hash == "" || pass == "" {
		http.Error(w, "invalid login", http.StatusUnauthorized)
		return
	}
	sid := strconv.FormatInt(time.Now().UnixNano(), 36)
	if err := h.Repo.Exec(r.Context(), `INSERT INTO sessions (id, user_id) VALUES ($1, $2)`, sid, id); err != nil {
		http.Error(w, "session", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid, HttpOnly: true, Secure: true, Path: "/"})
}

// Me returns the caller.
func (h *Handlers) Me(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, authn.UserFrom(r.Context()))
}

// MyTickets lists the caller's own tickets.
func (h *Handlers) MyTickets(w http.ResponseWriter, r *http.Request) {
	ts, err := h.Repo.ListByReporter(r.Context(), authn.UserFrom(r.Context()).ID)
	if err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
		return
	}
	writeJSON(w, ts)
}

// CloseTicket closes any ticket.
func (h *Handlers) CloseTicket(w http.ResponseWriter, r *http.Request) {
	if err := h.Repo.Exec(r.Context(), `UPDATE tickets SET status = 'closed' WHERE id = $1`, chi.URLParam(r, "id")); err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
	}
}

// DeleteTicket deletes any ticket.
func (h *Handlers) DeleteTicket(w http.ResponseWriter, r *http.Request) {
	if err := h.Repo.Exec(r.Context(), `DELETE FROM tickets WHERE id = $1`, chi.URLParam(r, "id")); err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
	}
}

// Assign assigns a ticket to an agent.
func (h *Handlers) Assign(w http.ResponseWriter, r *http.Request) {
	h.Repo.Exec(r.Context(), `UPDATE tickets SET assignee_id = $2 WHERE id = $1`, chi.URLParam(r, "id"), r.PostFormValue("agent"))
}

// Comment adds a comment when the caller reported the ticket or is an agent.
func (h *Handlers) Comment(w http.ResponseWriter, r *http.Request) {
	u := authn.UserFrom(r.Context())
	t, err := h.Repo.Get(r.Context(), chi.URLParam(r, "id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if t.ReporterID != u.ID && !u.IsAgent {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	h.Repo.Exec(r.Context(), `INSERT INTO comments (ticket_id, author_id, body) VALUES ($1, $2, $3)`, t.ID, u.ID, r.PostFormValue("body"))
}

// Reopen reopens a ticket; it loads the ticket but never compares owners.
func (h *Handlers) Reopen(w http.ResponseWriter, r *http.Request) {
	u := authn.UserFrom(r.Context())
	t, err := h.Repo.Get(r.Context(), chi.URLParam(r, "id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	h.Repo.Exec(r.Context(), `UPDATE tickets SET status = 'open', reopened_by = $2 WHERE id = $1`, t.ID, u.ID)
}

// Purge deletes closed tickets.
func (h *Handlers) Purge(w http.ResponseWriter, r *http.Request) {
	h.Repo.Exec(r.Context(), `DELETE FROM tickets WHERE status = 'closed'`)
}

// SetPriority changes a ticket's priority.
func (h *Handlers) SetPriority(w http.ResponseWriter, r *http.Request) {
	p, _ := strconv.Atoi(r.URL.Query().Get("p"))
	h.Repo.Exec(r.Context(), `UPDATE tickets SET priority = $2 WHERE id = $1`, chi.URLParam(r, "id"), p)
}

// SetStatus changes a ticket's status.
func (h *Handlers) SetStatus(w http.ResponseWriter, r *http.Request) {
	h.Repo.Exec(r.Context(), `UPDATE tickets SET status = $2 WHERE id = $1`, chi.URLParam(r, "id"), r.URL.Query().Get("s"))
}

// ExportAll exports every ticket of every customer.
func (h *Handlers) ExportAll(w http.ResponseWriter, r *http.Request) {
	rows, err := h.Repo.DB.QueryContext(r.Context(), `SELECT id, reporter_id, title FROM tickets`)
	if err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var out []repo.Ticket
	for rows.Next() {
		var t repo.Ticket
		rows.Scan(&t.ID, &t.ReporterID, &t.Title)
		out = append(out, t)
	}
	writeJSON(w, out)
}

// KBArticle shows a public knowledge-base article, personalised when logged in.
func (h *Handlers) KBArticle(w http.ResponseWriter, r *http.Request) {
	var title string
	h.Repo.DB.QueryRowContext(r.Context(), `SELECT title FROM kb WHERE slug = $1`, chi.URLParam(r, "slug")).Scan(&title)
	writeJSON(w, map[string]any{"title": title, "logged_in": authn.UserFrom(r.Context()) != nil})
}
