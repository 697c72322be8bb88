// Package httpapi is reelpress's public API (per-tenant API keys), the transcoder farm's
// callbacks and a few on-call endpoints.
package httpapi

import (
	"context"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"example.com/blind11/reelpress/internal/cdn"
	"example.com/blind11/reelpress/internal/jobs"
	"example.com/blind11/reelpress/internal/storage"
	"example.com/blind11/reelpress/internal/tenants"
)

// CallbackHeader carries the per-job token the farm was given with the job.
const CallbackHeader = "X-Reelpress-Callback-Token" // NEAR hardcodedcred h04

type Server struct {
	tenants *tenants.Registry
	jobs    *jobs.Store
	farm    *jobs.Farm
	presign *storage.Presigner
	cdn     *cdn.Client
	opsKey  string
	log     *slog.Logger
}

func New(tr *tenants.Registry, js *jobs.Store, farm *jobs.Farm, ps *storage.Presigner, c *cdn.Client, opsKey string, log *slog.Logger) *Server {
	return &Server{tenants: tr, jobs: js, farm: farm, presign: ps, cdn: c, opsKey: opsKey, log: log}
}

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })
	mux.HandleFunc("GET /v1/profiles", s.profiles)

	mux.Handle("POST /v1/jobs", s.tenantKey(http.HandlerFunc(s.createJob)))                       // NEAR scopecheck s11
	mux.Handle("GET /v1/jobs", s.tenantKey(http.HandlerFunc(s.listJobs)))                         // WANT scopecheck S05
	mux.Handle("GET /v1/jobs/{id}", s.tenantKey(http.HandlerFunc(s.getJob)))                      // NEAR scopecheck s12
	mux.Handle("DELETE /v1/jobs/{id}", s.tenantKey(http.HandlerFunc(s.cancelJob)))                // WANT scopecheck S06
	mux.Handle("GET /v1/assets/{job}/{name}", s.tenantKey(http.HandlerFunc(s.downloadURL)))       // WANT scopecheck S07
	mux.Handle("GET /v1/usage", s.tenantKey(http.HandlerFunc(s.usage)))                           // NEAR scopecheck s13
	mux.Handle("POST /v1/tenants/{id}/keys", s.tenantKey(http.HandlerFunc(s.rotateKey)))          // WANT scopecheck S08
	mux.Handle("GET /v1/tenants/{id}", s.tenantKey(s.sameTenant(http.HandlerFunc(s.tenantInfo)))) // NEAR scopecheck s14

	mux.HandleFunc("POST /internal/callbacks/{job}", s.farmCallback)          // ALT s15
	mux.Handle("POST /ops/purge/{job}", s.opsOnly(http.HandlerFunc(s.purge))) // NEAR scopecheck s16
	return s.accessLog(mux)
}

type ctxKey struct{}

func tenantOf(r *http.Request) *tenants.Tenant { return r.Context().Value(ctxKey{}).(*tenants.Tenant) }

// tenantKey authenticates the tenant by its API key (Authorization: Bearer rp_...).
func (s *Server) tenantKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || key == "" {
			http.Error(w, "missing api key", http.StatusUnauthorized)
			return
		}
		t, err := s.tenants.Authenticate(key)
		if err != nil {
			s.log.Warn("api key rejected", "err", err, "remote", r.RemoteAddr) // WANT tokenlog T04
			http.Error(w, "invalid api key", http.StatusUnauthorized)
			return
		}
		s.log.Debug("tenant authenticated", "tenant", t.ID, "key_id", t.KeyID) // NEAR tokenlog t06
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, t)))
	})
}

// sameTenant refuses requests for another tenant's {id}.
func (s *Server) sameTenant(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") != tenantOf(r).ID {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// opsOnly lets the on-call tooling in with the configured ops key.
func (s *Server) opsOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := r.Header.Get("X-Ops-Key")
		if s.opsKey == "" || subtle.ConstantTimeCompare([]byte(got), []byte(s.opsKey)) != 1 { // NEAR tokenverify v06
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

type recorder struct {
	http.ResponseWriter
	status int
}

func (rw *recorder) WriteHeader(c int) { rw.status = c; rw.ResponseWriter.WriteHeader(c) }

// accessLog logs every request; failed ones with their headers, minus credentials.
func (s *Server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rw := &recorder{ResponseWriter: w, status: 200}
		next.ServeHTTP(rw, r)
		if rw.status >= 500 {
			hdr := r.Header.Clone()
			hdr.Del("Authorization")
			hdr.Del("Cookie")
			hdr.Del("X-Ops-Key")
			s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", rw.status, "headers", hdr) // NEAR tokenlog t07
			return
		}
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rw.status, "dur", time.Since(start))
	})
}
