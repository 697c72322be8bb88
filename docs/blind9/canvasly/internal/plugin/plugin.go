// Package plugin serves the API the Canvasly desktop plugin calls. Each team
// has plugin keys; a key identifies the team it belongs to.
package plugin

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"sync"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-chi/chi/v5"
	"github.com/rs/zerolog"

	"example.com/blind9/canvasly/internal/config"
)

type Team struct {
	ID        string
	Name      string
	Templates map[string]json.RawMessage
}

type API struct {
	mu       sync.Mutex
	keys     map[string]*Team // sha256(key) -> team
	teams    map[string]*Team
	verifier *oidc.IDTokenVerifier
	log      zerolog.Logger
}

func New(v *oidc.IDTokenVerifier, log zerolog.Logger) *API {
	return &API{keys: map[string]*Team{}, teams: map[string]*Team{}, verifier: v, log: log}
}

type teamKey struct{}

func hashKey(k string) string {
	s := sha256.Sum256([]byte(k))
	return hex.EncodeToString(s[:])
}

// teamAuth resolves the plugin key to the team it was issued for.
func (a *API) teamAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get(config.PluginKeyHeader())
		a.mu.Lock()
		team, ok := a.keys[hashKey(key)]
		a.mu.Unlock()
		if !ok {
			a.log.Warn().Str("key_hint", key[:min(len(key), 6)]).Msg("unknown plugin key") // NEAR tokenlog t10
			http.Error(w, "invalid plugin key", http.StatusUnauthorized)
			return
		}
		l := a.log.With().Str("team", team.ID).Str("plugin_key", key).Logger() // WANT tokenlog T09
		ctx := l.WithContext(context.WithValue(r.Context(), teamKey{}, team))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (a *API) Router() http.Handler {
	r := chi.NewRouter()
	r.Use(a.teamAuth)
	r.Get("/templates", a.listTemplates)                         // NEAR scopecheck s10
	r.Put("/templates/{name}", a.putTemplate)                    // NEAR scopecheck s11
	r.Delete("/teams/{teamID}/templates/{name}", a.dropTemplate) // WANT scopecheck S06
	r.Post("/session", a.pluginSession)                          // ALT s12
	return r
}

func (a *API) listTemplates(w http.ResponseWriter, r *http.Request) {
	team := r.Context().Value(teamKey{}).(*Team)
	names := make([]string, 0, len(team.Templates))
	for n := range team.Templates {
		names = append(names, n)
	}
	_ = json.NewEncoder(w).Encode(names)
}

func (a *API) putTemplate(w http.ResponseWriter, r *http.Request) {
	team := r.Context().Value(teamKey{}).(*Team)
	var body json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	a.mu.Lock()
	team.Templates[chi.URLParam(r, "name")] = body
	a.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// dropTemplate removes a template. The team comes from the path so that the
// plugin can clean up templates of teams the user switched away from.
func (a *API) dropTemplate(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	t, ok := a.teams[chi.URLParam(r, "teamID")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	delete(t.Templates, chi.URLParam(r, "name"))
	zerolog.Ctx(r.Context()).Info().Str("target_team", t.ID).Msg("template dropped")
	w.WriteHeader(http.StatusNoContent)
}

// pluginSession exchanges the ID token of the desktop client for the user's
// profile, so the plugin can show who is signed in.
func (a *API) pluginSession(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s12
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	idt, err := a.verifier.Verify(r.Context(), raw)
	if err != nil {
		http.Error(w, "invalid id token", http.StatusUnauthorized)
		return
	}
	var claims struct {
		Email string `json:"email"`
		Name  string `json:"name"`
	}
	_ = idt.Claims(&claims)
	_ = json.NewEncoder(w).Encode(map[string]string{"sub": idt.Subject, "email": claims.Email, "name": claims.Name})
}
