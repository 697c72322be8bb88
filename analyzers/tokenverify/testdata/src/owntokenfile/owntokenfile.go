// Package owntokenfile: the process reading its own mounted token (a
// Kubernetes service-account or AWS web-identity token file) parses it
// unverified for the namespace and service account it names; the token
// is its own credential, checked by the issuer when it is used
// (external-secrets' IRSA auth). The same parse of a token a request
// presents is still reported.
package owntokenfile

import (
	"errors"
	"net/http"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

func serviceAccountOf(tokenFile string) (string, error) {
	raw, err := os.ReadFile(tokenFile)
	if err != nil {
		return "", err
	}
	tok, _, err := jwt.NewParser().ParseUnverified(string(raw), jwt.MapClaims{})
	if err != nil {
		return "", err
	}
	claims, ok := tok.Claims.(jwt.MapClaims)
	if !ok {
		return "", errors.New("no claims")
	}
	sa, _ := claims["sub"].(string)
	return sa, nil
}

func callerOf(r *http.Request) (string, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(r.Header.Get("Authorization"), jwt.MapClaims{}) // want `ParseUnverified without verifying its signature`
	if err != nil {
		return "", err
	}
	claims, _ := tok.Claims.(jwt.MapClaims)
	sub, _ := claims["sub"].(string)
	return sub, nil
}
