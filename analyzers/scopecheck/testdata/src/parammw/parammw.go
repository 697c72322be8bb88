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
