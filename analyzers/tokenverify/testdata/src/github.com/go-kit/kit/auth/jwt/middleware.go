// Package jwt is a stub of go-kit's auth/jwt middleware, with the real
// signatures (go-kit v0.13, built on golang-jwt/jwt/v4).
package jwt

import (
	"github.com/go-kit/kit/endpoint"
	stdjwt "github.com/golang-jwt/jwt/v4"
)

type ClaimsFactory func() stdjwt.Claims

func StandardClaimsFactory() stdjwt.Claims { return &stdjwt.StandardClaims{} }

// NewParser returns a middleware that parses the token of the context
// with keyFunc and rejects a token whose method is not method.
func NewParser(keyFunc stdjwt.Keyfunc, method stdjwt.SigningMethod, newClaims ClaimsFactory) endpoint.Middleware {
	return nil
}

func NewSigner(kid string, key []byte, method stdjwt.SigningMethod, claims stdjwt.Claims) endpoint.Middleware {
	return nil
}
