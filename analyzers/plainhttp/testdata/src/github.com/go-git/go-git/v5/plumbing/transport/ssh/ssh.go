// Package ssh is a stand-in for go-git's SSH transport.
package ssh

import "golang.org/x/crypto/ssh"

// HostKeyCallbackHelper holds the host-key check of an auth method.
type HostKeyCallbackHelper struct {
	HostKeyCallback ssh.HostKeyCallback
}

// PublicKeys logs in with a key pair.
type PublicKeys struct {
	User string
	HostKeyCallbackHelper
}

// NewPublicKeys reads a PEM key.
func NewPublicKeys(user string, pem []byte, password string) (*PublicKeys, error) {
	return &PublicKeys{User: user}, nil
}

// Password logs in with a password.
type Password struct {
	User     string
	Password string
	HostKeyCallbackHelper
}
