package fixedcred // want package:"analyzed"

// Package fixedcred holds credentials fixed by configuration (one API
// key, a basic auth user map, a set of keys), which are the access
// decision, beside credentials that identify one of many callers, whose
// rights still need checking; and handlers scoped to the caller's
// identity read from the request context.

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/golang-jwt/jwt/v5"
)

type Config struct {
	Metrics struct{ User, Password string }
	OpsKey  string
}

type Account struct {
	Name string
	Key  string
}

type Session struct{ UserID string }

type Accounts interface {
	ByName(name string) (*Account, error)
	ByKey(key string) (*Account, error)
}

var accounts Accounts

type Store struct{ rows map[string]string }

func (s *Store) Dump() map[string]string { return s.rows } // want Dump:"work"

func (s *Store) Put(owner, v string) { s.rows[owner] = v } // want Put:"work"

func (s *Store) Drop(id string) { delete(s.rows, id) } // want Drop:"work"

var store = &Store{}

func dump(w http.ResponseWriter, r *http.Request) { json.NewEncoder(w).Encode(store.Dump()) }

// keyMiddleware checks one API key given by the configuration.
func keyMiddleware(key string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-API-Key")), []byte(key)) != 1 {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// basicAuth checks basic auth against a fixed map of users to
// passwords, as chi's middleware.BasicAuth does.
func basicAuth(realm string, creds map[string]string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			user, pass, ok := r.BasicAuth()
			if !ok {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			want, found := creds[user]
			if !found || subtle.ConstantTimeCompare([]byte(pass), []byte(want)) != 1 {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// accountKeyAuth checks the key against the caller's account in the
// store: it tells one of many callers apart, and lets each do anything.
func accountKeyAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, pass, ok := r.BasicAuth()
		if !ok {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		acct, err := accounts.ByName(name)
		if err != nil || subtle.ConstantTimeCompare([]byte(pass), []byte(acct.Key)) != 1 {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

var allowedKeys = map[string]bool{}

// keySet admits the keys of a configured set.
func keySet(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowedKeys[r.Header.Get("X-API-Key")] {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

var sessions = map[string]*Session{}

// sessionAuth finds the caller's session: one of many callers.
func sessionAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if sessions[r.Header.Get("X-Session-Token")] == nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func routes(cfg *Config) http.Handler {
	r := chi.NewRouter()
	r.Group(func(r chi.Router) {
		// Silent: chi's BasicAuth with the configured user and password
		// is the access decision for a metrics endpoint.
		r.Use(middleware.BasicAuth("metrics", map[string]string{cfg.Metrics.User: cfg.Metrics.Password}))
		r.Get("/metrics", dump)
	})
	r.With(keyMiddleware(os.Getenv("EXPORT_KEY"))).Get("/export", dump)                               // silent: one configured key
	r.With(basicAuth("ops", map[string]string{"ops": cfg.Metrics.Password})).Get("/debug/dump", dump) // silent: a fixed user map
	r.With(keySet).Get("/keys/dump", dump)                                                            // silent: a configured key set
	r.With(accountKeyAuth).Get("/accounts/dump", dump)                                                // want `route "/accounts/dump" is registered under authenticating middleware fixedcred.accountKeyAuth \(passes HTTP basic auth credentials to Accounts.ByName\)`
	r.With(sessionAuth).Get("/sessions/dump", dump)                                                   // want `route "/sessions/dump" is registered under authenticating middleware fixedcred.sessionAuth \(lookup of the X-Session-Token header in sessions\)`
	return r
}

type Server struct {
	cfg *Config
}

// purge is silent: the key it checks is the server's configured key,
// the one principal allowed in.
func (s *Server) purge(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Api-Key") != s.cfg.OpsKey {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	store.Drop(r.FormValue("id"))
}

// remove compares the key with the one of the account named in the
// request: any account holder may remove anything.
func (s *Server) remove(w http.ResponseWriter, r *http.Request) { // want `handler Server.remove authenticates the caller \(comparison of the X-Api-Key header with acct.Key\)`
	acct, err := accounts.ByName(r.FormValue("account"))
	if err != nil || r.Header.Get("X-Api-Key") != acct.Key {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	store.Drop(r.FormValue("id"))
}

var secret = []byte("s")

// ginJWT authenticates a bearer token and stores the user id.
func ginJWT() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok, err := jwt.Parse(c.GetHeader("Authorization"), func(*jwt.Token) (interface{}, error) { return secret, nil })
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("uid", tok)
		c.Next()
	}
}

// CurrentUserID returns the caller's id stored by the middleware.
func CurrentUserID(c *gin.Context) string { return c.GetString("uid") }

// myRows is silent: the caller's id, read from the context through a
// helper, selects the data.
func myRows(c *gin.Context) {
	uid := CurrentUserID(c)
	store.Put(uid, c.PostForm("v"))
}

type Item struct{ Name, OwnerID string }

func (s *Store) Save(it *Item) { s.rows[it.OwnerID] = it.Name } // want Save:"work"

// createItem is silent: the new record belongs to the caller.
func createItem(c *gin.Context) {
	it := Item{Name: c.PostForm("name"), OwnerID: CurrentUserID(c)}
	store.Save(&it)
}

// putFor writes under an owner named in the request: any
// authenticated caller may write anyone's rows.
func putFor(c *gin.Context) { store.Put(c.Param("owner"), c.PostForm("v")) }

func ginRoutes() {
	g := gin.New()
	api := g.Group("/api", ginJWT())
	api.POST("/rows", myRows)        // silent: ownership
	api.POST("/items", createItem)   // silent: ownership
	api.POST("/rows/:owner", putFor) // want `route "/rows/:owner" is registered under authenticating middleware fixedcred.ginJWT`

	ops := g.Group("/ops", gin.BasicAuth(gin.Accounts{"ops": os.Getenv("OPS_PASSWORD")}))
	ops.POST("/rows/:owner", putFor) // silent: fixed basic auth accounts
}

// gate runs a function once; mayRun says whether this call is the
// first, which is no access decision.
type gate struct{ done bool }

func (g *gate) mayRun() bool {
	if g.done {
		return false
	}
	g.done = true
	return true
}

var once gate

// reset is reported: mayRun, named like an access check, decides
// nothing about the caller.
func reset(c *gin.Context) {
	if once.mayRun() {
		store.Drop(c.Param("id"))
	}
}

// canDrop decides whether the caller may drop a row.
func canDrop(c *gin.Context, id string) bool { return c.GetString("role") == "owner" }

// resetChecked is silent: canDrop takes the caller and decides.
func resetChecked(c *gin.Context) {
	if canDrop(c, c.Param("id")) {
		store.Drop(c.Param("id"))
	}
}

func probes(cfg *Config) {
	g := gin.New()
	api := g.Group("/v2", ginJWT())
	api.POST("/reset/:id", reset)         // want `route "/reset/:id" is registered under authenticating middleware fixedcred.ginJWT \(jwt.Parse\) but neither a middleware nor its handler reset`
	api.POST("/reset2/:id", resetChecked) // silent: canDrop authorizes
	api.GET("/status", putFor)            // silent: a monitoring endpoint
	api.GET("/rows/:owner/info", putFor)  // want `route "/rows/:owner/info" is registered under authenticating middleware fixedcred.ginJWT`
}

type User struct {
	Name  string
	Teams []string
}

type userKey struct{}

// UserFrom returns the caller a middleware stored in the context.
func UserFrom(ctx context.Context) (*User, bool) { // want UserFrom:"asks the caller"
	u, ok := ctx.Value(userKey{}).(*User)
	return u, ok
}

// teamsOf returns the caller's teams: data derived from the caller.
func teamsOf(ctx context.Context) []string {
	u, _ := UserFrom(ctx)
	return u.Teams
}

func (s *Store) ByTeams(teams []string) []string { return []string{s.rows[teams[0]]} } // want ByTeams:"work"

// teamRows is silent: the caller's teams select the data.
func teamRows(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(store.ByTeams(teamsOf(r.Context())))
}

// anyTeamRows is reported: the teams come from the query.
func anyTeamRows(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(store.ByTeams(r.URL.Query()["team"]))
}

func teamRoutes() {
	r := chi.NewRouter()
	r.With(sessionAuth).Get("/teams/rows", teamRows)   // silent: scoped to the caller's teams
	r.With(sessionAuth).Get("/teams/any", anyTeamRows) // want `route "/teams/any" is registered under authenticating middleware fixedcred.sessionAuth`
}

// Provider is a service that also serves HTTP.
type Provider interface {
	http.Handler
	Store() *Store
}

// profileHandler makes the caller's profile endpoint from the provider:
// a factory, not a middleware wrapping the provider.
func profileHandler(p Provider) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		if sessions[r.Header.Get("X-Session-Token")] == nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Write([]byte("{}"))
	}
}

func providerRoutes(p Provider) {
	r := chi.NewRouter()
	// Silent: profileHandler is the endpoint (it answers without doing
	// work), not a middleware in front of the provider's ServeHTTP.
	r.HandleFunc("/profile", profileHandler(p))
}
