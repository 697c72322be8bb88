package server

import (
	"crypto/tls"
	"testing"
)

// Config imports "testing" for testing.Testing() only: production.
func Config() *tls.Config {
	if testing.Testing() {
		return nil
	}
	return &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify`
}
