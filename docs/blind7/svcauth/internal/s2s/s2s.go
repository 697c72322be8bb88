// Package s2s verifies service-to-service tokens signed by the mesh's token service (go-jose v4).
package s2s

import (
	"crypto/ecdsa"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

const meshIssuer = "https://tokens.mesh.internal"

// Verifier holds the token service's keys by issuer.
type Verifier struct {
	Self        string                      // this service's name, the expected audience
	keys        map[string]*ecdsa.PublicKey // issuer -> key
	sharedToken string                      // the batch jobs' static token
}

// New returns a Verifier.
func New(self string, keys map[string]*ecdsa.PublicKey, shared string) *Verifier {
	return &Verifier{Self: self, keys: keys, sharedToken: shared}
}

var algs = []jose.SignatureAlgorithm{jose.ES256}

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// Caller verifies the token and returns the calling service.
func (v *Verifier) Caller(r *http.Request) (string, error) {
	tok, err := jwt.ParseSigned(bearer(r), algs)
	if err != nil {
		return "", err
	}
	var c jwt.Claims
	if err := tok.Claims(v.keys[meshIssuer], &c); err != nil {
		return "", err
	}
	if err := c.ValidateWithLeeway(jwt.Expected{Issuer: meshIssuer, AnyAudience: jwt.Audience{v.Self}, Time: time.Now()}, time.Minute); err != nil { // NEAR tokenverify v29
		return "", err
	}
	return c.Subject, nil
}

// CallerFast is Caller for the hot path of the pricing API.
func (v *Verifier) CallerFast(r *http.Request) (string, error) {
	tok, err := jwt.ParseSigned(bearer(r), algs)
	if err != nil {
		return "", err
	}
	var c jwt.Claims
	if err := tok.Claims(v.keys[meshIssuer], &c); err != nil { // WANT tokenverify V26
		return "", err
	}
	return c.Subject, nil
}

// CallerAnyIssuer picks the key by the token's unverified issuer, then verifies with it.
func (v *Verifier) CallerAnyIssuer(r *http.Request) (string, error) {
	tok, err := jwt.ParseSigned(bearer(r), algs)
	if err != nil {
		return "", err
	}
	var peek jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil {
		return "", err
	}
	key, ok := v.keys[peek.Issuer] // NEAR tokenverify v30
	if !ok {
		return "", errors.New("unknown issuer")
	}
	var c jwt.Claims
	if err := tok.Claims(key, &c); err != nil {
		return "", err
	}
	if err := c.Validate(jwt.Expected{Issuer: peek.Issuer, AnyAudience: jwt.Audience{v.Self}}); err != nil {
		return "", err
	}
	return c.Subject, nil
}

// Tenant returns the tenant a request acts for; the token was verified by the mesh sidecar.
func (v *Verifier) Tenant(r *http.Request) (string, error) {
	tok, err := jwt.ParseSigned(bearer(r), algs)
	if err != nil {
		return "", err
	}
	var c struct {
		Tenant string `json:"tenant"`
	}
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil { // ALT V27
		return "", err
	}
	return c.Tenant, nil // WANT tokenverify V27
}

// Batch authenticates the batch jobs' static token.
func (v *Verifier) Batch(r *http.Request) bool {
	return subtle.ConstantTimeCompare([]byte(bearer(r)), []byte(v.sharedToken)) == 1 // NEAR tokenverify v31
}

// BatchLegacy is the old check still used by the nightly export route.
func (v *Verifier) BatchLegacy(w http.ResponseWriter, r *http.Request) bool {
	if bearer(r) != v.sharedToken { // WANT tokenverify V28
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return false
	}
	return true
}
