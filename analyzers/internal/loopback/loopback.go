// Package loopback says whether a host names the machine itself: a
// request there never crosses a network.
package loopback

import (
	"net/netip"
	"strings"
)

// Host reports whether host (lower case, no port, brackets removed)
// is a loopback or unspecified address, localhost or a name under
// .localhost, or a container runtime's name for the machine a local
// development container runs on (host.docker.internal).
func Host(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if ip, err := netip.ParseAddr(host); err == nil {
		ip = ip.Unmap()
		return ip.IsLoopback() || ip.IsUnspecified()
	}
	switch host {
	case "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback",
		// Docker's and Podman's names for the machine the container
		// runs on: local development setups.
		"host.docker.internal", "gateway.docker.internal", "host.containers.internal", "kubernetes.docker.internal":
		return true
	}
	return strings.HasSuffix(host, ".localhost")
}
