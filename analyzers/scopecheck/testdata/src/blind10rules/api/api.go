package api // want package:"analyzed"

// Shapes of blind set 10: a membership method of the caller asked about
// the path's resource (read through another package's context getter),
// a list scoped by the caller's own attributes collected in a loop, a
// claim of a token the handler verified itself compared with the path's
// resource, and the caller named only in a description (no scope).

import (
	"errors"
	"net/http"

	"blind10rules/principal"
)

type Device struct{ ID, Fleet string }

type Store struct {
	devices   map[string]*Device
	pipelines map[string][]string
}

func (s *Store) Device(id string) (*Device, error) { // want Device:"work\\(reads s.devices\\)"
	d, ok := s.devices[id]
	if !ok {
		return nil, errors.New("not found")
	}
	return d, nil
}

func (s *Store) Delete(id string) { delete(s.devices, id) } // want Delete:"work\\(deletes from s.devices\\)"

func (s *Store) PipelinesOf(fleets []string) []string { // want PipelinesOf:"work\\(reads s.pipelines\\)"
	var out []string
	for _, f := range fleets {
		out = append(out, s.pipelines[f]...)
	}
	return out
}

func (s *Store) Retry(id, note string) { s.devices[id] = &Device{ID: id} } // want Retry:"work\\(writes s.devices\\[id\\]\\)"

type Claims struct{ Repository, Owner string }

type Verifier struct{ keys map[string]*Claims }

// Verify checks a workflow token.
func (v *Verifier) Verify(raw string) (*Claims, error) {
	c, ok := v.keys[raw]
	if !ok {
		return nil, errors.New("invalid token")
	}
	return c, nil
}

type Server struct {
	store *Store
	v     *Verifier
}

func (s *Server) Routes(mux *http.ServeMux) {
	mux.Handle("GET /devices/{id}", principal.Require(http.HandlerFunc(s.getDevice)))
	mux.Handle("GET /pipelines", principal.Require(http.HandlerFunc(s.listPipelines)))
	mux.HandleFunc("PUT /artifacts/{owner}/{repo}", s.uploadArtifact)

	// Near misses: a boolean method of the caller that asks about what
	// it presents is authentication; the caller named in a note scopes
	// nothing; a membership asked but not acted on decides nothing.
	mux.Handle("DELETE /devices/{id}", principal.Require(http.HandlerFunc(s.deleteDevice)))    // want `route "DELETE /devices/{id}" is registered under authenticating middleware`
	mux.Handle("POST /devices/{id}/retry", principal.Require(http.HandlerFunc(s.retryDevice))) // want `route "POST /devices/{id}/retry" is registered under authenticating middleware`
	mux.Handle("PUT /devices/{id}", principal.Require(http.HandlerFunc(s.renameDevice)))       // want `route "PUT /devices/{id}" is registered under authenticating middleware`
}

// 404 unless the device is in one of the caller's fleets.
func (s *Server) getDevice(w http.ResponseWriter, r *http.Request) {
	d, err := s.store.Device(r.PathValue("id"))
	if err != nil || !principal.FromContext(r.Context()).InFleet(d.Fleet) {
		http.NotFound(w, r)
		return
	}
	_, _ = w.Write([]byte(d.ID))
}

// The caller's fleets, gathered in a loop, scope the list.
func (s *Server) listPipelines(w http.ResponseWriter, r *http.Request) {
	p := principal.FromContext(r.Context())
	fleets := make([]string, 0, len(p.Fleets))
	for f := range p.Fleets {
		fleets = append(fleets, f)
	}
	for _, line := range s.store.PipelinesOf(fleets) {
		_, _ = w.Write([]byte(line))
	}
}

// The workflow token must be for the repository the path names.
func (s *Server) uploadArtifact(w http.ResponseWriter, r *http.Request) {
	claims, err := s.v.Verify(r.Header.Get("Authorization"))
	if err != nil {
		http.Error(w, "invalid workflow token", http.StatusUnauthorized)
		return
	}
	repo := r.PathValue("owner") + "/" + r.PathValue("repo")
	if claims.Repository != repo {
		http.Error(w, "token is not for this repository", http.StatusForbidden)
		return
	}
	s.store.Delete(repo)
}

func (s *Server) deleteDevice(w http.ResponseWriter, r *http.Request) {
	if !principal.FromContext(r.Context()).CheckPassword(r.Header.Get("X-Confirm-Password")) {
		http.Error(w, "confirm with your password", http.StatusForbidden)
		return
	}
	s.store.Delete(r.PathValue("id"))
}

func (s *Server) retryDevice(w http.ResponseWriter, r *http.Request) {
	p := principal.FromContext(r.Context())
	s.store.Retry(r.PathValue("id"), "retried by "+p.ID)
}

func (s *Server) renameDevice(w http.ResponseWriter, r *http.Request) {
	if !principal.FromContext(r.Context()).InFleet(r.URL.Query().Get("fleet")) {
		_ = r.Body.Close() // noted, not refused
	}
	s.store.Delete(r.PathValue("id"))
}

// Tenants looks SCIM tokens up: one per tenant.
type Tenants struct{ byToken map[string]string }

func (t *Tenants) TenantByToken(tok string) (string, error) {
	id, ok := t.byToken[tok]
	if !ok {
		return "", errors.New("invalid token")
	}
	return id, nil
}

type SCIM struct {
	tenants   *Tenants
	bootstrap string
	store     *Store
}

// authenticate admits the configured bootstrap token, or any tenant's
// own token: one key beside many callers', so the bootstrap comparison
// decides nothing for the tenants.
func (a *SCIM) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := r.Header.Get("Authorization")
		if a.bootstrap != "" && tok == a.bootstrap {
			next.ServeHTTP(w, r)
			return
		}
		if _, err := a.tenants.TenantByToken(tok); err != nil {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// onlyBootstrap admits the configured token alone: the one principal.
func (a *SCIM) onlyBootstrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tok := r.Header.Get("Authorization"); tok == "" || tok != a.bootstrap {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *SCIM) Routes(mux *http.ServeMux) {
	mux.Handle("PATCH /scim/Users/{id}", a.authenticate(http.HandlerFunc(a.patchUser))) // want `route "PATCH /scim/Users/{id}" is registered under authenticating middleware`
	mux.Handle("DELETE /scim/Users/{id}", a.onlyBootstrap(http.HandlerFunc(a.patchUser)))
}

func (a *SCIM) patchUser(w http.ResponseWriter, r *http.Request) {
	a.store.Delete(r.PathValue("id"))
}
