package authngetter // want package:"analyzed"

// A getter or constructor that hands out the authenticator itself
// (Dep.WebAuthn(ctx) (*WebAuthn, error), Authenticator() *Authenticator)
// checks no caller, whatever its name says: the first step of a passkey
// login calls it to issue a challenge to a caller nobody knows yet. A
// call that checks the caller and returns what it found (Authenticate
// returning *AuthenticatedUser) still authenticates.

import (
	"context"
	"encoding/json"
	"net/http"
)

// WebAuthn is a relying party's configured passkey service.
type WebAuthn struct{ rpID string }

// Authenticator is a configured password checker.
type Authenticator struct{ realm string }

// AuthenticatedUser is the caller a credential check found.
type AuthenticatedUser struct{ Name string }

type Dep interface {
	WebAuthn(ctx context.Context) (*WebAuthn, error) // want WebAuthn:"defers"
	Authenticator() *Authenticator
	Authenticate(ctx context.Context, token string) (*AuthenticatedUser, error)         // want Authenticate:"defers"
	AuthenticateWebAuthn(ctx context.Context, token string) (*AuthenticatedUser, error) // want AuthenticateWebAuthn:"defers"
	SaveChallenge(ctx context.Context, id, challenge string) error                      // want SaveChallenge:"defers"
	DeleteFile(ctx context.Context, id string) error                                    // want DeleteFile:"defers"
}

type Handler struct{ dep Dep }

// startPasskeyLogin issues a login challenge: silent.
func (h *Handler) startPasskeyLogin(w http.ResponseWriter, r *http.Request) {
	wa, err := h.dep.WebAuthn(r.Context())
	if err != nil {
		http.Error(w, "unavailable", http.StatusInternalServerError)
		return
	}
	challenge := wa.rpID + "-challenge"
	if err := h.dep.SaveChallenge(r.Context(), r.FormValue("session"), challenge); err != nil {
		http.Error(w, "unavailable", http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"challenge": challenge})
}

// loginForm shows the realm of the configured authenticator: silent.
func (h *Handler) loginForm(w http.ResponseWriter, r *http.Request) {
	a := h.dep.Authenticator()
	if a == nil {
		http.Error(w, "unavailable", http.StatusInternalServerError)
		return
	}
	h.dep.SaveChallenge(r.Context(), r.FormValue("session"), a.realm)
	w.Write([]byte(a.realm))
}

// purge checks the caller's token and deletes without a scope:
// reported.
func (h *Handler) purge(w http.ResponseWriter, r *http.Request) { // want `handler Handler.purge authenticates the caller`
	if _, err := h.dep.Authenticate(r.Context(), r.Header.Get("Authorization")); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	h.dep.DeleteFile(r.Context(), r.FormValue("id"))
}

// purgePasskey checks a passkey assertion and deletes without a scope:
// reported (the name mentions WebAuthn, the result is the caller).
func (h *Handler) purgePasskey(w http.ResponseWriter, r *http.Request) { // want `handler Handler.purgePasskey authenticates the caller`
	if _, err := h.dep.AuthenticateWebAuthn(r.Context(), r.FormValue("assertion")); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	h.dep.DeleteFile(r.Context(), r.FormValue("id"))
}

func Routes(h *Handler) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/login/passkey/start", h.startPasskeyLogin)
	mux.HandleFunc("/login", h.loginForm)
	mux.HandleFunc("/purge", h.purge)
	mux.HandleFunc("/purge/passkey", h.purgePasskey)
	return mux
}
