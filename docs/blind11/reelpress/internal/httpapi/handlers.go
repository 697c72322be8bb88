package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"example.com/blind11/reelpress/internal/tenants"
)

var profiles = map[string]string{
	"hls-1080": "H.264 ladder 1080p/720p/480p, 6 s segments",
	"hls-4k":   "HEVC ladder up to 2160p",
	"mp4-web":  "single 720p MP4 with faststart",
	"audio":    "AAC 128k and Opus 96k",
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) profiles(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, profiles) }

func (s *Server) createJob(w http.ResponseWriter, r *http.Request) {
	t := tenantOf(r)
	var req struct {
		Source  string `json:"source"`
		Profile string `json:"profile"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Source == "" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if _, ok := profiles[req.Profile]; !ok {
		http.Error(w, "unknown profile", http.StatusBadRequest)
		return
	}
	src := req.Source
	if !strings.Contains(src, "://") {
		// an object the tenant uploaded to its own prefix
		u, err := s.presign.GetURL(t.ID+"/uploads/"+strings.TrimLeft(src, "/"), 6*time.Hour)
		if err != nil {
			http.Error(w, "bad source", http.StatusBadRequest)
			return
		}
		src = u
	}
	j := s.jobs.Create(t.ID, req.Source, req.Profile)
	if err := s.farm.Submit(r.Context(), j, src); err != nil {
		s.log.Error("submit failed", "job", j.ID, "err", err)
		s.jobs.SetStatus(j.ID, "failed", nil, 0)
		http.Error(w, "could not queue job", http.StatusBadGateway)
		return
	}
	writeJSON(w, http.StatusAccepted, j)
}

// listJobs lists a tenant's jobs; the dashboard passes ?tenant= for the tenant it shows.
func (s *Server) listJobs(w http.ResponseWriter, r *http.Request) {
	tid := r.URL.Query().Get("tenant")
	if tid == "" {
		tid = tenantOf(r).ID
	}
	writeJSON(w, http.StatusOK, s.jobs.List(tid))
}

func (s *Server) getJob(w http.ResponseWriter, r *http.Request) {
	j, err := s.jobs.ForTenant(r.PathValue("id"), tenantOf(r).ID)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	writeJSON(w, http.StatusOK, j)
}

func (s *Server) cancelJob(w http.ResponseWriter, r *http.Request) {
	j, err := s.jobs.Get(r.PathValue("id"))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if j.Status == "done" || j.Status == "failed" {
		http.Error(w, "job already finished", http.StatusConflict)
		return
	}
	s.jobs.SetStatus(j.ID, "cancelled", nil, 0)
	s.log.Info("job cancelled", "job", j.ID, "by", tenantOf(r).ID)
	w.WriteHeader(http.StatusNoContent)
}

// downloadURL returns a short-lived URL of one rendition.
func (s *Server) downloadURL(w http.ResponseWriter, r *http.Request) {
	j, err := s.jobs.Get(r.PathValue("job"))
	if err != nil || j.Status != "done" {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	u, err := s.presign.GetURL(j.TenantID+"/renditions/"+j.ID+"/"+r.PathValue("name"), 15*time.Minute)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"url": u})
}

func (s *Server) usage(w http.ResponseWriter, r *http.Request) {
	t := tenantOf(r)
	writeJSON(w, http.StatusOK, map[string]any{"tenant": t.ID, "plan": t.Plan, "minutes_used": t.MinutesUsed})
}

// rotateKey issues a new API key for the tenant in the path (the old one stops working).
func (s *Server) rotateKey(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	key, err := s.tenants.Rotate(id)
	if errors.Is(err, tenants.ErrNotFound) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	s.log.Info("api key rotated", "tenant", id, "by", tenantOf(r).ID, "key", key) // WANT tokenlog T06
	writeJSON(w, http.StatusCreated, map[string]string{"api_key": key})
}

func (s *Server) tenantInfo(w http.ResponseWriter, r *http.Request) {
	t := tenantOf(r)
	writeJSON(w, http.StatusOK, map[string]any{"id": t.ID, "name": t.Name, "plan": t.Plan, "webhook_url": t.WebhookURL, "key_id": t.KeyID})
}

type callback struct {
	Status  string   `json:"status"`
	Outputs []string `json:"outputs"`
	Minutes float64  `json:"minutes"`
}

// farmCallback receives a job's result from the transcoder that ran it.
func (s *Server) farmCallback(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s15
	j, err := s.jobs.Get(r.PathValue("job"))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if r.Header.Get(CallbackHeader) != j.CallbackToken { // WANT tokenverify V04
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	var cb callback
	if err := json.NewDecoder(r.Body).Decode(&cb); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	s.jobs.SetStatus(j.ID, cb.Status, cb.Outputs, cb.Minutes)
	s.tenants.AddMinutes(j.TenantID, cb.Minutes)
	w.WriteHeader(http.StatusNoContent)
}

// purge re-runs nothing; it drops a job's renditions from the CDN after a manual fix.
func (s *Server) purge(w http.ResponseWriter, r *http.Request) {
	j, err := s.jobs.Get(r.PathValue("job"))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if err := s.cdn.Purge(r.Context(), "/"+j.TenantID+"/renditions/"+j.ID+"/"); err != nil {
		s.log.Error("purge failed", "job", j.ID, "err", err)
		http.Error(w, "purge failed", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
