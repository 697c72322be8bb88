// Package api is the registry's HTTP API (gorilla/mux, opaque bearer tokens).
package api

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"example.com/blind6/registry/internal/meta"
)

type API struct {
	Store *meta.Store
}

type tokenKey struct{}

func tokenFrom(r *http.Request) *meta.Token {
	t, _ := r.Context().Value(tokenKey{}).(*meta.Token)
	return t
}

func hashToken(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

// authn looks the bearer token up in the token table.
func (a *API) authn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if raw == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="registry"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		t, err := a.Store.TokenByHash(r.Context(), hashToken(raw))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), tokenKey{}, t)))
	})
}

func (a *API) requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if t := tokenFrom(r); t == nil || !t.IsAdmin {
			http.Error(w, "admin only", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *API) Router() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) }).Methods("GET") // NEAR scopecheck s34
	r.HandleFunc("/v2/token", a.token).Methods("POST")                                                              // NEAR scopecheck s35

	v2 := r.PathPrefix("/v2").Subrouter()
	v2.Use(a.authn)
	v2.HandleFunc("/repos/{name}/tags", a.listTags).Methods("GET")               // NEAR scopecheck s36
	v2.HandleFunc("/repos/{name}/tags/{tag}", a.deleteTag).Methods("DELETE")     // WANT scopecheck S18
	v2.HandleFunc("/repos/{name}/manifests/{ref}", a.putManifest).Methods("PUT") // NEAR scopecheck s37
	v2.HandleFunc("/repos/{name}/visibility", a.setVisibility).Methods("POST")   // WANT scopecheck S19
	v2.HandleFunc("/repos/{name}/webhooks", a.addWebhook).Methods("POST")        // WANT scopecheck S20

	adm := v2.PathPrefix("/admin").Subrouter()
	adm.Use(a.requireAdmin)
	adm.HandleFunc("/gc", a.runGC).Methods("POST")                 // NEAR scopecheck s38
	adm.HandleFunc("/users/{id}/quota", a.setQuota).Methods("PUT") // NEAR scopecheck s39
	return r
}

// token exchanges a user name and password for a bearer token carrying the user's grants.
func (a *API) token(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok {
		http.Error(w, "basic auth required", http.StatusUnauthorized)
		return
	}
	id, access, err := a.Store.CheckPassword(r.Context(), user, pass)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	raw := hex.EncodeToString(b)
	if err := a.Store.IssueToken(r.Context(), id, hashToken(raw), access); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]string{"token": raw})
}

func (a *API) listTags(w http.ResponseWriter, r *http.Request) {
	name := mux.Vars(r)["name"]
	if !tokenFrom(r).Can("pull", name) {
		http.Error(w, "denied", http.StatusForbidden)
		return
	}
	tags, err := a.Store.Tags(r.Context(), name)
	if err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"name": name, "tags": tags})
}

// deleteTag deletes a tag of any repository; putManifest checks push, this does not.
func (a *API) deleteTag(w http.ResponseWriter, r *http.Request) {
	v := mux.Vars(r)
	if err := a.Store.DeleteTag(r.Context(), v["name"], v["tag"]); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (a *API) putManifest(w http.ResponseWriter, r *http.Request) {
	v := mux.Vars(r)
	if !tokenFrom(r).Can("push", v["name"]) {
		http.Error(w, "denied", http.StatusForbidden)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	if err != nil {
		http.Error(w, "body", http.StatusBadRequest)
		return
	}
	if err := a.Store.PutManifest(r.Context(), v["name"], v["ref"], body); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (a *API) setVisibility(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Public bool `json:"public"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if err := a.Store.SetVisibility(r.Context(), mux.Vars(r)["name"], req.Public); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) addWebhook(w http.ResponseWriter, r *http.Request) {
	var req struct {
		URL string `json:"url"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if err := a.Store.AddWebhook(r.Context(), mux.Vars(r)["name"], req.URL); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (a *API) runGC(w http.ResponseWriter, r *http.Request) {
	if err := a.Store.RunGC(r.Context()); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (a *API) setQuota(w http.ResponseWriter, r *http.Request) {
	var req struct {
		GB int `json:"gb"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if err := a.Store.SetQuota(r.Context(), mux.Vars(r)["id"], req.GB); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
