// Package promotedexp is the fixture of Go 1.27 composite literals that
// set a promoted field by its own name: claims embedding
// RegisteredClaims given ExpiresAt directly expire; given other
// registered claims but no ExpiresAt, they do not.
package promotedexp

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var key = []byte("k")

type AccessClaims struct {
	jwt.RegisteredClaims
	Role string `json:"role"`
}

func access(uid string) (string, error) {
	exp := time.Now().Add(15 * time.Minute)
	c := &AccessClaims{Role: "user", Subject: uid, ExpiresAt: jwt.NewNumericDate(exp)}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}

func refresh(uid string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, AccessClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour)), Subject: uid}).SignedString(key)
}

// Near misses: promoted claims set, but no expiry.

func noExpiry(uid string) (string, error) {
	c := &AccessClaims{Role: "user", Subject: uid, IssuedAt: jwt.NewNumericDate(time.Now())}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key) // want `from AccessClaims without ExpiresAt`
}

func notBeforeOnly(uid string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, AccessClaims{NotBefore: jwt.NewNumericDate(time.Now()), Subject: uid}).SignedString(key) // want `from AccessClaims without ExpiresAt`
}
