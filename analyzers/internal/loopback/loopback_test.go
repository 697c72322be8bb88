package loopback

import "testing"

func TestHost(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "LOCALHOST.": true, "127.0.0.1": true, "127.8.9.1": true, "::1": true,
		"0.0.0.0": true, "::ffff:127.0.0.1": true, "api.localhost": true, "host.docker.internal": true,
		"10.0.0.1": false, "localhost.example.com": false, "api.example.com": false, "": false,
		"mylocalhost": false, "192.168.1.10": false,
	} {
		if got := Host(host); got != want {
			t.Errorf("Host(%q) = %v, want %v", host, got, want)
		}
	}
}
