// Package owntokenfile: the process reading its own mounted token (a
// Kubernetes service-account or AWS web-identity token file) parses it
// unverified for the namespace and service account it names; the token
// is its own credential, checked by the issuer when it is used
// (external-secrets' IRSA auth). The same parse of a token a request
// presents is still reported.
package owntokenfile

import (
	"errors"
	"io"
	"net/http"
	"os"
	"strings"

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

// readProjected is keda's projected-token reader: the file opened and
// read with a size bound, then handed to a checker that parses it
// unverified for its subject before the token is sent to Vault.
func readProjected(path string) ([]byte, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	raw, err := io.ReadAll(io.LimitReader(file, 1<<20))
	if err != nil {
		return nil, err
	}
	if err := checkSubject(raw); err != nil {
		return nil, err
	}
	return raw, nil
}

func checkSubject(saToken []byte) error {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(string(saToken), &claims); err != nil {
		return err
	}
	sub, _ := claims.GetSubject()
	if !strings.HasPrefix(sub, "system:serviceaccount:") {
		return errors.New("not a service account")
	}
	return nil
}

// checkPresented is also called with a request's token: reported.
func checkPresented(token []byte) error {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(string(token), &claims); err != nil { // want `ParseUnverified without verifying its signature`
		return err
	}
	sub, _ := claims.GetSubject()
	if sub == "" {
		return errors.New("no subject")
	}
	return nil
}

func presentedOrFile(r *http.Request, path string) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	raw, _ := io.ReadAll(file)
	if err := checkPresented(raw); err != nil {
		return err
	}
	return checkPresented([]byte(r.Header.Get("Authorization")))
}

// readBody reads a request body, not a file of its own.
func readBody(r *http.Request) error {
	raw, _ := io.ReadAll(r.Body)
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(string(raw), &claims); err != nil { // want `ParseUnverified without verifying its signature`
		return err
	}
	if sub, _ := claims.GetSubject(); sub == "" {
		return errors.New("no subject")
	}
	return nil
}
