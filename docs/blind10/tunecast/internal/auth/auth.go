// Package auth mints and checks tunecast's own access, refresh and invite tokens, and the tokens
// label distributors sign for catalog deliveries.
package auth

import (
	"crypto/rsa"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	"go.uber.org/zap"
)

const (
	claimsKey  = "tunecast.claims"
	accessTTL  = 15 * time.Minute
	refreshTTL = 30 * 24 * time.Hour
)

// Claims are the claims of an access token.
type Claims struct {
	Scope string   `json:"scope"`
	Roles []string `json:"roles,omitempty"`
	jwt.RegisteredClaims
}

func (c *Claims) HasScope(s string) bool { return slices.Contains(strings.Fields(c.Scope), s) }
func (c *Claims) HasRole(r string) bool  { return slices.Contains(c.Roles, r) }

type Issuer struct {
	secret         []byte
	refreshSecrets [][]byte // current first, previous second
	issuer         string
	log            *zap.Logger
}

func NewIssuer(secret []byte, refreshSecrets [][]byte, issuer string, log *zap.Logger) *Issuer {
	return &Issuer{secret: secret, refreshSecrets: refreshSecrets, issuer: issuer, log: log}
}

// Mint issues an access token.
func (i *Issuer) Mint(userID, scope string, roles []string) (string, error) {
	now := time.Now()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, Claims{ // NEAR tokenverify v01
		Scope: scope,
		Roles: roles,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject: userID, Issuer: i.issuer,
			IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(accessTTL)),
		},
	}).SignedString(i.secret)
}

// MintRefresh issues a refresh token signed with the current refresh secret.
func (i *Issuer) MintRefresh(userID string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{
		Subject: userID, Issuer: i.issuer, ExpiresAt: jwt.NewNumericDate(time.Now().Add(refreshTTL)),
	})
	t.Header["kid"] = "r1"
	return t.SignedString(i.refreshSecrets[0])
}

// Parse checks an access token.
func (i *Issuer) Parse(raw string) (*Claims, error) {
	var c Claims
	_, err := jwt.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return i.secret, nil }, // NEAR tokenverify v02
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer(i.issuer), jwt.WithExpirationRequired())
	return &c, err
}

// refreshKey picks the refresh secret by key id, so refresh tokens signed before a rotation stay valid.
func (i *Issuer) refreshKey(t *jwt.Token) (any, error) { // ALT V01
	switch t.Header["kid"] {
	case "r1", nil:
		return i.refreshSecrets[0], nil
	case "r0":
		if len(i.refreshSecrets) > 1 {
			return i.refreshSecrets[1], nil
		}
	}
	return nil, fmt.Errorf("unknown refresh key id %v", t.Header["kid"])
}

// ParseRefresh checks a refresh token.
func (i *Issuer) ParseRefresh(raw string) (*jwt.RegisteredClaims, error) {
	var rc jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(raw, &rc, i.refreshKey, jwt.WithIssuer(i.issuer)) // WANT tokenverify V01
	return &rc, err
}

// MintInvite creates the token behind a "collaborate on my playlist" link.
func (i *Issuer) MintInvite(playlistID, inviter string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"typ": "invite", "pl": playlistID, "inv": inviter, "iss": i.issuer}) // WANT tokenverify V02
	return t.SignedString(i.secret)
}

// InviteFingerprint is what we log instead of an invite token.
func InviteFingerprint(tok string) string {
	s := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(s[:6])
}

var ErrNoBearer = errors.New("no bearer token")

// Bearer takes the token out of an Authorization header value.
func Bearer(h string) (string, error) {
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
		return "", ErrNoBearer
	}
	return tok, nil
}

// RequireUser rejects requests without a valid access token and stores its claims.
func (i *Issuer) RequireUser() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw, err := Bearer(c.GetHeader("Authorization"))
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "missing bearer token"})
			return
		}
		claims, err := i.Parse(raw)
		if err != nil {
			i.log.Info("rejected access token", zap.Error(err), zap.Int("token_len", len(raw)), zap.String("ip", c.ClientIP())) // NEAR tokenlog t01
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid token"})
			return
		}
		c.Set(claimsKey, claims)
		c.Next()
	}
}

// FromContext returns the claims RequireUser stored.
func FromContext(c *gin.Context) *Claims {
	cl, _ := c.MustGet(claimsKey).(*Claims)
	return cl
}

// RequireRole lets the request through only for staff with the given role.
func RequireRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if cl := FromContext(c); cl == nil || !cl.HasRole(role) {
			c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "forbidden"})
			return
		}
		c.Next()
	}
}

// PartnerClaims are the claims of a distributor token; the subject is the distributor.
type PartnerClaims struct {
	Labels []string `json:"labels"`
	jwt.RegisteredClaims
}

// PartnerKeys are the distributors' public keys by key id, read from <kid>.pem files.
type PartnerKeys map[string]*rsa.PublicKey

func LoadPartnerKeys(dir string) (PartnerKeys, error) {
	keys := PartnerKeys{}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pem"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if keys[strings.TrimSuffix(filepath.Base(f), ".pem")], err = jwt.ParseRSAPublicKeyFromPEM(b); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
	}
	return keys, nil
}

// Verify checks a distributor token.
func (k PartnerKeys) Verify(raw string) (*PartnerClaims, error) {
	var c PartnerClaims
	_, err := jwt.ParseWithClaims(raw, &c, func(t *jwt.Token) (any, error) { // NEAR tokenverify v03
		kid, _ := t.Header["kid"].(string)
		if key, ok := k[kid]; ok {
			return key, nil
		}
		return nil, fmt.Errorf("unknown distributor key %q", kid)
	}, jwt.WithAudience("tunecast-ingest"), jwt.WithExpirationRequired())
	return &c, err
}
