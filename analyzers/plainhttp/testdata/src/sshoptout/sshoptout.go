// Package sshoptout: host-key checking turned off because a setting
// about host keys holds its documented off value (known_hosts_file =
// "none") is the user's explicit choice and is left alone. The default
// reached when nothing is set, other values, settings about something
// else and conditions that do not imply the off value are reported.
package sshoptout

import "golang.org/x/crypto/ssh"

type Options struct {
	KnownHostsFile        string
	StrictHostKeyChecking string
	HostKeyCheck          string
	Mode                  string
	Legacy                bool
}

// Silent: rclone's shape, a tagless switch whose case is the opt-out;
// the default case, reached with nothing set, is reported.
func rcloneShape(opt Options, cfg *ssh.ClientConfig) {
	switch {
	case opt.KnownHostsFile == "none":
		cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey()
	case opt.KnownHostsFile != "":
		cfg.HostKeyCallback = ssh.FixedHostKey(nil)
	default:
		cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey() // want `ssh.ClientConfig accepts any host key`
	}
}

// Silent: a switch on the setting, OpenSSH's "no".
func tagged(opt Options, cfg *ssh.ClientConfig) {
	switch opt.StrictHostKeyChecking {
	case "no":
		cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey()
	case "default":
		cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey() // want `ssh.ClientConfig accepts any host key`
	}
}

// Silent: an if on the off value, alone and in a chain of &&.
func ifOff(opt Options, user string) *ssh.ClientConfig {
	cfg := &ssh.ClientConfig{User: user}
	if opt.HostKeyCheck == "off" {
		cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey()
	}
	if user != "" && opt.KnownHostsFile == "ignore" {
		cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey()
	}
	return cfg
}

// Near misses: the empty setting, another value, another setting, a
// condition that holds without the opt-out.
func nearMisses(opt Options, cfg *ssh.ClientConfig) {
	if opt.KnownHostsFile == "" {
		cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey() // want `ssh.ClientConfig accepts any host key`
	}
	if opt.HostKeyCheck == "strict" {
		cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey() // want `ssh.ClientConfig accepts any host key`
	}
	if opt.Mode == "none" {
		cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey() // want `ssh.ClientConfig accepts any host key`
	}
	if opt.KnownHostsFile == "none" || opt.Legacy {
		cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey() // want `ssh.ClientConfig accepts any host key`
	}
}
