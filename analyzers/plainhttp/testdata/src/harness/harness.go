// Package harness helps tests (a non-test file imports "testing"), so it
// is a test harness whatever its name: silent.
package harness

import (
	"crypto/tls"
	"testing"
)

func TLSConfig(t testing.TB) *tls.Config {
	t.Helper()
	return &tls.Config{InsecureSkipVerify: true}
}
