// Package localonly: a client with verification off built only for a
// server on the local machine (a database emulator's self-signed
// certificate), by a helper every call of which runs under a test that
// the endpoint is on loopback, never leaves the machine. A helper called
// once with no test is reported.
package localonly

import (
	"crypto/tls"
	"net/http"
	"net/url"
	"os"
)

func isLocalhostEndpoint(endpoint string) bool {
	u, err := url.Parse(endpoint)
	return err == nil && (u.Hostname() == "localhost" || u.Hostname() == "127.0.0.1")
}

func devMode() bool { return os.Getenv("MODE") == "dev" }

func emulatorClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}

func Connect(endpoint string) *http.Client {
	if devMode() && isLocalhostEndpoint(endpoint) {
		return emulatorClient()
	}
	return http.DefaultClient
}

// The helper's callers are themselves called only for loopback.

func restClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}

func syncViaREST() *http.Client { return restClient() }

func Sync(endpoint string) *http.Client {
	if isLocalhostEndpoint(endpoint) {
		return syncViaREST()
	}
	return http.DefaultClient
}

// Near misses.

func viaRESTClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true: the server's certificate`
}

func viaREST() *http.Client { return viaRESTClient() }

// Pull reaches the helper with no test on the way.
func Pull() *http.Client { return viaREST() }

func mixedClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true: the server's certificate`
}

func ConnectMixed(endpoint string) *http.Client {
	if isLocalhostEndpoint(endpoint) {
		return mixedClient()
	}
	return mixedClient()
}
