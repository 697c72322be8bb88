// Package auth is the shop's authentication package: token parsing,
// an authenticating middleware and an authorizing one.
package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	jwt.RegisteredClaims
	Scopes []string
}

type ctxKey struct{}

var key = []byte("k")

// ParseBearer validates the request's bearer token.
func ParseBearer(r *http.Request) (*Claims, error) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return nil, errors.New("no bearer token")
	}
	c := &Claims{}
	if _, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (interface{}, error) { return key, nil }); err != nil {
		return nil, err
	}
	return c, nil
}

// FromContext returns the claims Authenticate stored.
func FromContext(ctx context.Context) *Claims {
	c, _ := ctx.Value(ctxKey{}).(*Claims)
	return c
}

// Allow returns an error unless the claims grant what.
func Allow(c *Claims, what string) error {
	for _, s := range c.Scopes {
		if s == what {
			return nil
		}
	}
	return errors.New("forbidden")
}

// Authenticate is a middleware that validates the bearer token.
func Authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := ParseBearer(r)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c)))
	})
}

// Guard makes a middleware that lets through only callers granted
// what (the name says nothing: the body decides).
func Guard(what string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if Allow(FromContext(r.Context()), what) != nil {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
