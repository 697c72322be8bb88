// Package plainlib declares configurations whose credential-named
// fields its own code shows to hold file paths or durations; package
// useplainlib prints them.
package plainlib

import (
	"crypto/tls"
	"os"
	"time"
)

// DB.ClientKey is a key file's path: handed to tls.LoadX509KeyPair.
type DB struct {
	Host       string
	ClientCert string
	ClientKey  string // want ClientKey:`tokenlog\(plain: a file path\)`
	Password   string
}

type Cache struct {
	Dir      string
	TokenTTL time.Duration
	TokenDir string // a directory: handed to os.ReadFile
}

func (d DB) TLS() (tls.Certificate, error) {
	return tls.LoadX509KeyPair(d.ClientCert, d.ClientKey)
}

func (c Cache) Read(name string) ([]byte, error) {
	return os.ReadFile(c.TokenDir + "/" + name)
}
