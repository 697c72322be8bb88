// Package authn verifies console users' access tokens (Auth0, RS256, JWKS) and
// the service tokens of our own billing worker.
package authn

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

type User struct {
	Subject     string
	OrgID       string
	Permissions []string
}

type Verifier struct {
	keys     jwk.Set
	issuer   string
	audience string
}

func NewVerifier(ctx context.Context, jwksURL, issuer, audience string) (*Verifier, error) {
	cache := jwk.NewCache(ctx)
	if err := cache.Register(jwksURL, jwk.WithMinRefreshInterval(15*time.Minute)); err != nil {
		return nil, err
	}
	return &Verifier{keys: jwk.NewCachedSet(cache, jwksURL), issuer: issuer, audience: audience}, nil
}

func (v *Verifier) Verify(raw string) (*User, error) {
	tok, err := jwt.ParseString(raw, jwt.WithKeySet(v.keys), jwt.WithIssuer(v.issuer), jwt.WithAudience(v.audience)) // NEAR tokenverify v08
	if err != nil {
		return nil, err
	}
	u := &User{Subject: tok.Subject()}
	if org, ok := tok.PrivateClaims()["org_id"].(string); ok {
		u.OrgID = org
	}
	if perms, ok := tok.PrivateClaims()["permissions"].([]any); ok {
		for _, p := range perms {
			if s, ok := p.(string); ok {
				u.Permissions = append(u.Permissions, s)
			}
		}
	}
	return u, nil
}

// VerifyService checks a token minted by the billing worker. Its clock drifts,
// so validation is done here with a generous skew.
func (v *Verifier) VerifyService(raw string) (jwt.Token, error) {
	tok, err := jwt.ParseString(raw, jwt.WithKeySet(v.keys), jwt.WithValidate(false)) // NEAR tokenverify v09
	if err != nil {
		return nil, err
	}
	if err := jwt.Validate(tok, jwt.WithIssuer(v.issuer), jwt.WithAudience(v.audience), jwt.WithAcceptableSkew(2*time.Minute)); err != nil {
		return nil, err
	}
	return tok, nil
}

const userKey = "promptgate.user"

func bearer(c *gin.Context) string {
	return strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
}

// RequireUser authenticates console requests.
func RequireUser(v *Verifier) gin.HandlerFunc {
	return func(c *gin.Context) {
		u, err := v.Verify(bearer(c))
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid token"})
			return
		}
		c.Set(userKey, u)
		c.Next()
	}
}

func CurrentUser(c *gin.Context) *User {
	u, _ := c.Get(userKey)
	user, _ := u.(*User)
	return user
}

// RequirePermission must follow RequireUser.
func RequirePermission(perm string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if u := CurrentUser(c); u == nil || !slices.Contains(u.Permissions, perm) {
			c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "missing permission " + perm})
			return
		}
		c.Next()
	}
}

// Keys exposes the cached JWKS for handlers that verify service tokens themselves.
func (v *Verifier) Keys() jwk.Set { return v.keys }
