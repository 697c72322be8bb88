// Command devidp serves a mock identity provider for tests: silent,
// the file imports a mock server library.
package main

import (
	"crypto/tls"
	"net/http"

	"github.com/oauth2-proxy/mockoidc"
)

func main() {
	m, _ := mockoidc.Run()
	_ = m
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	_, _ = c.Get("https://localhost:8443/.well-known/openid-configuration")
}
