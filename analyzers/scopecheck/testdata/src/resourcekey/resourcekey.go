package resourcekey // want package:"analyzed"

// A key that belongs to a resource: the lookup runs over the keys each
// project keeps and hands back the project, so holding the key is the
// permission to act on that project (coroot's per-project API keys). Near
// the rule but still reported: a per-user key list returns the user,
// whose rights are still to decide, and an account's single secret
// compared with the key is no list of a resource's keys.

import (
	"net/http"
)

type apiKey struct{ Key, Description string }

type settings struct{ APIKeys []apiKey }

type project struct {
	ID       string
	Settings settings
	series   map[string][]float64
}

type apiUser struct {
	Name string
	Keys []apiKey
}

type merchant struct{ id, secret string }

type api struct {
	projects  []*project
	users     []*apiUser
	merchants []*merchant
	stock     map[string]int
}

func (a *api) projectByKey(key string) *project {
	for _, p := range a.projects {
		for _, k := range p.Settings.APIKeys {
			if k.Key == key {
				return p
			}
		}
	}
	return nil
}

func (a *api) keyAuth(h func(http.ResponseWriter, *http.Request, *project)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p := a.projectByKey(r.Header.Get("X-API-Key"))
		if p == nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		h(w, r, p)
	}
}

func (a *api) dropSeries(w http.ResponseWriter, r *http.Request, p *project) {
	delete(p.series, r.URL.Query().Get("name"))
}

// A handler doing the lookup itself.
func (a *api) writeSeries(w http.ResponseWriter, r *http.Request) {
	p := a.projectByKey(r.Header.Get("X-API-Key"))
	if p == nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	p.series[r.URL.Query().Get("name")] = nil
}

func (a *api) userByKey(key string) *apiUser {
	for _, u := range a.users {
		for _, k := range u.Keys {
			if k.Key == key {
				return u
			}
		}
	}
	return nil
}

func (a *api) merchantByKey(key string) *merchant {
	for _, m := range a.merchants {
		if m.secret == key {
			return m
		}
	}
	return nil
}

func (a *api) userStock(w http.ResponseWriter, r *http.Request) { // want `handler api.userStock authenticates the caller`
	if a.userByKey(r.Header.Get("X-API-Key")) == nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	a.stock[r.PathValue("id")] = 0
}

func (a *api) merchantStock(w http.ResponseWriter, r *http.Request) { // want `handler api.merchantStock authenticates the caller`
	if a.merchantByKey(r.Header.Get("X-API-Key")) == nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	a.stock[r.PathValue("id")] = 0
}

func (a *api) routes() {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /series", a.keyAuth(a.dropSeries))
	mux.HandleFunc("POST /series", a.writeSeries)
	mux.HandleFunc("DELETE /stock/{id}", a.userStock)
	mux.HandleFunc("PUT /stock/{id}", a.merchantStock)
	http.ListenAndServe(":8080", mux)
}
