// Package docker is a stub of dockertest's docker client types.
package docker

type HostConfig struct{ AutoRemove bool }
