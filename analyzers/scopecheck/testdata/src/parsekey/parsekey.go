package parsekey // want package:"analyzed"

// A call whose name only parses or decodes a bare key (ParseKey,
// DecodeKey) reads a cryptographic key, a peer's public key or a
// configured one, into a value: it checks no caller. Parsing an API
// key, verifying a key, or parsing a token still authenticates.

import (
	"context"
	"net/http"
)

type Key [32]byte

type Caller struct{ Name string }

type Keys interface {
	ParseKey(s string) (Key, error)
	DecodeKey(s string) (Key, error)
	ParseAPIKey(ctx context.Context, key string) (*Caller, error) // want ParseAPIKey:"defers"
	VerifyKey(ctx context.Context, key string) (*Caller, error)   // want VerifyKey:"defers"
	SavePeer(ctx context.Context, id string, k Key) error         // want SavePeer:"defers"
	DeleteNetwork(ctx context.Context, id string) error           // want DeleteNetwork:"defers"
}

type Handler struct{ keys Keys }

// addPeer parses the peer's WireGuard public key and stores it: silent
// (no caller is checked here at all).
func (h *Handler) addPeer(w http.ResponseWriter, r *http.Request) {
	k, err := h.keys.ParseKey(r.FormValue("public_key"))
	if err != nil {
		http.Error(w, "bad key", http.StatusBadRequest)
		return
	}
	h.keys.SavePeer(r.Context(), r.FormValue("id"), k)
}

// rotate decodes a configured key: silent.
func (h *Handler) rotate(w http.ResponseWriter, r *http.Request) {
	k, err := h.keys.DecodeKey(r.FormValue("next"))
	if err != nil {
		http.Error(w, "bad key", http.StatusBadRequest)
		return
	}
	h.keys.SavePeer(r.Context(), "self", k)
}

// purge parses the caller's API key and deletes without a scope:
// reported.
func (h *Handler) purge(w http.ResponseWriter, r *http.Request) { // want `handler Handler.purge authenticates the caller`
	if _, err := h.keys.ParseAPIKey(r.Context(), r.FormValue("k")); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	h.keys.DeleteNetwork(r.Context(), r.FormValue("id"))
}

// purgeVerified verifies a key and deletes without a scope: reported.
func (h *Handler) purgeVerified(w http.ResponseWriter, r *http.Request) { // want `handler Handler.purgeVerified authenticates the caller`
	if _, err := h.keys.VerifyKey(r.Context(), r.FormValue("k")); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	h.keys.DeleteNetwork(r.Context(), r.FormValue("id"))
}

func Routes(h *Handler) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/peers", h.addPeer)
	mux.HandleFunc("/rotate", h.rotate)
	mux.HandleFunc("/purge", h.purge)
	mux.HandleFunc("/purge/verified", h.purgeVerified)
	return mux
}
