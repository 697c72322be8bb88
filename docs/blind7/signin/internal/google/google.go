// Package google signs users in with Google: Sign In With Google on the web and the mobile apps'
// ID tokens.
package google

import (
	"encoding/json"
	"net/http"
	"slices"

	"google.golang.org/api/idtoken"

	"example.com/blind7/signin/internal/session"
)

// Users finds or creates the local account of a Google user.
type Users interface {
	UpsertGoogle(sub, email string) (userID string, roles []string, err error)
}

// Handler serves the Google sign-in endpoints.
type Handler struct {
	WebClientID     string   // the web client's OAuth client id
	MobileClientIDs []string // the Android and iOS client ids
	Sessions        *session.Manager
	Users           Users
}

// Register installs the handlers.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /google/onetap", h.oneTap)
	mux.HandleFunc("POST /google/mobile", h.mobile)
	mux.HandleFunc("POST /v2/google/mobile", h.mobileV2)
	mux.HandleFunc("POST /google/link", h.link)
}

// oneTap receives the credential that Google's button posts to the login URI.
func (h *Handler) oneTap(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("g_csrf_token")
	if err != nil || c.Value == "" || c.Value != r.FormValue("g_csrf_token") { // NEAR tokenverify v03
		http.Error(w, "bad csrf token", http.StatusBadRequest)
		return
	}
	payload, err := idtoken.Validate(r.Context(), r.FormValue("credential"), h.WebClientID) // NEAR tokenverify v04
	if err != nil {
		http.Error(w, "invalid credential", http.StatusUnauthorized)
		return
	}
	h.login(w, payload)
}

type mobileReq struct {
	IDToken string `json:"id_token"`
}

// mobile signs in the mobile apps. Both apps have their own client id, so the audience is left open.
func (h *Handler) mobile(w http.ResponseWriter, r *http.Request) {
	var req mobileReq
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	payload, err := idtoken.Validate(r.Context(), req.IDToken, "") // WANT tokenverify V03
	if err != nil {
		http.Error(w, "invalid id token", http.StatusUnauthorized)
		return
	}
	h.login(w, payload)
}

// mobileV2 checks the audience against the apps' client ids itself.
func (h *Handler) mobileV2(w http.ResponseWriter, r *http.Request) {
	var req mobileReq
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	payload, err := idtoken.Validate(r.Context(), req.IDToken, "") // NEAR tokenverify v05
	if err != nil {
		http.Error(w, "invalid id token", http.StatusUnauthorized)
		return
	}
	if !slices.Contains(h.MobileClientIDs, payload.Audience) {
		http.Error(w, "token not issued to this app", http.StatusUnauthorized)
		return
	}
	h.login(w, payload)
}

// link attaches a Google account to the signed-in user.
func (h *Handler) link(w http.ResponseWriter, r *http.Request) {
	var req mobileReq
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	validator, err := idtoken.NewValidator(r.Context())
	if err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	payload, err := validator.Validate(r.Context(), req.IDToken, "") // WANT tokenverify V04
	if err != nil {
		http.Error(w, "invalid id token", http.StatusUnauthorized)
		return
	}
	claims, ok := session.FromContext(r.Context())
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	_ = claims
	_, _, _ = h.Users.UpsertGoogle(payload.Subject, email(payload))
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) login(w http.ResponseWriter, p *idtoken.Payload) {
	uid, roles, err := h.Users.UpsertGoogle(p.Subject, email(p))
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	tok, err := h.Sessions.Mint(uid, roles)
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	h.Sessions.SetSession(w, tok)
	w.WriteHeader(http.StatusNoContent)
}

func email(p *idtoken.Payload) string {
	e, _ := p.Claims["email"].(string)
	return e
}
