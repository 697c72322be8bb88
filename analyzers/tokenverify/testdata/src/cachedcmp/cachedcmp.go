// Package cachedcmp: a setting compared with the copy the program keeps
// of it, to rebuild what it derived (a verifier) when the setting
// changes, is no login: every store to the unexported copy copies that
// setting or resets it. A copy that may hold anything else, an exported
// field a decoder can fill, or a request value is still compared as a
// credential.
package cachedcmp

import (
	"net/http"
	"sync"
)

type Config struct {
	HMACSecretKey         string
	HMACPreviousSecretKey string
	APIKey                string
}

type verifier struct{ key string }

func newVerifier(key string) *verifier { return &verifier{key: key} }

type Handler struct {
	mu          sync.RWMutex
	verifier    *verifier
	verifierKey string
	prevKey     string
	// Exported: a decoder may fill it.
	CachedKey string
	// Stored from a request somewhere.
	lastKey string
	// Stored from another setting.
	otherKey string
}

// Near misses.

func (h *Handler) get(cfg Config) *verifier {
	h.mu.RLock()
	v := h.verifier
	vKey := h.verifierKey
	pvKey := h.prevKey
	h.mu.RUnlock()
	if vKey == cfg.HMACSecretKey && pvKey == cfg.HMACPreviousSecretKey { // silent: local copies of the cached keys
		return v
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.verifierKey != cfg.HMACSecretKey { // silent: the cached copy of the setting
		h.verifier = newVerifier(cfg.HMACSecretKey)
		h.verifierKey = cfg.HMACSecretKey
	}
	if cfg.HMACPreviousSecretKey != "" {
		h.prevKey = cfg.HMACPreviousSecretKey
	} else {
		h.prevKey = ""
	}
	return h.verifier
}

// Positives.

func (h *Handler) exported(cfg Config) bool {
	h.CachedKey = cfg.APIKey
	return h.CachedKey == cfg.APIKey // want `compared with ==`
}

func (h *Handler) remember(r *http.Request) {
	h.lastKey = r.Header.Get("X-Api-Key")
}

func (h *Handler) fromRequestToo(cfg Config) bool {
	h.lastKey = cfg.APIKey
	return h.lastKey == cfg.APIKey // want `compared with ==`
}

func (h *Handler) otherSetting(cfg Config) bool {
	h.otherKey = cfg.HMACPreviousSecretKey
	return h.otherKey == cfg.HMACSecretKey // want `compared with ==`
}

func (h *Handler) presented(cfg Config, r *http.Request) bool {
	given := r.Header.Get("X-Api-Key")
	return given == cfg.APIKey // want `compared with ==`
}

// More near misses.

// The cached field itself, compared outside an update.
func (h *Handler) current(cfg Config) bool {
	return h.verifierKey == cfg.HMACSecretKey // silent: the cached copy of the setting
}

type signerCache struct {
	key    string
	signer *verifier
}

// A cache built by a keyed literal from the setting.
func newSignerCache(cfg Config) *signerCache {
	return &signerCache{key: cfg.APIKey, signer: newVerifier(cfg.APIKey)}
}

func (s *signerCache) stale(cfg Config) bool {
	return s.key != cfg.APIKey // silent: built from that setting only
}
