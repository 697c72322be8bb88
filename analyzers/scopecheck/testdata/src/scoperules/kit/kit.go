// Package kit is a small web toolkit of a project: its own request
// context, an adapter turning its handlers into http.HandlerFuncs, a
// wrapper type authenticating API keys, and the helpers handlers call
// to require a login or an admin.
package kit

import (
	"errors"
	"net/http"
)

type Member struct {
	ID    int
	Admin bool
}

type Ctx struct {
	W      http.ResponseWriter
	R      *http.Request
	member *Member
}

func (c *Ctx) Member() *Member { return c.member }

type Sessions interface {
	Lookup(token string) (*Member, error)
	NewSessionToken(m *Member) (string, error)
}

type Func func(s Sessions, c *Ctx)

// Adapt loads the member of the session cookie when there is one (it
// rejects nothing) and calls h.
func Adapt(s Sessions, h Func) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := &Ctx{W: w, R: r}
		if ck, err := r.Cookie("session"); err == nil {
			if m, err := s.Lookup(ck.Value); err == nil {
				c.member = m
			}
		}
		h(s, c)
	}
}

// RequireMember turns away requests with no logged-in member.
func RequireMember(c *Ctx) error {
	if c.Member() == nil {
		http.Error(c.W, "login required", http.StatusUnauthorized)
		return errors.New("login required")
	}
	return nil
}

// RequireAdmin turns away members who are not admins.
func RequireAdmin(c *Ctx) error {
	if err := RequireMember(c); err != nil {
		return err
	}
	if !c.Member().Admin {
		http.Error(c.W, "admins only", http.StatusForbidden)
		return errors.New("admins only")
	}
	return nil
}

type Keys interface {
	Valid(key string) (int, bool)
}

// KeyAuth is a wrapper type: it rejects unknown API keys and serves
// Next.
type KeyAuth struct {
	Keys Keys
	Next http.Handler
}

func (k KeyAuth) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if _, ok := k.Keys.Valid(r.Header.Get("X-API-Key")); !ok {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	k.Next.ServeHTTP(w, r)
}

// Page is a handler struct that serves a page; it wraps nothing.
type Page struct {
	Title    string
	Fallback http.Handler
}

func (p Page) ServeHTTP(w http.ResponseWriter, r *http.Request) { w.Write([]byte(p.Title)) }

// MemberFunc is an endpoint given the logged-in member; its ServeHTTP
// authenticates the session and calls it.
type MemberFunc func(w http.ResponseWriter, r *http.Request, m *Member)

var Store Sessions

func (f MemberFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ck, err := r.Cookie("session")
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	m, err := Store.Lookup(ck.Value)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	f(w, r, m)
}
