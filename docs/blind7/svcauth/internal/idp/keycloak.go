// Package idp verifies user access tokens from the company Keycloak realm (go-jose v3). The realm
// issues tokens to every internal app; this service's client is "billing-api".
package idp

import (
	"crypto/rsa"
	"net/http"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v3/jwt"
)

const realmIssuer = "https://sso.corp.example/realms/corp"

// Realm verifies realm tokens.
type Realm struct {
	Key      *rsa.PublicKey
	ClientID string
}

type realmClaims struct {
	jwt.Claims
	AZP   string   `json:"azp"`
	Roles []string `json:"roles"`
}

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// User verifies a user token for this API.
func (rl *Realm) User(r *http.Request) (*realmClaims, error) {
	tok, err := jwt.ParseSigned(bearer(r))
	if err != nil {
		return nil, err
	}
	var c realmClaims
	if err := tok.Claims(rl.Key, &c); err != nil {
		return nil, err
	}
	if err := c.Validate(jwt.Expected{Issuer: realmIssuer, Audience: jwt.Audience{rl.ClientID}, Time: time.Now()}); err != nil { // NEAR tokenverify v32
		return nil, err
	}
	return &c, nil
}

// Reports verifies a user token for the reports routes.
func (rl *Realm) Reports(r *http.Request) (*realmClaims, error) {
	tok, err := jwt.ParseSigned(bearer(r))
	if err != nil {
		return nil, err
	}
	var c realmClaims
	if err := tok.Claims(rl.Key, &c); err != nil {
		return nil, err
	}
	if err := c.Validate(jwt.Expected{Time: time.Now()}); err != nil { // WANT tokenverify V29
		return nil, err
	}
	return &c, nil
}

// Exports verifies a token and hands the claims to validateExport.
func (rl *Realm) Exports(r *http.Request) (*realmClaims, error) {
	tok, err := jwt.ParseSigned(bearer(r))
	if err != nil {
		return nil, err
	}
	var c realmClaims
	if err := tok.Claims(rl.Key, &c); err != nil { // NEAR tokenverify v33
		return nil, err
	}
	if err := rl.validateExport(&c); err != nil {
		return nil, err
	}
	return &c, nil
}

func (rl *Realm) validateExport(c *realmClaims) error {
	return c.ValidateWithLeeway(jwt.Expected{Issuer: realmIssuer, Audience: jwt.Audience{rl.ClientID}, Time: time.Now()}, 30*time.Second)
}
