// Package mirror is the pull-through mirror control API (httprouter, per-team API keys).
package mirror

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"

	"github.com/julienschmidt/httprouter"

	"example.com/blind6/registry/internal/meta"
)

type Control struct {
	Store *meta.Store
}

type keyCtx struct{}

func keyFrom(r *http.Request) *meta.APIKey {
	k, _ := r.Context().Value(keyCtx{}).(*meta.APIKey)
	return k
}

// withKey authenticates the X-API-Key header against the team keys in the database.
func (m *Control) withKey(h httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		sum := sha256.Sum256([]byte(r.Header.Get("X-API-Key")))
		k, err := m.Store.APIKeyByHash(r.Context(), hex.EncodeToString(sum[:]))
		if err != nil {
			http.Error(w, "invalid api key", http.StatusUnauthorized)
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), keyCtx{}, k)), ps)
	}
}

// withRole requires the key's role.
func (m *Control) withRole(role string, h httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		if k := keyFrom(r); k == nil || k.Role != role {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		h(w, r, ps)
	}
}

func (m *Control) Router() http.Handler {
	router := httprouter.New()
	router.GET("/status", func(w http.ResponseWriter, _ *http.Request, _ httprouter.Params) { w.Write([]byte("ok")) }) // NEAR scopecheck s40
	router.DELETE("/mirrors/:id", m.withKey(m.deleteMirror))                                                           // WANT scopecheck S21
	router.POST("/mirrors/:id/sync", m.withKey(m.withRole("operator", m.syncMirror)))                                  // NEAR scopecheck s41
	router.PUT("/mirrors/:id", m.withKey(m.updateMirror))                                                              // NEAR scopecheck s42
	router.PUT("/mirrors/:id/credentials", m.withKey(m.rotateCredentials))                                             // WANT scopecheck S22
	return router
}

func (m *Control) deleteMirror(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	if err := m.Store.DeleteMirror(r.Context(), ps.ByName("id")); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (m *Control) syncMirror(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	if err := m.Store.QueueSync(r.Context(), ps.ByName("id")); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (m *Control) updateMirror(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	mr, err := m.Store.Mirror(r.Context(), ps.ByName("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if mr.OwnerKeyID != keyFrom(r).ID {
		http.Error(w, "not your mirror", http.StatusForbidden)
		return
	}
	var req struct {
		Upstream string `json:"upstream"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if err := m.Store.UpdateMirror(r.Context(), mr.ID, req.Upstream); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// rotateCredentials replaces the upstream credentials of any team's mirror.
func (m *Control) rotateCredentials(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	var req struct {
		User     string `json:"user"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if err := m.Store.SetMirrorCredentials(r.Context(), ps.ByName("id"), req.User, req.Password); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
