package parammw // want package:"analyzed"

// A route-registration function that takes its middleware as a
// parameter lets each caller decide what it checks. For an exported
// function the callers are in other packages, out of sight: the
// middleware named like authentication may also authorize, and the
// route is not reported. An unexported function's parameter, and
// middleware the function builds itself, are judged as before.

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

func keyFunc(*jwt.Token) (interface{}, error) { return []byte("s"), nil }

func jwtAuth() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		if _, err := jwt.Parse(raw, keyFunc); err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

type store struct{ rows map[string]string }

func (d *store) remove(id string) { delete(d.rows, id) }

var db = &store{}

func deleteRow(c *gin.Context) { db.remove(c.Param("id")) }

type Module struct{}

// Near misses: the middleware comes from callers in other packages.

func (m *Module) RegisterRoutes(g *gin.RouterGroup, auth gin.HandlerFunc) {
	g.DELETE("/users/:id/token", auth, deleteRow) // silent: what auth checks is the caller's choice
}

func RegisterAdmin(g *gin.RouterGroup, adminAuth, logging gin.HandlerFunc) {
	g.DELETE("/rows/:id", logging, adminAuth, deleteRow) // silent: same
}

func RegisterMixed(g *gin.RouterGroup, auth gin.HandlerFunc) { // want RegisterMixed:`authenticates\(jwt.Parse in jwtAuth\)`
	g.DELETE("/mixed/:id", jwtAuth(), auth, deleteRow) // silent: auth, handed in, may authorize
}

// Positives.

func registerLocal(g *gin.RouterGroup, auth gin.HandlerFunc) {
	g.DELETE("/local/:id", auth, deleteRow) // want `route "/local/:id" is registered under authenticating middleware auth`
}

func RegisterOwn(g *gin.RouterGroup, logging gin.HandlerFunc) { // want RegisterOwn:`authenticates\(jwt.Parse in jwtAuth\)`
	g.DELETE("/own/:id", logging, jwtAuth(), deleteRow) // want `route "/own/:id" is registered under authenticating middleware parammw.jwtAuth`
}

func routes() {
	r := gin.New()
	registerLocal(r.Group("/api"), jwtAuth())
}

// An unexported registration function's callers are in the package:
// the middleware they pass is judged. A key checked for membership in
// the configured key set (a map to the key's kind, an enumeration) is
// the access decision; a key looked up to find one of many users is
// only authentication.

type KeyKind = string

const (
	EvaluationKey KeyKind = "EVALUATION"
	AdminKey      KeyKind = "ADMIN"
)

type Config struct {
	keys map[string]KeyKind
}

// KeyExists accepts any configured key.
func (c *Config) KeyExists(apiKey string) bool { // want KeyExists:`authorizes\(membership in the configured key set c.keys\)`
	_, ok := c.keys[apiKey]
	return ok
}

type User struct{ Name string }

type Users struct{ byKey map[string]*User }

// Lookup finds the user a key belongs to.
func (u *Users) Lookup(apiKey string) bool {
	_, ok := u.byKey[apiKey]
	return ok
}

func keyAuth(valid func(string) bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !valid(c.GetHeader("X-API-Key")) {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

type server struct {
	cfg   *Config
	users *Users
}

func (s *server) registerKeyed(g *gin.RouterGroup, auth gin.HandlerFunc) {
	g.DELETE("/keyed/:id", auth, deleteRow) // silent: every caller passes the configured key set's check
}

func (s *server) registerUsers(g *gin.RouterGroup, auth gin.HandlerFunc) {
	g.DELETE("/users/:id", auth, deleteRow) // want `route "/users/:id" is registered under authenticating middleware auth`
}

func (s *server) registerTwice(g *gin.RouterGroup, auth gin.HandlerFunc) {
	g.DELETE("/twice/:id", auth, deleteRow) // want `route "/twice/:id" is registered under authenticating middleware auth`
}

func (s *server) start() {
	r := gin.New()
	keyed := keyAuth(func(k string) bool { return s.cfg.KeyExists(k) })
	s.registerKeyed(r.Group("/v1"), keyed)
	s.registerUsers(r.Group("/v2"), keyAuth(func(k string) bool { return s.users.Lookup(k) }))
	s.registerTwice(r.Group("/v3"), keyed)
	s.registerTwice(r.Group("/v4"), jwtAuth())
}

// A middleware named for the routes it serves but doing something else
// (a body-size limit for the authenticated routes) authenticates
// nobody: its head noun says what it does.
func bodyLimit(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}

func limitedRoutes() {
	r := gin.New()
	authBodyLimit := bodyLimit(1 << 20)
	r.DELETE("/limited/:id", authBodyLimit, deleteRow)                // silent: a body limit, no authentication
	r.DELETE("/limited-jwt/:id", authBodyLimit, jwtAuth(), deleteRow) // want `route "/limited-jwt/:id" is registered under authenticating middleware parammw.jwtAuth`
}
