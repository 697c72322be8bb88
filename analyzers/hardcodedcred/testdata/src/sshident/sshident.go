// Package sshident logs in over SSH with literal passwords. A password
// equal to the user name beside it (sshportal's healthcheck account) is
// a default, not a secret: a note. Another literal password is a
// hard-coded credential.
package sshident

import "golang.org/x/crypto/ssh"

func healthcheck() *ssh.ClientConfig {
	return &ssh.ClientConfig{
		User: "healthcheck",
		Auth: []ssh.AuthMethod{ssh.Password("healthcheck")}, // want `password passed to ssh.Password .*it equals its own key id or user name`
	}
}

func deploy() *ssh.ClientConfig {
	return &ssh.ClientConfig{
		User: "deploy",
		Auth: []ssh.AuthMethod{ssh.Password("Kp9!xR2#vLq7")}, // want `password passed to ssh.Password`
	}
}
