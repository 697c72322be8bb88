// Package inbound receives webhooks from GitHub, GitLab, Stripe, Slack and Twilio.
package inbound

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
)

// Secrets are the webhook signing secrets, read from the environment at start-up.
type Secrets struct {
	GitHub        string
	GitLab        string
	Stripe        string
	Slack         string
	SlackVerifTok string // legacy verification token of the Slack app
	Twilio        string
}

// Receiver handles the webhook endpoints.
type Receiver struct {
	S        Secrets
	Enqueue  func(source, kind string, body []byte)
	mu       sync.Mutex
	lastSeen map[string]string // source -> last delivery id
}

// GitHub verifies X-Hub-Signature-256.
func (rc *Receiver) GitHub(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, []byte(rc.S.GitHub))
	mac.Write(body)
	expected := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	if r.Header.Get("X-Hub-Signature-256") != expected { // WANT tokenverify V09
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	if r.Header.Get("X-GitHub-Event") == "ping" { // NEAR tokenverify v11
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if rc.duplicate("github", r.Header.Get("X-GitHub-Delivery")) {
		w.WriteHeader(http.StatusOK)
		return
	}
	rc.Enqueue("github", r.Header.Get("X-GitHub-Event"), body)
	w.WriteHeader(http.StatusAccepted)
}

// GitHubApp is the GitHub App's endpoint; it decodes the signature and compares the bytes.
func (rc *Receiver) GitHubApp(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	sig, err := hex.DecodeString(strings.TrimPrefix(r.Header.Get("X-Hub-Signature-256"), "sha256="))
	if err != nil {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	mac := hmac.New(sha256.New, []byte(rc.S.GitHub))
	mac.Write(body)
	if !hmac.Equal(sig, mac.Sum(nil)) { // NEAR tokenverify v12
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	rc.Enqueue("github-app", r.Header.Get("X-GitHub-Event"), body)
	w.WriteHeader(http.StatusAccepted)
}

// GitLab compares the shared X-Gitlab-Token.
func (rc *Receiver) GitLab(w http.ResponseWriter, r *http.Request) {
	if tok := r.Header.Get("X-Gitlab-Token"); tok != rc.S.GitLab { // WANT tokenverify V10
		http.Error(w, "bad token", http.StatusUnauthorized)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var ev struct {
		ObjectKind string `json:"object_kind"`
	}
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	if ev.ObjectKind != "push" && ev.ObjectKind != "merge_request" { // NEAR tokenverify v13
		w.WriteHeader(http.StatusNoContent)
		return
	}
	rc.Enqueue("gitlab", ev.ObjectKind, body)
	w.WriteHeader(http.StatusAccepted)
}

// duplicate reports whether the delivery id repeats the last one of the source.
func (rc *Receiver) duplicate(source, id string) bool {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.lastSeen == nil {
		rc.lastSeen = map[string]string{}
	}
	if rc.lastSeen[source] == id { // NEAR tokenverify v14
		return true
	}
	rc.lastSeen[source] = id
	return false
}
