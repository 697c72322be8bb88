// Package chiapp is an organisation API on chi, with JWT claims put in
// the context by a middleware, routes in Group, Route and With blocks,
// and a sub-router mounted from a function.
package chiapp

import (
	"context"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/golang-jwt/jwt/v5"
)

type claims struct {
	jwt.RegisteredClaims
	Permissions []string `json:"permissions"`
}

type claimsKey int

const theClaims claimsKey = 0

var signingKey = []byte("from-config")

type OrgStore interface {
	DeleteOrg(ctx context.Context, id string) error
	UpdateOrg(ctx context.Context, id string, name string) error
	AddMember(ctx context.Context, org, user string) error
	ListInvoices(ctx context.Context, org string) ([]string, error)
	RefundInvoice(ctx context.Context, id string) error
}

type orgs struct {
	m map[string]string
}

func (o *orgs) DeleteOrg(ctx context.Context, id string) error { delete(o.m, id); return nil }
func (o *orgs) UpdateOrg(ctx context.Context, id, name string) error {
	o.m[id] = name
	return nil
}
func (o *orgs) AddMember(ctx context.Context, org, user string) error {
	o.m[org+"/"+user] = user
	return nil
}
func (o *orgs) ListInvoices(ctx context.Context, org string) ([]string, error) {
	return []string{o.m[org]}, nil
}
func (o *orgs) RefundInvoice(ctx context.Context, id string) error { delete(o.m, id); return nil }

type Handlers struct {
	store OrgStore
}

func JWT(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		header := r.Header.Get("Authorization")
		if !strings.HasPrefix(header, "Bearer ") {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var c claims
		_, err := jwt.ParseWithClaims(header[len("Bearer "):], &c, func(t *jwt.Token) (interface{}, error) {
			return signingKey, nil
		}, jwt.WithValidMethods([]string{"HS256"}))
		if err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), theClaims, &c)))
	})
}

func Need(perm string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c, _ := r.Context().Value(theClaims).(*claims)
			for _, p := range c.Permissions {
				if p == perm {
					next.ServeHTTP(w, r)
					return
				}
			}
			w.WriteHeader(http.StatusForbidden)
		})
	}
}

func (h *Handlers) deleteOrg(w http.ResponseWriter, r *http.Request) {
	if err := h.store.DeleteOrg(r.Context(), chi.URLParam(r, "orgID")); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
	}
}

func (h *Handlers) updateOrg(w http.ResponseWriter, r *http.Request) {
	_ = h.store.UpdateOrg(r.Context(), chi.URLParam(r, "orgID"), r.FormValue("name"))
}

func (h *Handlers) addMember(w http.ResponseWriter, r *http.Request) {
	_ = h.store.AddMember(r.Context(), chi.URLParam(r, "orgID"), r.FormValue("user"))
}

func (h *Handlers) refund(w http.ResponseWriter, r *http.Request) {
	_ = h.store.RefundInvoice(r.Context(), chi.URLParam(r, "invoiceID"))
}

func (h *Handlers) refundChecked(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Context().Value(theClaims).(*claims)
	allowed := false
	for _, p := range c.Permissions {
		if p == "billing:refund" {
			allowed = true
		}
	}
	if !allowed {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	_ = h.store.RefundInvoice(r.Context(), chi.URLParam(r, "invoiceID"))
}

func (h *Handlers) billingRouter() http.Handler {
	r := chi.NewRouter()
	r.Use(JWT)
	r.Post("/invoices/{invoiceID}/refund", h.refund)                // POS:chi-mount-refund
	r.Post("/invoices/{invoiceID}/refund-checked", h.refundChecked) // NEG: inline permission loop
	return r
}

func NewRouter(h *Handlers) http.Handler {
	r := chi.NewRouter()
	r.Group(func(r chi.Router) {
		r.Use(JWT)
		r.Delete("/orgs/{orgID}", h.deleteOrg)                       // POS:chi-group-delete
		r.With(Need("orgs:write")).Put("/orgs/{orgID}", h.updateOrg) // NEG: With permission
	})
	r.Route("/orgs/{orgID}/members", func(r chi.Router) {
		r.Use(JWT)
		r.Use(Need("members:write"))
		r.Post("/", h.addMember) // NEG: Route block with permission middleware
	})
	r.Mount("/billing", h.billingRouter())
	return r
}
