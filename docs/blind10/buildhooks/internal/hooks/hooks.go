// Package hooks receives push and merge-request webhooks from GitHub, GitLab and Gitea and turns
// them into pipelines.
package hooks

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"example.com/blind10/buildhooks/internal/jenkins"
	"example.com/blind10/buildhooks/internal/store"
)

// SignatureHeader is where GitHub puts the body's HMAC.
const SignatureHeader = "X-Hub-Signature-256" // NEAR hardcodedcred h04

type Receiver struct {
	GitHubSecret []byte
	GitLabToken  string
	GiteaSecret  []byte
	Store        *store.Store
	Jenkins      *jenkins.Client
	Log          *slog.Logger
}

type pushEvent struct {
	Ref          string `json:"ref"`
	After        string `json:"after"`
	Installation struct {
		ID int64 `json:"id"`
	} `json:"installation"`
	Repository struct {
		FullName string `json:"full_name"`
	} `json:"repository"`
	// GitLab's names for the same things.
	CheckoutSHA string `json:"checkout_sha"`
	Project     struct {
		PathWithNamespace string `json:"path_with_namespace"`
	} `json:"project"`
}

func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 5<<20))
	if err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return nil, false
	}
	return body, true
}

func (rc *Receiver) GitHub(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	sig, _ := hex.DecodeString(strings.TrimPrefix(r.Header.Get(SignatureHeader), "sha256="))
	mac := hmac.New(sha256.New, rc.GitHubSecret)
	mac.Write(body)
	if !hmac.Equal(sig, mac.Sum(nil)) { // NEAR tokenverify v09
		rc.Log.Warn("github signature mismatch", "delivery", r.Header.Get("X-GitHub-Delivery"), "sig_len", len(sig)) // NEAR tokenlog t08
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	if r.Header.Get("X-GitHub-Event") != "push" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	var ev pushEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	rc.start(w, r, ev.Repository.FullName, ev.After, ev.Installation.ID)
}

func (rc *Receiver) GitLab(w http.ResponseWriter, r *http.Request) {
	if tok := r.Header.Get("X-Gitlab-Token"); tok != rc.GitLabToken { // WANT tokenverify V05
		rc.Log.Warn("gitlab token mismatch", "presented", tok, "project", r.Header.Get("X-Gitlab-Instance")) // WANT tokenlog T09
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	var ev pushEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	rc.start(w, r, ev.Project.PathWithNamespace, ev.CheckoutSHA, 0)
}

func (rc *Receiver) Gitea(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	got, err := hex.DecodeString(r.Header.Get("X-Gitea-Signature"))
	mac := hmac.New(sha256.New, rc.GiteaSecret)
	mac.Write(body)
	if err != nil || !bytes.Equal(got, mac.Sum(nil)) { // WANT tokenverify V06
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var ev pushEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	rc.start(w, r, ev.Repository.FullName, ev.After, 0)
}

// start records a pipeline for repo@sha and queues its Jenkins job (one job per repository).
func (rc *Receiver) start(w http.ResponseWriter, r *http.Request, repo, sha string, installation int64) {
	if repo == "" || len(sha) < 7 {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	id := make([]byte, 8)
	_, _ = rand.Read(id)
	org, _, _ := strings.Cut(repo, "/")
	p := &store.Pipeline{ID: hex.EncodeToString(id), Org: org, Repo: repo, SHA: sha, Job: strings.ReplaceAll(repo, "/", "-"),
		Installation: installation, State: "queued", Started: time.Now()}
	rc.Store.AddPipeline(p)
	if err := rc.Jenkins.Trigger(r.Context(), p.Job, url.Values{"SHA": {sha}, "PIPELINE": {p.ID}}); err != nil {
		rc.Log.Error("could not queue pipeline", "pipeline", p.ID, "repo", repo, "err", err) // WANT tokenlog T10
		http.Error(w, "queue unavailable", http.StatusBadGateway)
		return
	}
	rc.Log.Info("pipeline queued", "pipeline", p.ID, "repo", repo, "sha", sha[:7])
	w.WriteHeader(http.StatusAccepted)
}
