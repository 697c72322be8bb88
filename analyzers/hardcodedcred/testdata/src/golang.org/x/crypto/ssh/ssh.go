// Package ssh stands for golang.org/x/crypto/ssh: a client config, its
// auth methods and host key callbacks.
package ssh

import "net"

type PublicKey interface{ Type() string }

type AuthMethod interface{ method() }

type passwordCallback func() (string, error)

func (passwordCallback) method() {}

func Password(secret string) AuthMethod {
	return passwordCallback(func() (string, error) { return secret, nil })
}

type HostKeyCallback func(hostname string, remote net.Addr, key PublicKey) error

type ClientConfig struct {
	User            string
	Auth            []AuthMethod
	HostKeyCallback HostKeyCallback
}
