// Package sshgogit: go-git's SSH auth methods hold the host-key check in
// a field of the same type as ssh.ClientConfig's; one that accepts every
// key never authenticates the Git server (waypoint's git data source).
package sshgogit

import (
	"net"

	gitssh "github.com/go-git/go-git/v5/plumbing/transport/ssh"
	"golang.org/x/crypto/ssh"
)

// Positive: the promoted field of the key-pair auth method.
func keyAuth(user string, pem []byte) (*gitssh.PublicKeys, error) {
	auth, err := gitssh.NewPublicKeys(user, pem, "")
	if err != nil {
		return nil, err
	}
	auth.HostKeyCallback = ssh.InsecureIgnoreHostKey() // want `the HostKeyCallback of ssh.PublicKeys accepts any host key`
	return auth, nil
}

// Positive: the helper's literal in a password auth method.
func passwordAuth(user, pw string) *gitssh.Password {
	return &gitssh.Password{User: user, Password: pw, HostKeyCallbackHelper: gitssh.HostKeyCallbackHelper{
		HostKeyCallback: ssh.InsecureIgnoreHostKey(), // want `the HostKeyCallback of ssh.HostKeyCallbackHelper accepts any host key`
	}}
}

// Near miss: a pinned key.
func pinnedAuth(user string, pem []byte, key ssh.PublicKey) (*gitssh.PublicKeys, error) {
	auth, err := gitssh.NewPublicKeys(user, pem, "")
	if err != nil {
		return nil, err
	}
	auth.HostKeyCallback = ssh.FixedHostKey(key)
	return auth, nil
}

// Near miss: a callback that looks at the key.
func checkedAuth(user string, pem []byte, allowed map[string]bool) (*gitssh.PublicKeys, error) {
	auth, err := gitssh.NewPublicKeys(user, pem, "")
	if err != nil {
		return nil, err
	}
	auth.HostKeyCallback = func(host string, _ net.Addr, key ssh.PublicKey) error {
		if !allowed[host+" "+string(key.Marshal())] {
			return net.UnknownNetworkError(host)
		}
		return nil
	}
	return auth, nil
}

// Near miss: the operator's opt-in.
func optedIn(user string, pem []byte, insecure bool) (*gitssh.PublicKeys, error) {
	auth, err := gitssh.NewPublicKeys(user, pem, "")
	if err != nil {
		return nil, err
	}
	if insecure {
		auth.HostKeyCallback = ssh.InsecureIgnoreHostKey()
	}
	return auth, nil
}

// Near miss: a field of another type with the same name.
type probe struct{ HostKeyCallback func() error }

func unrelated() probe {
	return probe{HostKeyCallback: func() error { return nil }}
}

// Positive: a callback variable that accepts any key on the password
// path, given to the config afterwards (argo-events' SFTP source).
func sftpConfig(user, pw string, key ssh.PublicKey) *ssh.ClientConfig {
	var cb ssh.HostKeyCallback
	var auth ssh.AuthMethod
	if key != nil {
		cb = ssh.FixedHostKey(key)
	} else {
		auth = ssh.Password(pw)
		cb = ssh.InsecureIgnoreHostKey() // want `the host-key callback cb accepts any host key`
	}
	return &ssh.ClientConfig{User: user, Auth: []ssh.AuthMethod{auth}, HostKeyCallback: cb}
}

// Near miss: the variable set so only under the operator's opt-in.
func optedInVar(user string, insecureSkipHostKey bool, key ssh.PublicKey) *ssh.ClientConfig {
	cb := ssh.FixedHostKey(key)
	if insecureSkipHostKey {
		cb = ssh.InsecureIgnoreHostKey()
	}
	return &ssh.ClientConfig{User: user, HostKeyCallback: cb}
}

type outbound struct {
	user    string
	hostKey []ssh.PublicKey
}

// Positive: the callback checks the configured keys, but accepts every
// key when none is configured, the default (sing-box's SSH outbound).
func (o *outbound) config() *ssh.ClientConfig {
	return &ssh.ClientConfig{
		User: o.user,
		HostKeyCallback: func(host string, _ net.Addr, key ssh.PublicKey) error { // want `ssh.ClientConfig accepts any host key while no host key is configured`
			if len(o.hostKey) == 0 {
				return nil
			}
			for _, k := range o.hostKey {
				if string(k.Marshal()) == string(key.Marshal()) {
					return nil
				}
			}
			return net.UnknownNetworkError(host)
		},
	}
}

// Near miss: an empty key from the server is refused, every other one
// checked.
func (o *outbound) strict() *ssh.ClientConfig {
	return &ssh.ClientConfig{
		User: o.user,
		HostKeyCallback: func(host string, _ net.Addr, key ssh.PublicKey) error {
			if len(key.Marshal()) == 0 {
				return net.UnknownNetworkError(host)
			}
			for _, k := range o.hostKey {
				if string(k.Marshal()) == string(key.Marshal()) {
					return nil
				}
			}
			return net.UnknownNetworkError(host)
		},
	}
}
