package signedonly // want package:"analyzed"

// A middleware that passes the request's credential to a verifier
// returning only an error or a boolean (a signature check naming no
// caller) and stores nothing for the handlers authenticates one
// principal, the holder of the signing key: the check is the access
// decision (an agent's API called by the control plane that manages
// it). A verifier returning claims, a store lookup, and a middleware
// that stores a value for the handlers are still judged at the routes.

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"signedonly/tokens"
)

type store struct{ rows map[string]string }

func (d *store) deleteAny(id string) { delete(d.rows, id) }

var db = &store{}

func bearer(c *gin.Context) string {
	return strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
}

// Near misses: the verifier names no caller and nothing is stored.

func validateJWT(c *gin.Context) {
	ts := tokens.New()
	parts := strings.SplitN(c.GetHeader("Authorization"), " ", 2)
	if len(parts) != 2 || parts[0] != "Bearer" {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	if err := ts.ValidateRequest(parts[1]); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
}

func validBool(c *gin.Context) {
	if !tokens.Valid(c.GetHeader("Authorization")) {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

// Positives.

// withClaims gets the claims back: the subject could be checked.
func withClaims(c *gin.Context) {
	claims, err := tokens.Claims(c.GetHeader("Authorization"))
	if err != nil || claims == nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

// lookedUp finds a user's key in a store: one of many callers.
func lookedUp(c *gin.Context) {
	if err := tokens.Lookup(c.GetHeader("X-API-Key")); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

// storesCaller verifies without claims but hands the token to the
// handlers, which could tell callers apart.
func storesCaller(c *gin.Context) {
	tok := c.GetHeader("Authorization")
	if err := tokens.New().ValidateRequest(tok); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), "tok", tok))
	c.Next()
}

// googleUser and oidcUser check an identity provider's ID token and
// return only an error: the provider signs for any of its users, so
// the verification is no key holder's signature (one of many callers).
func googleUser(c *gin.Context) {
	if err := tokens.GoogleUser(c.Request.Context(), bearer(c)); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

func oidcUser(c *gin.Context) {
	if err := tokens.OIDCUser(c.Request.Context(), bearer(c)); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

func deleteServer(c *gin.Context) { db.deleteAny(c.Param("id")) }

func routes() {
	r := gin.New()
	r.Group("/agent", validateJWT).DELETE("/server/:id", deleteServer) // silent: one principal
	r.Group("/agent2", validBool).DELETE("/server/:id", deleteServer)  // silent: one principal
	r.Group("/a", withClaims).DELETE("/server/:id", deleteServer)      // want `route "/server/:id" is registered under authenticating middleware signedonly.withClaims`
	r.Group("/b", lookedUp).DELETE("/server/:id", deleteServer)        // want `route "/server/:id" is registered under authenticating middleware signedonly.lookedUp`
	r.Group("/c", storesCaller).DELETE("/server/:id", deleteServer)    // want `route "/server/:id" is registered under authenticating middleware signedonly.storesCaller`
	r.Group("/d", googleUser).DELETE("/server/:id", deleteServer)      // want `route "/server/:id" is registered under authenticating middleware signedonly.googleUser`
	r.Group("/e", oidcUser).DELETE("/server/:id", deleteServer)        // want `route "/server/:id" is registered under authenticating middleware signedonly.oidcUser`
}
