package web

import (
	"net/http"
	"os"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

type claims struct {
	jwt.RegisteredClaims
	Role string `json:"role"`
}

const ctxClaims = "claims"

// authRequired validates the bearer JWT and aborts with 401 otherwise.
func (a *App) authRequired() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		var cl claims
		_, err := jwt.ParseWithClaims(raw, &cl, func(*jwt.Token) (any, error) { return a.key, nil }, jwt.WithValidMethods([]string{"HS256"}))
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "unauthorized"})
			return
		}
		c.Set(ctxClaims, &cl)
		c.Next()
	}
}

// requireRole aborts unless the caller has the role.
func requireRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		cl := c.MustGet(ctxClaims).(*claims)
		if cl.Role != role && cl.Role != "admin" {
			c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "forbidden"})
			return
		}
		c.Next()
	}
}

func opsAccounts() gin.Accounts {
	return gin.Accounts{"ops": os.Getenv("OPS_PASSWORD")}
}
