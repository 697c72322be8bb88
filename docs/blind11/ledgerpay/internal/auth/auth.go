// Package auth issues and checks ledgerpay's session tokens and the service tokens the
// settlement batch jobs present.
package auth

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/rs/zerolog"
)

const issuer = "ledgerpay"

// Claims are the claims of a dashboard or mobile-app access token.
type Claims struct {
	AccountID string   `json:"acct"`
	Email     string   `json:"email"`
	Roles     []string `json:"roles,omitempty"`
	jwt.RegisteredClaims
}

// HasRole reports whether the token carries role.
func (c *Claims) HasRole(role string) bool { return slices.Contains(c.Roles, role) }

// ServiceClaims are the claims of a batch job's service token.
type ServiceClaims struct {
	Job string `json:"job"`
	jwt.RegisteredClaims
}

type ctxKey struct{}

// FromContext returns the caller the middleware stored.
func FromContext(ctx context.Context) *Claims {
	c, _ := ctx.Value(ctxKey{}).(*Claims)
	return c
}

// Issuer signs and verifies tokens.
type Issuer struct {
	secret        []byte
	serviceSecret []byte
	accessTTL     time.Duration
	refreshTTL    time.Duration
	log           zerolog.Logger
}

func NewIssuer(secret, serviceSecret string, accessTTL, refreshTTL time.Duration, log zerolog.Logger) *Issuer {
	return &Issuer{secret: []byte(secret), serviceSecret: []byte(serviceSecret), accessTTL: accessTTL, refreshTTL: refreshTTL, log: log}
}

// IssueAccess signs a short-lived access token.
func (i *Issuer) IssueAccess(accountID, email string, roles []string) (string, error) {
	now := time.Now()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, Claims{ // NEAR tokenverify v01
		AccountID: accountID,
		Email:     email,
		Roles:     roles,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    issuer,
			Subject:   accountID,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(i.accessTTL)),
		},
	})
	return tok.SignedString(i.secret)
}

// IssueRefresh signs a refresh token (kept by the app, exchanged at /v1/auth/refresh).
func (i *Issuer) IssueRefresh(accountID string) (string, error) {
	now := time.Now()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{
		Issuer:    issuer,
		Subject:   accountID,
		Audience:  jwt.ClaimStrings{"refresh"},
		ExpiresAt: jwt.NewNumericDate(now.Add(i.refreshTTL)),
	})
	return tok.SignedString(i.secret)
}

// IssueReceiptLink signs the token of a shareable receipt link (/r/{token}); whoever has the
// link can see that invoice's receipt.
func (i *Issuer) IssueReceiptLink(invoiceID, accountID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{ // WANT tokenverify V01
		"iss":  issuer,
		"inv":  invoiceID,
		"acct": accountID,
		"iat":  time.Now().Unix(),
	})
	return tok.SignedString(i.secret)
}

// Parse verifies an access token.
func (i *Issuer) Parse(raw string) (*Claims, error) {
	var c Claims
	_, err := jwt.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return i.secret, nil }, // NEAR tokenverify v02
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer(issuer), jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// ParseRefresh verifies a refresh token and returns its account.
func (i *Issuer) ParseRefresh(raw string) (string, error) {
	var c jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return i.secret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer(issuer), jwt.WithAudience("refresh"))
	if err != nil {
		return "", err
	}
	return c.Subject, nil
}

// ParseReceipt verifies a receipt link token.
func (i *Issuer) ParseReceipt(raw string) (invoiceID string, err error) {
	tok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return i.secret, nil }, jwt.WithValidMethods([]string{"HS256"})) // NEAR tokenverify v03
	if err != nil {
		return "", err
	}
	mc, _ := tok.Claims.(jwt.MapClaims)
	inv, _ := mc["inv"].(string)
	if inv == "" {
		return "", errors.New("receipt token without invoice")
	}
	return inv, nil
}

// serviceKey returns the key of the batch jobs' service tokens. Tokens minted before the
// 2023 rotation carry kid "v1" and are signed with the old secret, which we no longer keep.
func (i *Issuer) serviceKey(t *jwt.Token) (any, error) { // ALT V02
	if kid, _ := t.Header["kid"].(string); kid == "v1" {
		return nil, errors.New("service key v1 retired")
	}
	return i.serviceSecret, nil
}

// ParseService verifies a batch job's service token.
func (i *Issuer) ParseService(raw string) (*ServiceClaims, error) {
	var c ServiceClaims
	if _, err := jwt.ParseWithClaims(raw, &c, i.serviceKey, jwt.WithIssuer("ledgerpay-batch")); err != nil { // WANT tokenverify V02
		return nil, err
	}
	return &c, nil
}

// BearerToken returns the bearer token of the request.
func BearerToken(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "Bearer ") {
		return h[7:]
	}
	return ""
}

// Authenticate rejects requests without a valid access token and stores the claims.
func (i *Issuer) Authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := BearerToken(r)
		if raw == "" {
			http.Error(w, "missing bearer token", http.StatusUnauthorized)
			return
		}
		c, err := i.Parse(raw)
		if err != nil {
			i.log.Info().Err(err).Int("token_len", len(raw)).Str("ip", r.RemoteAddr).Msg("access token rejected") // NEAR tokenlog t01
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c)))
	})
}

// RequireRole lets through callers whose token carries role.
func RequireRole(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c := FromContext(r.Context())
			if c == nil || !c.HasRole(role) {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
