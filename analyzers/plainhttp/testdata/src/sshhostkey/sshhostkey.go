// Package sshhostkey: an SSH client whose host-key callback accepts
// every key never authenticates the server. A callback that looks at the
// key, a pinned key, and an opt-in the operator chose are left alone.
package sshhostkey

import (
	"bytes"
	"errors"
	"log"
	"net"

	"golang.org/x/crypto/ssh"
)

type options struct {
	InsecureHostKey bool
}

// Positive: the library's own accept-all callback.
func dialIgnoring(addr, user, pw string) (*ssh.Client, error) {
	cfg := &ssh.ClientConfig{
		User:            user,
		Auth:            []ssh.AuthMethod{ssh.Password(pw)},
		HostKeyCallback: ssh.InsecureIgnoreHostKey(), // want `ssh.ClientConfig accepts any host key`
	}
	return ssh.Dial("tcp", addr, cfg)
}

// Positive: a callback that returns nil without looking (pgweb's tunnel).
func tunnelConfig(user string, auth []ssh.AuthMethod) *ssh.ClientConfig {
	return &ssh.ClientConfig{
		User: user,
		Auth: auth,
		HostKeyCallback: func(hostname string, remote net.Addr, key ssh.PublicKey) error { // want `ssh.ClientConfig accepts any host key`
			return nil
		},
	}
}

// Positive: assigned after the literal, with a log line first.
func assigned(cfg *ssh.ClientConfig) {
	cfg.HostKeyCallback = func(string, net.Addr, ssh.PublicKey) error { // want `ssh.ClientConfig accepts any host key`
		log.Println("accepting host key")
		return nil
	}
}

// Near miss: a pinned key.
func pinned(key ssh.PublicKey) *ssh.ClientConfig {
	return &ssh.ClientConfig{HostKeyCallback: ssh.FixedHostKey(key)}
}

// Near miss: a callback that compares the key it is given.
func compared(want []byte) *ssh.ClientConfig {
	return &ssh.ClientConfig{
		HostKeyCallback: func(hostname string, remote net.Addr, key ssh.PublicKey) error {
			if !bytes.Equal(key.Marshal(), want) {
				return errors.New("host key mismatch")
			}
			return nil
		},
	}
}

// Near miss: trust on first use, remembering the key per host.
func firstUse(seen map[string][]byte) *ssh.ClientConfig {
	return &ssh.ClientConfig{
		HostKeyCallback: func(hostname string, remote net.Addr, key ssh.PublicKey) error {
			if k, ok := seen[hostname]; ok && !bytes.Equal(k, key.Marshal()) {
				return errors.New("host key changed")
			}
			seen[hostname] = key.Marshal()
			return nil
		},
	}
}

// Near miss: the operator's explicit opt-in.
func optional(o options, cfg *ssh.ClientConfig) {
	if o.InsecureHostKey {
		cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey()
	}
}

// Near miss: a callback that refuses every key.
func refuseAll(cfg *ssh.ClientConfig) {
	cfg.HostKeyCallback = func(string, net.Addr, ssh.PublicKey) error {
		return errors.New("no host keys are trusted")
	}
}

// Near miss: a health probe logging in as healthcheck/healthcheck, an
// account that lets any password in; nothing secret is sent.
func probe(addr string) (*ssh.Client, error) {
	cfg := ssh.ClientConfig{
		User:            "healthcheck",
		HostKeyCallback: func(hostname string, remote net.Addr, key ssh.PublicKey) error { return nil },
		Auth:            []ssh.AuthMethod{ssh.Password("healthcheck")},
	}
	return ssh.Dial("tcp", addr, &cfg)
}

// The same probe with a real password sends it to whoever answers.
func probeSecret(addr string) (*ssh.Client, error) {
	cfg := ssh.ClientConfig{
		User:            "healthcheck",
		HostKeyCallback: func(hostname string, remote net.Addr, key ssh.PublicKey) error { return nil }, // want `accepts any host key`
		Auth:            []ssh.AuthMethod{ssh.Password("Zq7!pW2xK9")},
	}
	return ssh.Dial("tcp", addr, &cfg)
}

// Near miss: the process logs in to its own SSH listener on the loopback
// interface (a web terminal relaying to the server it runs in).
func relay(user string, auth []ssh.AuthMethod) (*ssh.Client, error) {
	return ssh.Dial("tcp", "localhost:2222", &ssh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: ssh.InsecureIgnoreHostKey(),
	})
}

const relayAddr = "127.0.0.1:2222"

func relayConst(user string, auth []ssh.AuthMethod) (*ssh.Client, error) {
	return ssh.Dial("tcp", relayAddr, &ssh.ClientConfig{User: user, Auth: auth, HostKeyCallback: ssh.InsecureIgnoreHostKey()})
}

// The same dial to a host of the network, or to one known at run time,
// is judged.
func relayRemote(user string, auth []ssh.AuthMethod, host string) (*ssh.Client, error) {
	if _, err := ssh.Dial("tcp", "bastion.example.com:22", &ssh.ClientConfig{User: user, Auth: auth, HostKeyCallback: ssh.InsecureIgnoreHostKey()}); err != nil { // want `accepts any host key`
		return nil, err
	}
	return ssh.Dial("tcp", host+":22", &ssh.ClientConfig{User: user, Auth: auth, HostKeyCallback: ssh.InsecureIgnoreHostKey()}) // want `accepts any host key`
}
