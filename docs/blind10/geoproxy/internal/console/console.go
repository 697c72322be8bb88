// Package console checks the tokens of developer-console users, issued by the regional IdPs.
package console

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

type User struct {
	Subject string
	Email   string
	OrgID   string
	Roles   []string
}

func (u *User) HasRole(r string) bool { return slices.Contains(u.Roles, r) }

type Verifier struct {
	sets     map[string]jwk.Set // by issuer
	audience string
}

func NewVerifier(ctx context.Context, issuers []string, audience string) (*Verifier, error) {
	cache := jwk.NewCache(ctx)
	v := &Verifier{sets: map[string]jwk.Set{}, audience: audience}
	for _, iss := range issuers {
		u := strings.TrimSuffix(iss, "/") + "/.well-known/jwks.json"
		if err := cache.Register(u, jwk.WithMinRefreshInterval(15*time.Minute)); err != nil {
			return nil, err
		}
		v.sets[iss] = jwk.NewCachedSet(cache, u)
	}
	return v, nil
}

// Verify checks a console token. Each region's IdP has its own keys, so the (unverified) issuer
// picks the key set; the parse that follows verifies the token against it.
func (v *Verifier) Verify(raw string) (*User, error) {
	peek, err := jwt.ParseInsecure([]byte(raw)) // NEAR tokenverify v06
	if err != nil {
		return nil, err
	}
	set, ok := v.sets[peek.Issuer()]
	if !ok {
		return nil, fmt.Errorf("unknown issuer %q", peek.Issuer())
	}
	tok, err := jwt.Parse([]byte(raw), jwt.WithKeySet(set), jwt.WithIssuer(peek.Issuer()), jwt.WithAudience(v.audience)) // NEAR tokenverify v07
	if err != nil {
		return nil, err
	}
	u := &User{Subject: tok.Subject()}
	claims := tok.PrivateClaims()
	u.Email, _ = claims["email"].(string)
	u.OrgID, _ = claims["org_id"].(string)
	if rs, ok := claims["roles"].([]any); ok {
		for _, r := range rs {
			if s, ok := r.(string); ok {
				u.Roles = append(u.Roles, s)
			}
		}
	}
	if u.OrgID == "" {
		return nil, fmt.Errorf("token of %s carries no org_id", u.Subject)
	}
	return u, nil
}
