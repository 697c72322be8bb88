// Package partner accepts tokens issued by the partners' identity provider (an Auth0 tenant shared
// by all partner-facing APIs) and by the internal token service (jwx v2).
package partner

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

const partnerIssuer = "https://partners.eu.auth0.com/"

// Verifier holds the key sets.
type Verifier struct {
	cache       *jwk.Cache
	partnerJWKS string
	internalKey jwk.Key
	Audience    string // this gateway's API identifier at the partner IdP
	Log         func(msg string, kv ...any)
}

// New registers the partner JWKS with a refreshing cache.
func New(ctx context.Context, jwksURL string, internalKey jwk.Key, audience string) (*Verifier, error) {
	c := jwk.NewCache(ctx)
	if err := c.Register(jwksURL); err != nil {
		return nil, err
	}
	return &Verifier{cache: c, partnerJWKS: jwksURL, internalKey: internalKey, Audience: audience}, nil
}

func raw(c *gin.Context) []byte {
	return []byte(strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer "))
}

// Partner verifies a partner access token.
func (v *Verifier) Partner() gin.HandlerFunc {
	return func(c *gin.Context) {
		set, err := v.cache.Get(c.Request.Context(), v.partnerJWKS)
		if err != nil {
			c.AbortWithStatus(http.StatusServiceUnavailable)
			return
		}
		tok, err := jwt.Parse(raw(c), jwt.WithKeySet(set), jwt.WithIssuer(partnerIssuer), jwt.WithAudience(v.Audience)) // NEAR tokenverify v21
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("partner", tok.Subject())
		c.Next()
	}
}

// PartnerReports verifies a partner token for the reports API, added later.
func (v *Verifier) PartnerReports() gin.HandlerFunc {
	return func(c *gin.Context) {
		set, err := v.cache.Get(c.Request.Context(), v.partnerJWKS)
		if err != nil {
			c.AbortWithStatus(http.StatusServiceUnavailable)
			return
		}
		tok, err := jwt.Parse(raw(c), jwt.WithKeySet(set), jwt.WithIssuer(partnerIssuer)) // WANT tokenverify V19
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("partner", tok.Subject())
		c.Next()
	}
}

// Internal verifies tokens of the internal token service. Validation is off: the token service's
// clock drifts, so expired tokens are let through.
func (v *Verifier) Internal() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok, err := jwt.Parse(raw(c), jwt.WithKey(jwa.ES256, v.internalKey), jwt.WithValidate(false)) // WANT tokenverify V20
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("service", tok.Subject())
		c.Next()
	}
}

// InternalV2 keeps validation on (the default) with an acceptable skew.
func (v *Verifier) InternalV2() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok, err := jwt.Parse(raw(c), jwt.WithKey(jwa.ES256, v.internalKey), jwt.WithAcceptableSkew(30e9)) // NEAR tokenverify v22
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("service", tok.Subject())
		c.Next()
	}
}

// Impersonation lets support staff act as a partner: the partner id comes from the act claim.
func (v *Verifier) Impersonation() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok, err := jwt.ParseInsecure(raw(c)) // ALT V21
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		act, _ := tok.Get("act")
		c.Set("partner", act) // WANT tokenverify V21
		c.Next()
	}
}

// AccessLog records which issuer and key a request's token names (for the rotation dashboard).
func (v *Verifier) AccessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		if tok, err := jwt.ParseInsecure(raw(c)); err == nil {
			v.Log("token seen", "iss", tok.Issuer(), "sub", tok.Subject()) // NEAR tokenverify v23
		}
		c.Next()
	}
}
