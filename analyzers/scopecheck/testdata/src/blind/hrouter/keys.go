// Package hrouter is a key-management API on julienschmidt/httprouter,
// with a wrapping middleware of the httprouter.Handle type.
package hrouter

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/julienschmidt/httprouter"
)

type Vault struct {
	keys map[string]string
}

func (v *Vault) Revoke(id string) { delete(v.keys, id) }
func (v *Vault) Create(id string) { v.keys[id] = "k" }

type API struct {
	vault  *Vault
	pubKey interface{}
}

type scopeClaims struct {
	jwt.RegisteredClaims
	Scope string `json:"scope"`
}

func (a *API) withAuth(h httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.ParseWithClaims(raw, &scopeClaims{}, func(*jwt.Token) (interface{}, error) { return a.pubKey, nil }); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		h(w, r, ps)
	}
}

func (a *API) withScope(scope string, h httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		cl := &scopeClaims{}
		if _, err := jwt.ParseWithClaims(raw, cl, func(*jwt.Token) (interface{}, error) { return a.pubKey, nil }); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		for _, s := range strings.Fields(cl.Scope) {
			if subtle.ConstantTimeCompare([]byte(s), []byte(scope)) == 1 {
				h(w, r, ps)
				return
			}
		}
		w.WriteHeader(http.StatusForbidden)
	}
}

func (a *API) revoke(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	a.vault.Revoke(ps.ByName("id"))
}

func (a *API) create(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	a.vault.Create(ps.ByName("id"))
}

func (a *API) Routes() *httprouter.Router {
	router := httprouter.New()
	router.DELETE("/v1/keys/:id", a.withAuth(a.revoke))              // POS:httprouter-revoke
	router.POST("/v1/keys/:id", a.withScope("keys:write", a.create)) // NEG: scope wrapper
	return router
}
