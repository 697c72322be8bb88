// Package session keeps browser sessions server-side; the cookie holds only the id.
package session

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/rs/zerolog"
)

const CookieName = "cv_session"

type Session struct {
	ID         string
	UserID     string
	Email      string
	Roles      []string
	Teams      []string
	FigmaToken string
	IDToken    string
	Expires    time.Time
}

func (s *Session) HasRole(role string) bool { return slices.Contains(s.Roles, role) }
func (s *Session) InTeam(team string) bool  { return slices.Contains(s.Teams, team) }

type Store struct {
	mu       sync.RWMutex
	sessions map[string]*Session
	log      zerolog.Logger
}

func NewStore(log zerolog.Logger) *Store {
	return &Store{sessions: map[string]*Session{}, log: log}
}

func fingerprint(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:])[:10]
}

func (st *Store) Create(s *Session) string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	s.ID = base64.RawURLEncoding.EncodeToString(b)
	s.Expires = time.Now().Add(12 * time.Hour)
	st.mu.Lock()
	st.sessions[s.ID] = s
	st.mu.Unlock()
	st.log.Debug().Str("session", fingerprint(s.ID)).Str("user", s.UserID).Msg("session created") // NEAR tokenlog t11
	return s.ID
}

func (st *Store) Get(id string) (*Session, bool) {
	st.mu.RLock()
	defer st.mu.RUnlock()
	s, ok := st.sessions[id]
	if !ok || time.Now().After(s.Expires) {
		return nil, false
	}
	return s, true
}

func (st *Store) Delete(id string) {
	st.mu.Lock()
	delete(st.sessions, id)
	st.mu.Unlock()
}

type ctxKey struct{}

func From(ctx context.Context) *Session {
	s, _ := ctx.Value(ctxKey{}).(*Session)
	return s
}

// Require rejects requests without a live session cookie.
func (st *Store) Require(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(CookieName)
		if err != nil {
			http.Error(w, "login required", http.StatusUnauthorized)
			return
		}
		s, ok := st.Get(c.Value)
		if !ok {
			http.Error(w, "session expired", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, s)))
	})
}

// RequireRole must run after Require.
func RequireRole(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if s := From(r.Context()); s == nil || !s.HasRole(role) {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
