package gintyped // want package:"analyzed"

// gin's typed getters (c.GetString, c.GetInt64, c.GetUint) read what a
// middleware stored with c.Set exactly as c.Get does. A handler that
// reads the caller's id that way and hands it to the data layer acts on
// the caller's own rows (authorization by ownership); a middleware that
// rejects requests with no stored id authenticates. Typed reads of keys
// that are not the caller's identity (a request id, a flag) decide
// nothing.

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

func keyFunc(*jwt.Token) (interface{}, error) { return []byte("s"), nil }

func auth() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		if _, err := jwt.Parse(raw, keyFunc); err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("userID", raw)
		c.Set("requestID", "r")
		c.Next()
	}
}

type store struct{ rows map[string]string }

func (d *store) listKeys(ctx context.Context, userID string) []string { return nil }
func (d *store) deleteKey(ctx context.Context, userID, id string)     { delete(d.rows, id) }
func (d *store) deleteAny(ctx context.Context, id string)             { delete(d.rows, id) }
func (d *store) countFor(ctx context.Context, uid int64) int          { return len(d.rows) }
func (d *store) purge(ctx context.Context, tag string)                { d.rows = nil }
func (d *store) decide(ctx context.Context, code string, by string)   {}

var db = &store{}

// Near misses: the caller's id read with a typed getter scopes the work.

func listKeys(c *gin.Context) {
	userID := c.GetString("userID")
	c.JSON(http.StatusOK, db.listKeys(c.Request.Context(), userID))
}

func deleteKey(c *gin.Context) {
	db.deleteKey(c.Request.Context(), c.GetString("userID"), c.Param("id"))
}

func countKeys(c *gin.Context) {
	uid := c.GetInt64("userID")
	c.JSON(http.StatusOK, db.countFor(c.Request.Context(), uid))
}

func decide(c *gin.Context) {
	db.decide(c.Request.Context(), c.Query("code"), c.GetString("userID"))
}

// Positives: no identity reaches the data call.

func deleteAny(c *gin.Context) {
	db.deleteAny(c.Request.Context(), c.Param("id"))
}

func purgeByRequest(c *gin.Context) {
	db.purge(c.Request.Context(), c.GetString("requestID"))
}

func purgeTagged(c *gin.Context) {
	c.Set("requestID", c.GetString("userID"))
	db.purge(c.Request.Context(), c.Param("tag"))
}

func routes() {
	r := gin.New()
	api := r.Group("/api", auth())
	api.GET("/keys", listKeys)             // silent: ownership through c.GetString("userID")
	api.DELETE("/keys/:id", deleteKey)     // silent: same, inline
	api.GET("/keys/count", countKeys)      // silent: c.GetInt64("userID")
	api.POST("/decide", decide)            // silent: c.GetString("userID") handed to the decision
	api.DELETE("/any/:id", deleteAny)      // want `route "/any/:id" is registered under authenticating middleware gintyped.auth`
	api.DELETE("/purge", purgeByRequest)   // want `route "/purge" is registered under authenticating middleware gintyped.auth`
	api.DELETE("/purge/:tag", purgeTagged) // want `route "/purge/:tag" is registered under authenticating middleware gintyped.auth`
}
