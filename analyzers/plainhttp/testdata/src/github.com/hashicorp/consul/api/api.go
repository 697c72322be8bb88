// Package api is a stub of Consul's client API for tests.
package api

import "crypto/tls"

// TLSConfig is Consul's own TLS settings.
type TLSConfig struct {
	Address            string
	CAFile             string
	InsecureSkipVerify bool
}

// SetupTLSConfig turns the settings into a crypto/tls.Config.
func SetupTLSConfig(c *TLSConfig) (*tls.Config, error) {
	return &tls.Config{InsecureSkipVerify: c.InsecureSkipVerify}, nil
}

// Endpoint has a field of that name that is no switch.
type Endpoint struct {
	InsecureSkipVerify string
}
