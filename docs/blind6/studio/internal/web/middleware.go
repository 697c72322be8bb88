package web

import (
	"context"
	"log"
	"net/http"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"

	"example.com/blind6/studio/internal/db"
)

const sessionCookie = "studio_sid"

type userKey struct{}

func userFrom(ctx context.Context) *db.User {
	u, _ := ctx.Value(userKey{}).(*db.User)
	return u
}

// RequireSession loads the logged-in user from the session cookie and rejects anonymous requests.
func (h *Handlers) RequireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		u, err := h.DB.UserBySession(r.Context(), c.Value)
		if err != nil {
			http.Error(w, "session expired", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
	})
}

// RequireRole lets only users with the given role through.
func (h *Handlers) RequireRole(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if u := userFrom(r.Context()); u == nil || u.Role != role {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// ProjectMember rejects users who are not members of the project in the URL.
func (h *Handlers) ProjectMember(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := userFrom(r.Context())
		ok, err := h.DB.IsProjectMember(r.Context(), chi.URLParam(r, "projectID"), u.ID)
		if err != nil || !ok {
			http.Error(w, "not a member of this project", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// rateLimit allows n requests per minute per user for the named bucket.
func rateLimit(bucket string, n int) func(http.Handler) http.Handler {
	var mu sync.Mutex
	counts := map[string]int{}
	go func() {
		for range time.Tick(time.Minute) {
			mu.Lock()
			clear(counts)
			mu.Unlock()
		}
	}()
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			key := bucket + ":" + r.RemoteAddr
			mu.Lock()
			counts[key]++
			over := counts[key] > n
			mu.Unlock()
			if over {
				log.Printf("rate limit %s exceeded by %s", bucket, r.RemoteAddr)
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
