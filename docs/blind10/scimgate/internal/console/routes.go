package console

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/blind10/scimgate/internal/authz"
	"example.com/blind10/scimgate/internal/httpx"
	"example.com/blind10/scimgate/internal/tenants"
)

func (c *Console) Routes(r chi.Router) {
	r.Get("/auth/login", c.login)
	r.Get("/auth/callback", c.callback)
	r.Post("/sso/{tid}/callback", c.ssoCallback) // ALT s37

	r.Group(func(r chi.Router) {
		r.Use(c.requireSession)
		r.Get("/api/tenants/{tid}/users", c.listUsers)                                     // NEAR scopecheck s38
		r.Post("/api/tenants/{tid}/scim-tokens", c.rotateSCIMToken)                        // WANT scopecheck S22
		r.With(c.requireTenantAdmin).Put("/api/tenants/{tid}/sso", c.updateSSO)            // NEAR scopecheck s39
		r.Post("/api/tenants/{tid}/audit-export", c.exportAudit)                           // NEAR scopecheck s40
		r.Delete("/api/tenants/{tid}", c.deleteTenant)                                     // WANT scopecheck S23
		r.Get("/api/tenants/{tid}/billing", func(w http.ResponseWriter, r *http.Request) { // WANT scopecheck S24
			t, err := c.store.Tenant(chi.URLParam(r, "tid"))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			httpx.JSON(w, http.StatusOK, t.Billing)
		})
		r.Get("/api/tenants/{tid}/plan", func(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s41
			tid := chi.URLParam(r, "tid")
			if !userOf(r).MemberOf(tid) {
				http.NotFound(w, r)
				return
			}
			t, err := c.store.Tenant(tid)
			if err != nil {
				http.NotFound(w, r)
				return
			}
			httpx.JSON(w, http.StatusOK, map[string]string{"plan": t.Plan})
		})
	})
}

type userKey struct{}

func userOf(r *http.Request) *tenants.ConsoleUser {
	u, _ := r.Context().Value(userKey{}).(*tenants.ConsoleUser)
	return u
}

func (c *Console) requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ck, err := r.Cookie("sg_session")
		if err != nil {
			http.Error(w, "sign in first", http.StatusUnauthorized)
			return
		}
		c.mu.Lock()
		u, ok := c.sessions[ck.Value]
		c.mu.Unlock()
		if !ok {
			http.Error(w, "session expired", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
	})
}

func (c *Console) requireTenantAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if userOf(r).Tenants[chi.URLParam(r, "tid")] != "admin" {
			http.Error(w, "tenant admins only", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (c *Console) listUsers(w http.ResponseWriter, r *http.Request) {
	tid := chi.URLParam(r, "tid")
	if err := authz.Authorize(userOf(r), "users.read", tid); err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	httpx.JSON(w, http.StatusOK, map[string]any{"users": c.store.Users(tid)})
}

// rotateSCIMToken makes a new SCIM token for the tenant's IdP and shows it once.
func (c *Console) rotateSCIMToken(w http.ResponseWriter, r *http.Request) {
	tid := chi.URLParam(r, "tid")
	tok, err := c.store.RotateSCIMToken(tid)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	c.log.Infow("scim token rotated", "tenant", tid, "by", userOf(r).Email, "token", tok) // WANT tokenlog T18
	httpx.JSON(w, http.StatusCreated, map[string]string{"token": tok})
}

func (c *Console) updateSSO(w http.ResponseWriter, r *http.Request) {
	tid := chi.URLParam(r, "tid")
	var sso tenants.SSOConfig
	if err := json.NewDecoder(r.Body).Decode(&sso); err != nil || sso.Issuer == "" || sso.ClientID == "" {
		http.Error(w, "issuer and client_id are required", http.StatusBadRequest)
		return
	}
	if err := c.store.SetSSO(tid, sso); err != nil {
		http.NotFound(w, r)
		return
	}
	c.log.Infow("sso configuration updated", "tenant", tid, "by", userOf(r).Email, "sso", sso) // NEAR tokenlog t16
	w.WriteHeader(http.StatusNoContent)
}

func (c *Console) exportAudit(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	err := c.audit.Export(r.Context(), userOf(r), chi.URLParam(r, "tid"), &buf)
	if errors.Is(err, authz.ErrForbidden) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	} else if err != nil {
		http.Error(w, "export failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/csv")
	_, _ = w.Write(buf.Bytes())
}

func (c *Console) deleteTenant(w http.ResponseWriter, r *http.Request) {
	tid := chi.URLParam(r, "tid")
	if err := c.store.DeleteTenant(tid); err != nil {
		http.NotFound(w, r)
		return
	}
	c.log.Warnw("tenant deleted", "tenant", tid, "by", userOf(r).Email)
	w.WriteHeader(http.StatusNoContent)
}
