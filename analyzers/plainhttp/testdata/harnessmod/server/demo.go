// Package server is production code. Each file imports something test
// related that does not make it a harness, and is still reported.
package server

import (
	"crypto/tls"

	"example.com/svc/internal/fakestore"
)

// Demo wires the module's own fake store for a demo mode: the module's
// own packages are judged where they are, not by who imports them.
func Demo() (*fakestore.Store, *tls.Config) {
	return fakestore.New(), &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify`
}
