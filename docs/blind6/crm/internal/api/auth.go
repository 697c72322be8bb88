package api

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	jwt.RegisteredClaims
	OrgID       string   `json:"org"`
	Permissions []string `json:"perms"`
	Role        string   `json:"role"`
}

func (h *Handler) jwtAuth() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		claims := &Claims{}
		_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return h.signingKey, nil },
			jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer("crm"))
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "unauthorized"})
			return
		}
		c.Set("claims", claims)
		c.Next()
	}
}

func claimsOf(c *gin.Context) *Claims {
	return c.MustGet("claims").(*Claims)
}

func requirePermission(perm string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !slices.Contains(claimsOf(c).Permissions, perm) {
			c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "forbidden"})
			return
		}
		c.Next()
	}
}

func requireRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if claimsOf(c).Role != role {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

// requirePerm is the per-handler form of requirePermission.
func requirePerm(c *gin.Context, perm string) bool {
	if !slices.Contains(claimsOf(c).Permissions, perm) {
		c.JSON(http.StatusForbidden, gin.H{"error": "missing permission " + perm})
		return false
	}
	return true
}

// cacheBust drops the cached listing of the named collection after a write.
func (h *Handler) cacheBust(collection string) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		if c.Writer.Status() < 300 {
			h.cache.Delete(collection)
		}
	}
}

func (h *Handler) issue(id, org, perms string) (string, error) {
	claims := Claims{
		RegisteredClaims: jwt.RegisteredClaims{Subject: id, Issuer: "crm", ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))},
		OrgID:            org,
		Permissions:      strings.Split(perms, ","),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(h.signingKey)
}
