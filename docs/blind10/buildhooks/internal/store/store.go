// Package store holds pipelines, runs, repository secrets and dashboard sessions. Sessions are
// written by the SSO sidecar in front of the dashboard; the rest by buildhooks itself.
package store

import (
	"errors"
	"slices"
	"sync"
	"time"
)

var ErrNotFound = errors.New("not found")

// User is a dashboard user: a GitHub login and their role in each organisation.
type User struct {
	Login string
	Orgs  map[string]string // org -> "admin" | "maintainer" | "member"
}

type Pipeline struct {
	ID           string    `json:"id"`
	Org          string    `json:"org"`
	Repo         string    `json:"repo"` // owner/name
	SHA          string    `json:"sha"`
	Job          string    `json:"job"`
	Installation int64     `json:"-"`
	State        string    `json:"state"`
	Started      time.Time `json:"started"`
}

type Run struct {
	ID, PipelineID, Repo, Log string
}

type Deployment struct {
	ID, Service, Environment, Image, RequestedBy string
	At                                           time.Time
}

type Store struct {
	mu          sync.RWMutex
	sessions    map[string]*User
	pipelines   map[string]*Pipeline
	runs        map[string]*Run
	secrets     map[string]map[string]string // repo -> name -> value
	artifacts   map[string][]byte
	deployments []Deployment
}

func New() *Store {
	return &Store{sessions: map[string]*User{}, pipelines: map[string]*Pipeline{}, runs: map[string]*Run{},
		secrets: map[string]map[string]string{}, artifacts: map[string][]byte{}}
}

func (s *Store) Session(id string) (*User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if u, ok := s.sessions[id]; ok {
		return u, nil
	}
	return nil, ErrNotFound
}

func (s *Store) AddPipeline(p *Pipeline) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pipelines[p.ID] = p
}

func (s *Store) Pipeline(id string) (Pipeline, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if p, ok := s.pipelines[id]; ok {
		return *p, nil
	}
	return Pipeline{}, ErrNotFound
}

// PipelinesOf lists the pipelines of the given organisations, newest first.
func (s *Store) PipelinesOf(orgs []string) []Pipeline {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Pipeline
	for _, p := range s.pipelines {
		if slices.Contains(orgs, p.Org) {
			out = append(out, *p)
		}
	}
	slices.SortFunc(out, func(a, b Pipeline) int { return b.Started.Compare(a.Started) })
	return out
}

func (s *Store) Run(id string) (Run, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if r, ok := s.runs[id]; ok {
		return *r, nil
	}
	return Run{}, ErrNotFound
}

func (s *Store) PutSecret(repo, name, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.secrets[repo] == nil {
		s.secrets[repo] = map[string]string{}
	}
	s.secrets[repo][name] = value
}

func (s *Store) DeleteSecret(repo, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.secrets[repo][name]; !ok {
		return ErrNotFound
	}
	delete(s.secrets[repo], name)
	return nil
}

func (s *Store) PutArtifact(repo, name string, b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.artifacts[repo+"/"+name] = b
}

func (s *Store) AddDeployment(d Deployment) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deployments = append(s.deployments, d)
}
