package flowcode // want package:"analyzed"

// Authentication taken for authorization (issue 15, class 5), the
// one-time codes of a login or device flow: a handler that checks the
// user code a person typed on a device page, a device code, or a
// one-time password is a step of the flow (the caller is not an
// authenticated API client yet), so no scope applies. A handler that
// validates the caller's token or API key and then works without a
// scope is still reported.

import (
	"context"
	"encoding/json"
	"net/http"
)

type Codes interface {
	ValidateUserCode(ctx context.Context, code string) error             // want ValidateUserCode:"defers"
	VerifyDeviceCode(ctx context.Context, code string) error             // want VerifyDeviceCode:"defers"
	CheckOTPCode(ctx context.Context, user, code string) error           // want CheckOTPCode:"defers"
	ValidateAccessToken(ctx context.Context, tok string) (string, error) // want ValidateAccessToken:"defers"
	VerifyAPIKey(ctx context.Context, key string) error                  // want VerifyAPIKey:"defers"
}

type Store interface {
	Accept(ctx context.Context, id string) error // want Accept:"defers"
	Delete(ctx context.Context, id string) error // want Delete:"defers"
}

type Handler struct {
	codes Codes
	store Store
}

type acceptBody struct {
	UserCode string `json:"user_code"`
}

// acceptUserCode checks the user code typed on the device page: silent.
func (h *Handler) acceptUserCode(w http.ResponseWriter, r *http.Request) {
	var b acceptBody
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	if err := h.codes.ValidateUserCode(r.Context(), b.UserCode); err != nil {
		http.Error(w, "bad code", http.StatusBadRequest)
		return
	}
	h.store.Accept(r.Context(), r.URL.Query().Get("device_challenge"))
}

// pollDevice checks the device code of a device grant: silent.
func (h *Handler) pollDevice(w http.ResponseWriter, r *http.Request) {
	if err := h.codes.VerifyDeviceCode(r.Context(), r.FormValue("device_code")); err != nil {
		http.Error(w, "pending", http.StatusBadRequest)
		return
	}
	h.store.Accept(r.Context(), r.FormValue("device_code"))
}

// secondFactor checks a one-time password in a login: silent.
func (h *Handler) secondFactor(w http.ResponseWriter, r *http.Request) {
	if err := h.codes.CheckOTPCode(r.Context(), r.FormValue("user"), r.FormValue("otp")); err != nil {
		http.Error(w, "bad code", http.StatusUnauthorized)
		return
	}
	h.store.Accept(r.Context(), r.FormValue("login"))
}

// purge validates the caller's access token and deletes without a
// scope: reported.
func (h *Handler) purge(w http.ResponseWriter, r *http.Request) { // want `handler Handler.purge authenticates the caller \(passes the Authorization header to Codes.ValidateAccessToken\)`
	if _, err := h.codes.ValidateAccessToken(r.Context(), r.Header.Get("Authorization")); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	h.store.Delete(r.Context(), r.FormValue("id"))
}

// drop validates the caller's API key and deletes without a scope:
// reported.
func (h *Handler) drop(w http.ResponseWriter, r *http.Request) { // want `handler Handler.drop authenticates the caller \(passes the X-API-Key header to Codes.VerifyAPIKey\)`
	if err := h.codes.VerifyAPIKey(r.Context(), r.Header.Get("X-API-Key")); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	h.store.Delete(r.Context(), r.FormValue("id"))
}
