// Package compareliteral holds credentials compared with string
// literals: a secret fixed in the source is reported, a check of
// presence, form or a placeholder is not.
package compareliteral

import (
	"bytes"
	"net/http"
	"os"
	"strings"
)

// --- positives ---

// A backdoor admin token in the Authorization header.
func adminOnly(w http.ResponseWriter, r *http.Request) {
	token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if token == "secret-admin-token" { // want `credentials from the Authorization header compared with a hard-coded literal with ==`
		w.WriteHeader(http.StatusOK)
		return
	}
	http.Error(w, "forbidden", http.StatusForbidden)
}

// An API key parameter checked against a literal.
func validKey(apiKey string) bool {
	return apiKey == "k3y-9f8a7b6c5d" // want `compared with a hard-coded literal with ==`
}

// An X-API-Key header compared with bytes.Equal.
func keyBytes(r *http.Request) bool {
	if !bytes.Equal([]byte(r.Header.Get("X-API-Key")), []byte("live_4f9a8b7c6d5e")) { // want `compared with a hard-coded literal with bytes.Equal`
		return false
	}
	return true
}

// A secret from the environment compared with its old hard-coded value.
func legacySecret() bool {
	return os.Getenv("WEBHOOK_SECRET") != "whsec_0a1b2c3d4e5f" // want `compared with a hard-coded literal with !=`
}

// --- near misses ---

// Presence check: silent.
func present(r *http.Request) bool {
	token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	return token != ""
}

// Scheme check: silent.
func scheme(r *http.Request) bool {
	parts := strings.SplitN(r.Header.Get("Authorization"), " ", 2)
	return len(parts) == 2 && parts[0] == "Bearer"
}

// Placeholders and sentinels: silent.
func placeholder(apiKey string) bool {
	if apiKey == "changeme" || apiKey == "<your-api-key>" || apiKey == "xxxxxxxxxxxx" {
		return false
	}
	return apiKey != "undefined"
}

// A token type, not a token: silent.
func tokenType(r *http.Request) bool {
	return r.FormValue("grant_type") == "refresh_token"
}

// A non-credential header: silent.
func contentType(r *http.Request) bool {
	return r.Header.Get("Content-Type") == "application/json"
}

// A credential-named local holding a configured value, compared with a
// literal without deciding anything supplied by a caller: silent.
var configuredToken = os.Getenv("SERVICE_NAME")

func configured() bool {
	mode := "production-mode"
	return mode == "production-mode" && configuredToken != ""
}

// A literal compared but the result decides nothing: silent.
func logOnly(r *http.Request, logf func(string, ...any)) {
	token := r.Header.Get("Authorization")
	logf("is demo: %v", token == "Bearer demo-token-123")
}

// A webhook key header checked against a literal: reported.
func hookKey(r *http.Request) bool {
	return r.Header.Get("X-Webhook-Key") == "hk_7Yc2Vb9Nm4Qx" // want `compared with a hard-coded literal with ==`
}

// An event key names the event (Bitbucket sends X-Event-Key:
// "repo:push", "diagnostics:ping"): no credential, silent.
const pingEvent = "diagnostics:ping"

func eventKey(r *http.Request) bool {
	eventType := r.Header.Get("X-Event-Key")
	if eventType == pingEvent {
		return true
	}
	return r.Header.Get("X-Hook-Event-Key") == "repo:refs_changed"
}

const (
	headerRequestedWith    = "X-Requested-With"
	headerRequestedWithXML = "XMLHttpRequest"
)

// Near miss: an anti-CSRF check of a public header, whatever the
// variable holding it is called.
func checkCSRFToken(r *http.Request) bool {
	token := r.Header.Get(headerRequestedWith)
	return token == headerRequestedWithXML
}

// A token header compared with a literal through the same shape is
// still reported.
func checkDebugToken(r *http.Request) bool {
	token := r.Header.Get("X-Debug-Token")
	return token == "dbg-7f3a9c2e1b" // want `compared with a hard-coded literal with ==`
}

// Near miss: a sentinel the client sends for a token it does not have,
// rejected before the real check; a word-built secret is still one.
func checkSentinel(r *http.Request) bool {
	token := r.Header.Get("X-Session-Token")
	if token == "invalid-token" || token == "expired_token" {
		return false
	}
	return token == "tenant-ops-rotate" // want `compared with a hard-coded literal with ==`
}

// Near miss: a value called a token by its name alone, compared with a
// lower-case word, is a kind (weaviate's index type tokens); a token
// the request carries and a key named so are still judged.
func canonicalIndexType(internalToken string) string {
	if internalToken == "rangeable" {
		return "rangeFilters"
	}
	return internalToken
}

func wordKey(apiKey string) bool {
	return apiKey == "supersecretkey" // want `compared with a hard-coded literal with ==`
}

func wordHeaderToken(r *http.Request) bool {
	return r.Header.Get("X-Admin-Token") == "opensesame" // want `compared with a hard-coded literal with ==`
}
