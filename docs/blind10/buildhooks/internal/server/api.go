package server

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"time"

	"example.com/blind10/buildhooks/internal/policy"
	"example.com/blind10/buildhooks/internal/store"
)

func (s *Server) listPipelines(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r)
	orgs := make([]string, 0, len(u.Orgs))
	for org := range u.Orgs {
		orgs = append(orgs, org)
	}
	writeJSON(w, http.StatusOK, map[string]any{"pipelines": s.store.PipelinesOf(orgs)})
}

func (s *Server) retryPipeline(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r)
	p, err := s.store.Pipeline(r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if err := s.jenkins.Trigger(r.Context(), p.Job, url.Values{"SHA": {p.SHA}, "PIPELINE": {p.ID}, "RETRY": {"1"}}); err != nil {
		http.Error(w, "queue unavailable", http.StatusBadGateway)
		return
	}
	if p.Installation != 0 {
		if err := s.app.SetStatus(r.Context(), p.Installation, p.Repo, p.SHA, "pending", s.cfg.PublicURL+"/pipelines/"+p.ID, "retried by "+u.Login); err != nil {
			s.log.Warn("commit status", "pipeline", p.ID, "err", err)
		}
	}
	s.log.Info("pipeline retried", "pipeline", p.ID, "repo", p.Repo, "by", u.Login)
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) runLog(w http.ResponseWriter, r *http.Request) {
	run, err := s.store.Run(r.PathValue("id"))
	if err != nil || !policy.Can(userFrom(r), "runs:read", run.Repo) {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = io.WriteString(w, run.Log)
}

func (s *Server) putSecret(w http.ResponseWriter, r *http.Request) {
	repo := r.PathValue("owner") + "/" + r.PathValue("repo")
	var body struct {
		Value string `json:"value"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Value == "" {
		http.Error(w, "value is required", http.StatusBadRequest)
		return
	}
	s.store.PutSecret(repo, r.PathValue("name"), body.Value)
	sum := sha256.Sum256([]byte(body.Value))
	s.log.Info("secret updated", "repo", repo, "name", r.PathValue("name"), "by", userFrom(r).Login, "value_sha256", hex.EncodeToString(sum[:])[:12]) // NEAR tokenlog t09
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) deleteSecret(w http.ResponseWriter, r *http.Request) {
	repo := r.PathValue("owner") + "/" + r.PathValue("repo")
	if err := s.store.DeleteSecret(repo, r.PathValue("name")); err != nil {
		http.NotFound(w, r)
		return
	}
	s.log.Info("secret deleted", "repo", repo, "name", r.PathValue("name"), "by", userFrom(r).Login)
	w.WriteHeader(http.StatusNoContent)
}

// deploy is called by the release workflows:
//
//	curl -H "Authorization: Bearer $ID_TOKEN" -d '{"service":"api","environment":"prod","image":"..."}' .../workflow/deploy
func (s *Server) deploy(w http.ResponseWriter, r *http.Request) { // WANT scopecheck S11
	claims, err := s.actions.Deploy(r.Context(), bearer(r))
	if err != nil {
		http.Error(w, "invalid workflow token", http.StatusUnauthorized)
		return
	}
	var req struct {
		Service     string `json:"service"`
		Environment string `json:"environment"`
		Image       string `json:"image"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Service == "" || req.Image == "" {
		http.Error(w, "service and image are required", http.StatusBadRequest)
		return
	}
	id := make([]byte, 8)
	_, _ = rand.Read(id)
	d := store.Deployment{ID: hex.EncodeToString(id), Service: req.Service, Environment: req.Environment, Image: req.Image,
		RequestedBy: claims.Repository + "@" + claims.Ref, At: time.Now()}
	s.store.AddDeployment(d)
	s.log.Info("deployment requested", "deployment", d.ID, "service", d.Service, "env", d.Environment, "by", d.RequestedBy, "workflow", claims.Workflow)
	writeJSON(w, http.StatusAccepted, d)
}

// uploadArtifact stores a build artifact for the workflow's own repository.
func (s *Server) uploadArtifact(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s21
	claims, err := s.actions.Artifacts(r.Context(), bearer(r))
	if err != nil {
		http.Error(w, "invalid workflow token", http.StatusUnauthorized)
		return
	}
	repo := r.PathValue("owner") + "/" + r.PathValue("repo")
	if claims.Repository != repo || claims.RepositoryOwner != s.cfg.GitHubOrg {
		http.Error(w, "token is not for this repository", http.StatusForbidden)
		return
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 512<<20))
	if err != nil {
		http.Error(w, "artifact too large", http.StatusRequestEntityTooLarge)
		return
	}
	s.store.PutArtifact(repo, r.PathValue("name"), b)
	w.WriteHeader(http.StatusCreated)
}
