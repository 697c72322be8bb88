// Package jobs keeps transcoding jobs and hands them to the transcoder farm.
package jobs

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"sync"
	"time"
)

var ErrNotFound = errors.New("job not found")

type Job struct {
	ID            string    `json:"id"`
	TenantID      string    `json:"tenant_id"`
	Source        string    `json:"source"`
	Profile       string    `json:"profile"`
	Status        string    `json:"status"`
	Outputs       []string  `json:"outputs,omitempty"`
	Minutes       float64   `json:"minutes,omitempty"`
	CallbackToken string    `json:"-"`
	Created       time.Time `json:"created"`
}

type Store struct {
	mu   sync.RWMutex
	jobs map[string]*Job
}

func NewStore() *Store { return &Store{jobs: map[string]*Job{}} }

func randomID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *Store) Create(tenantID, source, profile string) *Job {
	j := &Job{ID: "job_" + randomID(8), TenantID: tenantID, Source: source, Profile: profile, Status: "queued", CallbackToken: randomID(24), Created: time.Now()}
	s.mu.Lock()
	s.jobs[j.ID] = j
	s.mu.Unlock()
	return j
}

func (s *Store) Get(id string) (*Job, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	j, ok := s.jobs[id]
	if !ok {
		return nil, ErrNotFound
	}
	return j, nil
}

// ForTenant returns the job only if it belongs to tenantID.
func (s *Store) ForTenant(id, tenantID string) (*Job, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	j, ok := s.jobs[id]
	if !ok || j.TenantID != tenantID {
		return nil, ErrNotFound
	}
	return j, nil
}

func (s *Store) List(tenantID string) []Job {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Job
	for _, j := range s.jobs {
		if j.TenantID == tenantID {
			out = append(out, *j)
		}
	}
	return out
}

func (s *Store) SetStatus(id, status string, outputs []string, minutes float64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if j, ok := s.jobs[id]; ok {
		j.Status, j.Outputs, j.Minutes = status, outputs, minutes
	}
}

// Farm submits jobs to the transcoder farm's queue API.
type Farm struct {
	URL      string // in-cluster
	Token    string
	Callback string // our public base URL
	HTTP     *http.Client
	Log      *slog.Logger
}

func (f *Farm) Submit(ctx context.Context, j *Job, sourceURL string) error {
	body, _ := json.Marshal(map[string]any{
		"job": j.ID, "source": sourceURL, "profile": j.Profile,
		"callback_url": f.Callback + "/internal/callbacks/" + j.ID, "callback_token": j.CallbackToken,
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.URL+"/v1/queue", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+f.Token)
	req.Header.Set("Content-Type", "application/json")
	if f.Log.Enabled(ctx, slog.LevelDebug) {
		masked := req.Clone(ctx)
		masked.Header.Set("Authorization", "Bearer [redacted]")
		dump, _ := httputil.DumpRequestOut(masked, false)
		f.Log.Debug("farm submit", "request", string(dump)) // NEAR tokenlog t05
	}
	resp, err := f.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("farm rejected job %s: %s", j.ID, resp.Status)
	}
	return nil
}
