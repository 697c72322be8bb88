package resourceowner // want package:"analyzed"

// Owner fields of a record the request names. A job fetched by the id
// in the path carries its own TenantID: handing that on (building the
// storage key of the job's files) acts for the job's tenant, whoever
// asks, and scopes nothing. Compared with the caller's tenant it is the
// ownership check. A secret kept on that record (the job's callback
// token) compared with the presented credential is a capability for
// that one record.

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
)

type Tenant struct{ ID, KeyHash string }

type Job struct {
	ID, TenantID, CallbackToken, Status string
}

type jobStore struct{ jobs map[string]*Job }

func (s *jobStore) get(id string) (*Job, error) {
	j, ok := s.jobs[id]
	if !ok {
		return nil, errors.New("not found")
	}
	return j, nil
}

func (s *jobStore) list(tenant string) []*Job {
	var out []*Job
	for _, j := range s.jobs {
		if j.TenantID == tenant {
			out = append(out, j)
		}
	}
	return out
}

func (s *jobStore) setStatus(id, status string) { s.jobs[id].Status = status }

type blobStore struct{ files map[string][]byte }

func (b *blobStore) read(key string) ([]byte, error) { return b.files[key], nil }

func (b *blobStore) del(key string) error { delete(b.files, key); return nil }

type tenantStore struct{ byHash map[string]*Tenant }

func (t *tenantStore) byKey(key string) (*Tenant, error) {
	tn, ok := t.byHash[key]
	if !ok {
		return nil, errors.New("unknown key")
	}
	return tn, nil
}

type server struct {
	tenants *tenantStore
	jobs    *jobStore
	blobs   *blobStore
}

type ctxKey struct{}

func tenantOf(r *http.Request) *Tenant { return r.Context().Value(ctxKey{}).(*Tenant) }

type caller struct{ TenantID string }

func callerFrom(ctx context.Context) *caller {
	t := ctx.Value(ctxKey{}).(*Tenant)
	return &caller{TenantID: t.ID}
}

func (s *server) tenantKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		found, err := s.tenants.byKey(key)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, found)))
	})
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /v1/jobs", s.tenantKey(http.HandlerFunc(s.listJobs)))
	mux.Handle("GET /v1/jobs/{id}/output", s.tenantKey(http.HandlerFunc(s.output)))     // want `route "GET /v1/jobs/{id}/output" is registered under authenticating middleware`
	mux.Handle("DELETE /v1/jobs/{id}/output", s.tenantKey(http.HandlerFunc(s.dropOut))) // want `route "DELETE /v1/jobs/{id}/output" is registered under authenticating middleware`
	mux.Handle("GET /v1/jobs/{id}/log", s.tenantKey(http.HandlerFunc(s.jobLog)))
	mux.Handle("DELETE /v1/me/scratch", s.tenantKey(http.HandlerFunc(s.dropScratch)))
	mux.HandleFunc("POST /internal/callbacks/{job}", s.callback)
	return mux
}

// Near miss: the caller's own jobs.
func (s *server) listJobs(w http.ResponseWriter, r *http.Request) {
	_ = s.jobs.list(tenantOf(r).ID)
}

// The job's own tenant builds the storage key: any tenant's output.
func (s *server) output(w http.ResponseWriter, r *http.Request) {
	j, err := s.jobs.get(r.PathValue("id"))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	b, _ := s.blobs.read(j.TenantID + "/out/" + j.ID)
	_, _ = w.Write(b)
}

func (s *server) dropOut(w http.ResponseWriter, r *http.Request) {
	j, err := s.jobs.get(r.PathValue("id"))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	_ = s.blobs.del(j.TenantID + "/out/" + j.ID)
}

// Near miss: the caller read back from the request context is the
// caller, though the helper is handed r.Context().
func (s *server) dropScratch(w http.ResponseWriter, r *http.Request) {
	c := callerFrom(r.Context())
	_ = s.blobs.del(c.TenantID + "/scratch")
}

// Near miss: the job's tenant compared with the caller's.
func (s *server) jobLog(w http.ResponseWriter, r *http.Request) {
	j, err := s.jobs.get(r.PathValue("id"))
	if err != nil || j.TenantID != tenantOf(r).ID {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	b, _ := s.blobs.read(j.TenantID + "/log/" + j.ID)
	_, _ = w.Write(b)
}

// Near miss: the worker presents the job's own callback token; holding
// it is the permission to report on that job.
func (s *server) callback(w http.ResponseWriter, r *http.Request) {
	j, err := s.jobs.get(r.PathValue("job"))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-Callback-Token")), []byte(j.CallbackToken)) != 1 {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	s.jobs.setStatus(j.ID, "done")
	_ = s.blobs.del(j.TenantID + "/tmp/" + j.ID)
}
