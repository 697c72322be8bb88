package tlscheck

import (
	"crypto/tls"
	"net/http"
	"os"
)

// An insecure transport kept in a package variable and read only where
// the operator asked for it is the operator's choice, like a helper
// called only there (tlscallers.go).

type oidcSettings struct {
	VerifyCert bool
	Endpoint   string
}

var optInTransport = &http.Transport{
	TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `user-controlled value`
}

func providerClient(s oidcSettings) *http.Client {
	if !s.VerifyCert {
		return &http.Client{Transport: optInTransport}
	}
	return &http.Client{}
}

func revokeClient(verifyCert bool) *http.Client {
	var c *http.Client
	if !verifyCert {
		c = &http.Client{Transport: optInTransport}
	} else {
		c = &http.Client{}
	}
	return c
}

// Near misses: still errors.

// One read outside the opt-in.
var sharedInsecure = &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`

func sharedClient(s oidcSettings) *http.Client {
	if !s.VerifyCert {
		return &http.Client{Transport: &http.Transport{TLSClientConfig: sharedInsecure}}
	}
	return &http.Client{}
}

func probeClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: sharedInsecure.Clone()}}
}

// Never read in the package.
var unusedInsecure = &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`

// Read only under a condition that names no opt-in.
var endpointInsecure = &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`

func endpointClient(s oidcSettings) *tls.Config {
	if s.Endpoint != "" {
		return endpointInsecure
	}
	return nil
}

// Read by another package variable's initializer: no condition at all.
var rawInsecure = &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`

var wrappedInsecure = &http.Transport{TLSClientConfig: rawInsecure}

// Set at the top level of init, as a declaration would set it (coroot's
// prom client): the same rule.
var initTransport, initShared *http.Transport

func init() {
	initTransport = &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `user-controlled value`
	}
	initShared = &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `tls.Config sets InsecureSkipVerify to true`
	}
	if len(os.Args) > 2 {
		// A nested assignment in init is not the variable's setting.
		initTransport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `tls.Config sets InsecureSkipVerify to true`
	}
}

func initClient(s oidcSettings) *http.Client {
	tr := http.DefaultTransport
	if !s.VerifyCert {
		tr = initTransport
	}
	return &http.Client{Transport: tr}
}

// Read outside any opt-in.
func initSharedClient() *http.Client { return &http.Client{Transport: initShared} }
