// Package jwtauth is a stub of github.com/go-chi/jwtauth/v5 for tests.
package jwtauth

import "net/http"

type JWTAuth struct{}

func New(alg string, signKey, verifyKey interface{}) *JWTAuth { return &JWTAuth{} }

func Verifier(ja *JWTAuth) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler { return next }
}

func Authenticator(ja *JWTAuth) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler { return next }
}
