// Package equalitycaller: an equality method comparing credential
// fields of its receiver and parameter is change detection unless a
// call of it in the package passes a value from the request: then it is
// a login's comparison.
package equalitycaller

import (
	"context"
	"encoding/json"
	"net/http"
)

type user struct {
	Username string
	Password string
}

// Equals is called by a basic-auth verifier with the user it built from
// the request.
func (u *user) Equals(o *user) bool {
	return o.Username == u.Username && o.Password == u.Password // want `password in field Password compared with ==`
}

type verifier struct{ users []*user }

func (v *verifier) userFromRequest(r *http.Request) (*user, error) {
	name, pass, _ := r.BasicAuth()
	return &user{Username: name, Password: pass}, nil
}

// Positive (above): the verifier hands Equals the presented user.
func (v *verifier) Verify(r *http.Request) bool {
	current, err := v.userFromRequest(r)
	if err != nil {
		return false
	}
	for _, u := range v.users {
		if u.Equals(current) {
			return true
		}
	}
	return false
}

type account struct {
	Name   string
	APIKey string
}

func sameKey(a, b *account) bool {
	return a.APIKey == b.APIKey // want `API key in field APIKey compared with ==`
}

// Positive (above): a function given an account decoded from the body.
func login(w http.ResponseWriter, r *http.Request, stored *account) {
	var in account
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		return
	}
	if !sameKey(stored, &in) {
		http.Error(w, "denied", http.StatusUnauthorized)
	}
}

type smtp struct {
	Host     string
	Password string
}

// Near miss: an equality method nobody in the package calls.
func (s *smtp) Equal(o *smtp) bool {
	return s.Host == o.Host && s.Password == o.Password
}

type oauthConfig struct {
	ClientID     string
	ClientSecret string
}

// Near miss: called with the old and the new configuration.
func (c oauthConfig) same(o oauthConfig) bool {
	return c.ClientSecret == o.ClientSecret
}

var current oauthConfig

func reload(next oauthConfig) bool {
	changed := !current.same(next)
	current = next
	return changed
}

type store struct{ byName map[string]*account }

func (s *store) get(name string) *account { return s.byName[name] }

// Near miss: both accounts come from the store, looked up by names the
// request gave (what is compared is stored, not presented).
func sameOwner(a, b *account) bool {
	return a.APIKey == b.APIKey
}

func transfer(w http.ResponseWriter, r *http.Request, s *store) {
	from := s.get(r.FormValue("from"))
	to := s.get(r.FormValue("to"))
	if from == nil || to == nil || sameOwner(from, to) {
		http.Error(w, "bad transfer", http.StatusBadRequest)
	}
}

type creds struct{ Token string }

func loadCreds(ctx context.Context) *creds { return &creds{} }

// Near miss: called with values loaded through a context, not the
// request.
func (c *creds) rotated(o *creds) bool {
	return c.Token != o.Token
}

func refresh(ctx context.Context, old *creds) bool {
	return old.rotated(loadCreds(ctx))
}

type settings struct {
	SMTPHost     string
	SMTPPassword string
	ClientSecret string
	SyncEnabled  bool
}

type action string

// Near miss: a settings update compares the stored settings with the
// ones the request sent to name the kind of change for the audit log;
// the result is an action, not whether the caller may proceed.
func updateKind(old, next settings) action {
	if old.SMTPHost != next.SMTPHost || old.SMTPPassword != next.SMTPPassword {
		return "smtp"
	}
	if old.ClientSecret != next.ClientSecret || old.SyncEnabled != next.SyncEnabled {
		return "oauth"
	}
	return "other"
}

var storedSettings settings

type event struct{ Action action }

func logEvent(e *event) {}

func updateSettings(w http.ResponseWriter, r *http.Request) {
	var req settings
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	current := storedSettings
	storedSettings = req
	logEvent(&event{Action: updateKind(current, req)})
}
