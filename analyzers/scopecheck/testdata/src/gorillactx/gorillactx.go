// Package gorillactx keeps the authenticated caller in gorilla/context's // want package:`analyzed`
// per-request store under a string key: a runner found by its token
// under "runner" (semaphore's runner API). A handler acting only on
// that runner's own record is scoped to the caller; one that acts on
// every runner's data, or reads another key, is reported.
package gorillactx

import (
	"context"
	"database/sql"
	"net/http"

	gctx "github.com/gorilla/context"
)

type Runner struct {
	ID    int
	Token string
}

type store struct{ db *sql.DB }

func (s *store) runnerByToken(ctx context.Context, token string) (Runner, error) {
	var r Runner
	err := s.db.QueryRowContext(ctx, `SELECT id, token FROM runners WHERE token = $1`, token).Scan(&r.ID, &r.Token)
	return r, err
}

func (s *store) exec(ctx context.Context, q string, args ...any) error {
	_, err := s.db.ExecContext(ctx, q, args...)
	return err
}

type app struct{ st *store }

// runnerAuth looks the runner up by its token and keeps it under
// "runner": the value there is the caller.
func (a *app) runnerAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		runner, err := a.st.runnerByToken(r.Context(), r.Header.Get("X-Runner-Token"))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		gctx.Set(r, "runner", runner)
		gctx.Set(r, "trace", r.Header.Get("X-Trace"))
		next.ServeHTTP(w, r)
	})
}

func (a *app) routes(mux *http.ServeMux) {
	mux.Handle("DELETE /api/internal/runner", a.runnerAuth(http.HandlerFunc(a.unregister))) // near miss: the runner deletes itself
	mux.Handle("PUT /api/internal/runner", a.runnerAuth(http.HandlerFunc(a.update)))        // near miss: the runner's own record
	mux.Handle("DELETE /api/internal/jobs", a.runnerAuth(http.HandlerFunc(a.purgeJobs)))    // want `route "DELETE /api/internal/jobs" is registered under authenticating middleware`
	mux.Handle("POST /api/internal/traces", a.runnerAuth(http.HandlerFunc(a.recordTrace)))  // want `route "POST /api/internal/traces" is registered under authenticating middleware`
}

func (a *app) unregister(w http.ResponseWriter, r *http.Request) {
	runner := gctx.Get(r, "runner").(Runner)
	_ = a.st.exec(r.Context(), `DELETE FROM runners WHERE id = $1`, runner.ID)
}

func (a *app) update(w http.ResponseWriter, r *http.Request) {
	runner := gctx.Get(r, "runner").(Runner)
	_ = a.st.exec(r.Context(), `UPDATE runners SET name = $2 WHERE id = $1`, runner.ID, r.FormValue("name"))
}

// purgeJobs deletes every runner's jobs.
func (a *app) purgeJobs(w http.ResponseWriter, r *http.Request) {
	_ = a.st.exec(r.Context(), `DELETE FROM jobs`)
}

// recordTrace keys its work by the trace id, another value of the
// store, not the caller.
func (a *app) recordTrace(w http.ResponseWriter, r *http.Request) {
	trace := gctx.Get(r, "trace").(string)
	_ = a.st.exec(r.Context(), `INSERT INTO traces (id) VALUES ($1)`, trace)
}
