// Package apple signs users in with Apple and receives Apple's server-to-server notifications.
package apple

import (
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/golang-jwt/jwt/v5"
)

const appleIssuer = "https://appleid.apple.com"

// Handler serves the Sign in with Apple endpoints.
type Handler struct {
	BundleID   string // the iOS app's audience
	ServicesID string // the web flow's audience
	TeamID     string
	keys       keyCache
	DeleteUser func(sub string) error
	Login      func(w http.ResponseWriter, sub, email string)
}

type appleClaims struct {
	Email         string `json:"email"`
	EmailVerified any    `json:"email_verified"`
	jwt.RegisteredClaims
}

// Register installs the handlers.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /apple/native", h.native)
	mux.HandleFunc("POST /apple/callback", h.webCallback)
	mux.HandleFunc("POST /apple/notifications", h.notifications)
}

// native receives the identity token the iOS app got from AuthenticationServices.
func (h *Handler) native(w http.ResponseWriter, r *http.Request) {
	raw := r.FormValue("identity_token")
	var c appleClaims
	_, err := jwt.ParseWithClaims(raw, &c, h.keys.keyfunc, jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer(appleIssuer)) // WANT tokenverify V05
	if err != nil {
		http.Error(w, "invalid identity token", http.StatusUnauthorized)
		return
	}
	h.Login(w, c.Subject, c.Email)
}

// webCallback receives the form_post of the web flow.
func (h *Handler) webCallback(w http.ResponseWriter, r *http.Request) {
	st, err := r.Cookie("apple_state")
	if err != nil || st.Value != r.FormValue("state") {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	var c appleClaims
	_, err = jwt.ParseWithClaims(r.FormValue("id_token"), &c, h.keys.keyfunc, // NEAR tokenverify v06
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer(appleIssuer), jwt.WithAudience(h.ServicesID))
	if err != nil {
		http.Error(w, "invalid id token", http.StatusUnauthorized)
		return
	}
	h.Login(w, c.Subject, c.Email)
}

type notification struct {
	Payload string `json:"payload"`
}

type notificationClaims struct {
	Events string `json:"events"`
	jwt.RegisteredClaims
}

type appleEvent struct {
	Type string `json:"type"`
	Sub  string `json:"sub"`
}

// notifications receives account events (consent revoked, account deleted) from Apple.
func (h *Handler) notifications(w http.ResponseWriter, r *http.Request) {
	var n notification
	if err := json.NewDecoder(r.Body).Decode(&n); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var c notificationClaims
	if _, _, err := jwt.NewParser().ParseUnverified(n.Payload, &c); err != nil { // ALT V06
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	var ev appleEvent
	if err := json.Unmarshal([]byte(c.Events), &ev); err != nil {
		http.Error(w, "bad events", http.StatusBadRequest)
		return
	}
	if ev.Type == "account-delete" || ev.Type == "consent-revoked" { // WANT tokenverify V06
		_ = h.DeleteUser(ev.Sub)
	}
	w.WriteHeader(http.StatusOK)
}

// keyCache holds Apple's signing keys by kid.
type keyCache struct {
	mu   sync.Mutex
	keys map[string]*rsa.PublicKey
}

func (k *keyCache) keyfunc(t *jwt.Token) (any, error) {
	kid, _ := t.Header["kid"].(string)
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.keys == nil {
		if err := k.refresh(); err != nil {
			return nil, err
		}
	}
	if key, ok := k.keys[kid]; ok {
		return key, nil
	}
	return nil, fmt.Errorf("unknown kid %q", kid)
}

func (k *keyCache) refresh() error {
	resp, err := http.Get(appleIssuer + "/auth/keys")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var set struct {
		Keys []struct {
			Kid string `json:"kid"`
			N   string `json:"n"`
			E   string `json:"e"`
		} `json:"keys"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&set); err != nil {
		return err
	}
	k.keys = map[string]*rsa.PublicKey{}
	for _, jk := range set.Keys {
		n, err1 := base64.RawURLEncoding.DecodeString(jk.N)
		e, err2 := base64.RawURLEncoding.DecodeString(jk.E)
		if err1 != nil || err2 != nil {
			return errors.New("bad key")
		}
		k.keys[jk.Kid] = &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	}
	return nil
}

// Revoke revokes a user's refresh token at Apple (client secret in the form body).
func (h *Handler) Revoke(clientSecret, refreshToken string) error {
	form := url.Values{"client_id": {h.ServicesID}, "client_secret": {clientSecret}, "token": {refreshToken}, "token_type_hint": {"refresh_token"}}
	resp, err := http.Post(appleIssuer+"/auth/revoke", "application/x-www-form-urlencoded", strings.NewReader(form.Encode())) // NEAR credexposure c05
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
