// Package apitest is a test harness compiled from non-test files: it
// starts the server under test with a self-signed certificate and dials
// it. Skipping verification is the point here, so nothing is reported.
package apitest

import (
	"crypto/tls"
	"net/http"
)

func Client() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}
