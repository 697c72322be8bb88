package readsplit // want package:"analyzed"

// One path prefix split into a read group behind a middleware that only
// authenticates and a write group behind an authorizing one: reading is
// open to every logged-in user by design, and the read routes are not
// reported. Writes in the read group, reads with no authorizing
// sibling, and siblings that do not authorize are still reported.

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

type user struct{ Admin bool }

func keyFunc(*jwt.Token) (interface{}, error) { return []byte("s"), nil }

func mustUser() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		if _, err := jwt.Parse(raw, keyFunc); err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("user", &user{})
		c.Next()
	}
}

func mustAdmin() gin.HandlerFunc {
	return func(c *gin.Context) {
		u := c.MustGet("user").(*user)
		if !u.Admin {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

// logRequests neither authenticates nor authorizes.
func logRequests() gin.HandlerFunc {
	return func(c *gin.Context) { c.Next() }
}

type store struct{ rows map[string]string }

func (d *store) remove(id string) { delete(d.rows, id) }

func (d *store) all() map[string]string { return d.rows }

var db = &store{}

func listSecrets(c *gin.Context)  { c.JSON(http.StatusOK, db.all()) }
func getSecret(c *gin.Context)    { c.JSON(http.StatusOK, db.all()[c.Param("id")]) }
func deleteSecret(c *gin.Context) { db.remove(c.Param("id")) }

func routes() {
	r := gin.New()
	api := r.Group("/api")

	readSecrets := api.Group("/secrets")
	readSecrets.Use(mustUser())
	readSecrets.GET("", listSecrets)               // silent: reads open to every user, writes in the admin sibling
	readSecrets.GET("/:id", getSecret)             // silent: same
	readSecrets.DELETE("/stale/:id", deleteSecret) // want `route "/stale/:id" is registered under authenticating middleware readsplit.mustUser`
	secrets := api.Group("/secrets")
	secrets.Use(mustUser(), mustAdmin())
	secrets.DELETE("/:id", deleteSecret) // silent: mustAdmin authorizes

	readRegistries := api.Group("/registries", mustUser())
	readRegistries.GET("", listSecrets) // silent: the admin sibling takes its middleware as an argument
	registries := api.Group("/registries", mustUser(), mustAdmin())
	registries.DELETE("/:id", deleteSecret) // silent: mustAdmin authorizes

	readTokens := api.Group("/tokens")
	readTokens.Use(mustUser())
	readTokens.GET("", listSecrets) // want `route ".no pattern." is registered under authenticating middleware readsplit.mustUser`
	tokens := api.Group("/tokens")
	tokens.Use(mustUser(), logRequests())
	tokens.DELETE("/:id", deleteSecret) // want `route "/:id" is registered under authenticating middleware readsplit.mustUser`

	readKeys := api.Group("/keys")
	readKeys.Use(mustUser())
	readKeys.GET("", listSecrets) // want `route ".no pattern." is registered under authenticating middleware readsplit.mustUser`
}
