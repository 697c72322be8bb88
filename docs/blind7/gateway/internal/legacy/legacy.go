// Package legacy accepts the tokens of the v1 API (golang-jwt v4, HS256 with a shared secret, and
// RS256 tokens of the old mobile backend).
package legacy

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v4"
)

// Auth holds the verification keys.
type Auth struct {
	secret    []byte
	mobileKey *rsa.PublicKey
	tenants   map[string][]byte // issuer -> HMAC key of that tenant
	devMode   bool
}

// New reads the keys.
func New(mobileKey *rsa.PublicKey, tenants map[string][]byte) *Auth {
	return &Auth{secret: []byte(os.Getenv("V1_JWT_SECRET")), mobileKey: mobileKey, tenants: tenants, devMode: os.Getenv("GATEWAY_DEV") == "1"}
}

func bearer(c *gin.Context) string {
	return strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
}

// V1 verifies the v1 web tokens.
func (a *Auth) V1() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok, err := jwt.Parse(bearer(c), func(t *jwt.Token) (interface{}, error) { // WANT tokenverify V15
			return a.secret, nil
		})
		if err != nil || !tok.Valid {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("claims", tok.Claims)
		c.Next()
	}
}

// V1Strict is V1 with the method pinned in the key function.
func (a *Auth) V1Strict() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok, err := jwt.Parse(bearer(c), func(t *jwt.Token) (interface{}, error) { // NEAR tokenverify v18
			if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
				return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
			}
			return a.secret, nil
		})
		if err != nil || !tok.Valid {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("claims", tok.Claims)
		c.Next()
	}
}

// Mobile verifies the old mobile backend's RS256 tokens. Those tokens were minted with a ten-year
// lifetime by mistake, so claims validation is off until they are rotated.
func (a *Auth) Mobile() gin.HandlerFunc {
	p := jwt.Parser{ValidMethods: []string{"RS256"}, SkipClaimsValidation: true} // WANT tokenverify V16
	return func(c *gin.Context) {
		var claims jwt.RegisteredClaims
		_, err := p.ParseWithClaims(bearer(c), &claims, func(t *jwt.Token) (interface{}, error) {
			return a.mobileKey, nil
		})
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("sub", claims.Subject)
		c.Next()
	}
}

// Tenant verifies a tenant token: the unverified issuer picks the tenant's key, then the token is
// parsed again with that key.
func (a *Auth) Tenant() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := bearer(c)
		var peek jwt.RegisteredClaims
		if _, _, err := new(jwt.Parser).ParseUnverified(raw, &peek); err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		key, ok := a.tenants[peek.Issuer] // NEAR tokenverify v19
		if !ok {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		var claims jwt.RegisteredClaims
		_, err := jwt.ParseWithClaims(raw, &claims, func(t *jwt.Token) (interface{}, error) {
			return key, nil
		}, jwt.WithValidMethods([]string{"HS256"}))
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("tenant", peek.Issuer)
		c.Set("sub", claims.Subject)
		c.Next()
	}
}

// AdminOnly lets admins through. It runs after V1 on most routes, but /internal/* mounts it alone.
func (a *Auth) AdminOnly() gin.HandlerFunc {
	return func(c *gin.Context) {
		claims := jwt.MapClaims{}
		if _, _, err := jwt.NewParser().ParseUnverified(bearer(c), claims); err != nil { // ALT V17
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		if claims["role"] != "admin" { // WANT tokenverify V17
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

// Debug accepts unsigned tokens when the gateway runs in development mode.
func (a *Auth) Debug() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok, err := jwt.Parse(bearer(c), func(t *jwt.Token) (interface{}, error) { // WANT tokenverify V18
			if a.devMode {
				return jwt.UnsafeAllowNoneSignatureType, nil
			}
			return nil, errors.New("debug tokens are disabled")
		})
		if err != nil || !tok.Valid {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("claims", tok.Claims)
		c.Next()
	}
}

// Mint issues v1 tokens for the integration tests' fixtures loader (cmd/seed).
func (a *Auth) Mint(sub string, ttlSeconds int64, now int64) (string, error) {
	claims := jwt.MapClaims{"sub": sub, "iat": now, "exp": now + ttlSeconds}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(a.secret) // NEAR tokenverify v20
}
