// Package web is the studio's web API (chi, session cookies).
package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/blind6/studio/internal/db"
)

type Handlers struct {
	DB *db.DB
}

func (h *Handlers) Router() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Recoverer)

	r.Get("/healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }) // NEAR scopecheck s09
	r.Post("/login", h.Login)                                                                 // NEAR scopecheck s10

	r.Group(func(r chi.Router) {
		r.Use(h.RequireSession)
		r.Get("/me", h.Me)          // NEAR scopecheck s11
		r.Post("/logout", h.Logout) // NEAR scopecheck s12

		r.Route("/projects/{projectID}", func(r chi.Router) {
			r.Use(h.ProjectMember)
			r.Get("/", h.GetProject)    // NEAR scopecheck s13
			r.Put("/", h.RenameProject) // NEAR scopecheck s14
		})

		r.Route("/assets", func(r chi.Router) {
			r.Get("/{assetID}", h.GetAsset)                                          // NEAR scopecheck s15
			r.Delete("/{assetID}", h.DeleteAsset)                                    // WANT scopecheck S06
			r.With(rateLimit("renders", 5)).Post("/{assetID}/render", h.RenderAsset) // WANT scopecheck S07
		})

		r.With(h.RequireRole("admin")).Delete("/users/{userID}", h.DeleteUser) // NEAR scopecheck s16
		r.Post("/users/{userID}/role", h.SetUserRole)                          // WANT scopecheck S08
		r.Get("/billing/invoices", h.ListInvoices)                             // WANT scopecheck S09
		r.Get("/billing/my-invoices", h.MyInvoices)                            // NEAR scopecheck s17
	})
	return r
}
