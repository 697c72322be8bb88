// Package httpd is the issue tracker's HTTP API (gorilla/mux, jwx v2).
package httpd

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"
	"golang.org/x/oauth2"

	"example.com/blind4/tracker/internal/gitlab"
)

// Issue is a ticket.
type Issue struct {
	ID, Project, Reporter, Assignee, Title, State string
}

// Runner is a CI runner reporting job results.
type Runner struct {
	ID, Token string
}

// Server is the tracker.
type Server struct {
	Keys      jwk.Set            // identity provider keys
	TenantKey map[string]jwk.Set // per-tenant key sets
	HookKey   []byte             // HS256 key of the chat integration
	OAuth     *oauth2.Config     // GitLab login
	GitLab    *gitlab.Client
	mu        sync.Mutex
	issues    map[string]*Issue
	projects  map[string]string
	runners   map[string]*Runner
	results   map[string]string
}

// New returns a server.
func New(keys jwk.Set, hookKey []byte, oc *oauth2.Config, gl *gitlab.Client) *Server {
	return &Server{Keys: keys, TenantKey: map[string]jwk.Set{}, HookKey: hookKey, OAuth: oc, GitLab: gl,
		issues: map[string]*Issue{}, projects: map[string]string{}, runners: map[string]*Runner{}, results: map[string]string{}}
}

type ctxKey struct{}

func subject(ctx context.Context) string {
	t, _ := ctx.Value(ctxKey{}).(jwt.Token)
	if t == nil {
		return ""
	}
	return t.Subject()
}

func hasPermission(t jwt.Token, perm string) bool {
	v, ok := t.Get("permissions")
	if !ok {
		return false
	}
	list, _ := v.([]any)
	return slices.Contains(list, any(perm))
}

func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		tok, err := jwt.ParseString(raw, jwt.WithKeySet(s.Keys), jwt.WithValidate(true), jwt.WithAcceptableSkew(time.Minute)) // NEAR tokenverify v20
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, tok)))
	})
}

func (s *Server) requirePermission(perm string) mux.MiddlewareFunc {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			t, _ := r.Context().Value(ctxKey{}).(jwt.Token)
			if t == nil || !hasPermission(t, perm) {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// Router builds the routes.
func (s *Server) Router() http.Handler {
	r := mux.NewRouter()
	r.HandleFunc("/login", s.login).Methods(http.MethodGet)
	r.HandleFunc("/oauth/callback", s.callback).Methods(http.MethodGet)            // NEAR scopecheck s35
	r.HandleFunc("/runner/jobs/{id}/result", s.jobResult).Methods(http.MethodPost) // ALT S17
	r.HandleFunc("/hooks/chat", s.chatHook).Methods(http.MethodPost)
	r.HandleFunc("/tenants/{tenant}/issues", s.tenantIssues).Methods(http.MethodGet)

	api := r.PathPrefix("/api").Subrouter()
	api.Use(s.authenticate)
	api.HandleFunc("/projects/{id}", s.deleteProject).Methods(http.MethodDelete)                                               // WANT scopecheck S19
	api.HandleFunc("/issues/{id}/assign", s.assign).Methods(http.MethodPost)                                                   // WANT scopecheck S20
	api.HandleFunc("/issues/{id}", s.updateIssue).Methods(http.MethodPut)                                                      // NEAR scopecheck s36
	api.Handle("/projects", s.requirePermission("project:create")(http.HandlerFunc(s.createProject))).Methods(http.MethodPost) // NEAR scopecheck s37
	api.HandleFunc("/me/issues", s.myIssues).Methods(http.MethodGet)                                                           // NEAR scopecheck s38

	adm := api.PathPrefix("/admin").Subrouter()
	adm.Use(s.requirePermission("tracker:admin"))
	adm.HandleFunc("/runners", s.registerRunner).Methods(http.MethodPost) // NEAR scopecheck s39
	return r
}

func randHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	state := randHex(16)
	http.SetCookie(w, &http.Cookie{Name: "tracker_state", Value: state, Path: "/oauth", HttpOnly: true, Secure: true, MaxAge: 300})
	http.Redirect(w, r, s.OAuth.AuthCodeURL(state), http.StatusFound)
}

func (s *Server) callback(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("tracker_state")
	if err != nil || r.FormValue("state") != c.Value { // NEAR tokenverify v21
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := s.OAuth.Exchange(r.Context(), r.FormValue("code"))
	if err != nil {
		http.Error(w, "exchange failed", http.StatusBadGateway)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "tracker_gitlab", Value: tok.AccessToken, Path: "/", HttpOnly: true, Secure: r.TLS != nil}) // NEAR credexposure c19
	w.Header().Add("Set-Cookie", "tracker_gitlab_refresh="+tok.RefreshToken+"; Path=/; HttpOnly")                                    // WANT credexposure C15
	http.Redirect(w, r, "/", http.StatusFound)
}

// jobResult lets a runner store the result of a job with its runner token.
func (s *Server) jobResult(w http.ResponseWriter, r *http.Request) { // WANT scopecheck S17
	s.mu.Lock()
	defer s.mu.Unlock()
	rn, ok := s.runners[r.Header.Get("X-Runner-ID")]
	if !ok || r.Header.Get("X-Runner-Token") != rn.Token { // WANT tokenverify V19
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var body struct{ Result string }
	_ = json.NewDecoder(r.Body).Decode(&body)
	s.results[mux.Vars(r)["id"]] = body.Result
	w.WriteHeader(http.StatusNoContent)
}

// chatHook accepts slash commands from the chat integration, signed with HS256.
func (s *Server) chatHook(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s41
	tok, err := jwt.ParseRequest(r, jwt.WithKey(jwa.HS256, s.HookKey), jwt.WithValidate(false)) // WANT tokenverify V20
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var cmd struct{ Issue, State string }
	_ = json.NewDecoder(r.Body).Decode(&cmd)
	s.mu.Lock()
	defer s.mu.Unlock()
	if is, ok := s.issues[cmd.Issue]; ok {
		is.State = cmd.State
		is.Assignee = tok.Subject()
	}
	w.WriteHeader(http.StatusNoContent)
}

// tenantIssues lists a tenant's issues; the tenant id picks the key set, then the token is verified.
func (s *Server) tenantIssues(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s40
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	peek, err := jwt.ParseString(raw, jwt.WithVerify(false), jwt.WithValidate(false)) // NEAR tokenverify v22
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	tid, _ := peek.Get("tid")
	tenant, _ := tid.(string)
	set, ok := s.TenantKey[tenant]
	if !ok || tenant != mux.Vars(r)["tenant"] {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if _, err := jwt.ParseString(raw, jwt.WithKeySet(set), jwt.WithValidate(true)); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Issue
	for _, is := range s.issues {
		if is.Project == tenant {
			out = append(out, is)
		}
	}
	_ = json.NewEncoder(w).Encode(out)
}

// Impersonate is used by the support console: it trusts the token's subject as the acting user.
func Impersonate(r *http.Request) (string, bool) {
	tok, err := jwt.ParseInsecure([]byte(r.Header.Get("X-Support-Token"))) // WANT tokenverify V21
	if err != nil {
		return "", false
	}
	return tok.Subject(), true // ALT V21
}

// DelayedValidate verifies the signature now and the claims after loading the clock skew setting.
func (s *Server) DelayedValidate(raw string, skew time.Duration) (jwt.Token, error) {
	tok, err := jwt.ParseString(raw, jwt.WithKeySet(s.Keys), jwt.WithValidate(false)) // NEAR tokenverify v23
	if err != nil {
		return nil, err
	}
	if err := jwt.Validate(tok, jwt.WithAcceptableSkew(skew)); err != nil {
		return nil, err
	}
	return tok, nil
}

func (s *Server) deleteProject(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	delete(s.projects, mux.Vars(r)["id"])
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) assign(w http.ResponseWriter, r *http.Request) {
	var body struct{ Assignee string }
	_ = json.NewDecoder(r.Body).Decode(&body)
	s.mu.Lock()
	defer s.mu.Unlock()
	if is, ok := s.issues[mux.Vars(r)["id"]]; ok {
		is.Assignee = body.Assignee
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) updateIssue(w http.ResponseWriter, r *http.Request) {
	sub := subject(r.Context())
	s.mu.Lock()
	defer s.mu.Unlock()
	is, ok := s.issues[mux.Vars(r)["id"]]
	if !ok || (is.Reporter != sub && is.Assignee != sub) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	_ = json.NewDecoder(r.Body).Decode(is)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) createProject(w http.ResponseWriter, r *http.Request) {
	var body struct{ ID, Name string }
	_ = json.NewDecoder(r.Body).Decode(&body)
	s.mu.Lock()
	s.projects[body.ID] = body.Name
	s.mu.Unlock()
	w.WriteHeader(http.StatusCreated)
}

func (s *Server) myIssues(w http.ResponseWriter, r *http.Request) {
	sub := subject(r.Context())
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Issue
	for _, is := range s.issues {
		if is.Assignee == sub {
			out = append(out, is)
		}
	}
	_ = json.NewEncoder(w).Encode(out)
}

func (s *Server) registerRunner(w http.ResponseWriter, r *http.Request) {
	rn := &Runner{ID: randHex(8), Token: randHex(32)}
	s.mu.Lock()
	s.runners[rn.ID] = rn
	s.mu.Unlock()
	_ = json.NewEncoder(w).Encode(rn)
}
