// Package transport builds the TLS settings the agent uses.
package transport

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net/http"
	"os"
	"time"
)

// Options are the TLS options from the command line and the agent's config file.
type Options struct {
	CAFile     string
	Insecure   bool
	MinVersion string
}

// Client returns the HTTP client for the controller.
func Client(o Options) (*http.Client, error) {
	tc := &tls.Config{MinVersion: tls.VersionTLS12} // NEAR plainhttp p14
	if o.CAFile != "" {
		pem, err := os.ReadFile(o.CAFile)
		if err != nil {
			return nil, err
		}
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM(pem)
		tc.RootCAs = pool
	}
	tc.InsecureSkipVerify = o.Insecure // NEAR plainhttp p15
	switch o.MinVersion {
	case "1.3":
		tc.MinVersion = tls.VersionTLS13
	case "1.2", "":
	default:
		return nil, fmt.Errorf("unsupported --min-tls %q", o.MinVersion)
	}
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{TLSClientConfig: tc}}, nil
}

// Appliance returns a client for the legacy storage appliances the agent backs up.
// Their firmware speaks TLS 1.0 only.
func Appliance() *http.Client {
	tc := &tls.Config{
		MinVersion: tls.VersionTLS10, // WANT plainhttp P12
		CipherSuites: []uint16{
			tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
			tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA, // WANT plainhttp P13
		},
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: tc}}
}

// Switches returns a client for the network switches' management API, which tops out at TLS 1.1.
func Switches(user, password string) *http.Client {
	tc := &tls.Config{MaxVersion: tls.VersionTLS11} // WANT plainhttp P14
	return &http.Client{Transport: &http.Transport{TLSClientConfig: tc}}
}

// MetricsServer is the TLS config of the agent's metrics endpoint.
func MetricsServer(cert tls.Certificate) *tls.Config {
	return &tls.Config{
		Certificates: []tls.Certificate{cert},
		MinVersion:   tls.VersionTLS11, // WANT plainhttp P15
	}
}

// Hardened is used by FIPS builds.
func Hardened() *tls.Config {
	return &tls.Config{
		MinVersion:   tls.VersionTLS13, // NEAR plainhttp p16
		CipherSuites: []uint16{tls.TLS_AES_128_GCM_SHA256},
	}
}
