// Package scim serves SCIM 2.0 provisioning for the tenants' identity providers (Okta, Entra ID,
// OneLogin), each authenticated with its tenant's SCIM bearer token.
package scim

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"github.com/go-chi/chi/v5"
	"go.uber.org/zap"

	"example.com/blind10/scimgate/internal/httpx"
	"example.com/blind10/scimgate/internal/tenants"
)

// PasswordAttr is the SCIM attribute we refuse to store (sign-in goes through the tenant's SSO).
const PasswordAttr = "password" // NEAR hardcodedcred h08

type API struct {
	store           *tenants.Store
	bootstrapToken  string
	bootstrapTenant string
	log             *zap.SugaredLogger
}

func New(st *tenants.Store, bootstrapToken, bootstrapTenant string, log *zap.SugaredLogger) *API {
	return &API{store: st, bootstrapToken: bootstrapToken, bootstrapTenant: bootstrapTenant, log: log}
}

func (a *API) Routes(r chi.Router) {
	r.Route("/scim/v2", func(r chi.Router) {
		r.Use(a.authenticate)
		r.Get("/Users", a.listUsers)          // NEAR scopecheck s35
		r.Patch("/Users/{id}", a.patchUser)   // WANT scopecheck S20
		r.Delete("/Users/{id}", a.deleteUser) // NEAR scopecheck s36
		r.Patch("/Groups/{id}", a.patchGroup) // WANT scopecheck S21
	})
}

type tenantKey struct{}

func tenantOf(r *http.Request) string { t, _ := r.Context().Value(tenantKey{}).(string); return t }

func scimError(w http.ResponseWriter, code int, detail string) {
	httpx.JSON(w, code, map[string]any{"schemas": []string{"urn:ietf:params:scim:api:messages:2.0:Error"}, "status": code, "detail": detail})
}

func (a *API) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, err := httpx.BearerToken(r)
		if err != nil {
			a.log.Warnw("scim request without bearer token", "remote", r.RemoteAddr, "err", err) // WANT tokenlog T20
			scimError(w, http.StatusUnauthorized, "bearer token required")
			return
		}
		var tid string
		if a.bootstrapToken != "" && tok == a.bootstrapToken { // WANT tokenverify V14
			tid = a.bootstrapTenant
		} else if tid, err = a.store.TenantBySCIMToken(tok); err != nil {
			scimError(w, http.StatusUnauthorized, "invalid token")
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), tenantKey{}, tid)))
	})
}

func (a *API) listUsers(w http.ResponseWriter, r *http.Request) {
	users := a.store.Users(tenantOf(r))
	if f := r.URL.Query().Get("filter"); strings.HasPrefix(f, `userName eq "`) {
		want := strings.TrimSuffix(strings.TrimPrefix(f, `userName eq "`), `"`)
		users = slices.DeleteFunc(users, func(u tenants.User) bool { return !strings.EqualFold(u.UserName, want) })
	}
	httpx.JSON(w, http.StatusOK, map[string]any{
		"schemas":      []string{"urn:ietf:params:scim:api:messages:2.0:ListResponse"},
		"totalResults": len(users),
		"Resources":    users,
	})
}

type patchOp struct {
	Operations []struct {
		Op    string          `json:"op"`
		Path  string          `json:"path"`
		Value json.RawMessage `json:"value"`
	} `json:"Operations"`
}

func decodePatch(w http.ResponseWriter, r *http.Request) (*patchOp, bool) {
	var p patchOp
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil || len(p.Operations) == 0 {
		scimError(w, http.StatusBadRequest, "invalid PatchOp")
		return nil, false
	}
	return &p, true
}

// patchUser applies the replace operations IdPs send when a user changes or is deactivated.
func (a *API) patchUser(w http.ResponseWriter, r *http.Request) {
	u, err := a.store.User(chi.URLParam(r, "id"))
	if err != nil {
		scimError(w, http.StatusNotFound, "user not found")
		return
	}
	p, ok := decodePatch(w, r)
	if !ok {
		return
	}
	for _, op := range p.Operations {
		switch strings.ToLower(op.Path) {
		case "active":
			_ = json.Unmarshal(op.Value, &u.Active)
		case "username":
			_ = json.Unmarshal(op.Value, &u.UserName)
		case "emails[type eq \"work\"].value":
			_ = json.Unmarshal(op.Value, &u.Email)
		case PasswordAttr:
			scimError(w, http.StatusBadRequest, "passwords are not managed over SCIM")
			return
		}
	}
	a.store.SaveUser(u)
	httpx.JSON(w, http.StatusOK, u)
}

func (a *API) deleteUser(w http.ResponseWriter, r *http.Request) {
	if err := a.store.DeleteUser(tenantOf(r), chi.URLParam(r, "id")); err != nil {
		scimError(w, http.StatusNotFound, "user not found")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// patchGroup adds and removes members; group membership decides the product role.
func (a *API) patchGroup(w http.ResponseWriter, r *http.Request) {
	g, err := a.store.Group(chi.URLParam(r, "id"))
	if err != nil {
		scimError(w, http.StatusNotFound, "group not found")
		return
	}
	p, ok := decodePatch(w, r)
	if !ok {
		return
	}
	for _, op := range p.Operations {
		var members []struct {
			Value string `json:"value"`
		}
		_ = json.Unmarshal(op.Value, &members)
		for _, m := range members {
			switch strings.ToLower(op.Op) {
			case "add":
				if !slices.Contains(g.Members, m.Value) {
					g.Members = append(g.Members, m.Value)
				}
			case "remove":
				g.Members = slices.DeleteFunc(g.Members, func(id string) bool { return id == m.Value })
			}
		}
	}
	a.store.SaveGroup(g)
	a.log.Infow("group updated", "group", g.ID, "members", len(g.Members), "tenant", tenantOf(r))
	httpx.JSON(w, http.StatusOK, g)
}

// NewID makes SCIM resource ids.
func NewID() string { b := make([]byte, 12); _, _ = rand.Read(b); return hex.EncodeToString(b) }
