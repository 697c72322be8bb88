package secrets

import (
	"strings"
	"testing"
)

// TestLocalIssuer: a client secret beside an issuer URL on localhost, in
// a commented example block or a live one, is a local identity
// provider's; one beside only a localhost redirect, beside a real
// issuer, or in another block than the localhost issuer is not.
func TestLocalIssuer(t *testing.T) {
	const v = "iSDz4G0n3CMQbcRW1hGTaN9PzNoeF6Kv"
	commented := "auth:\n#   oidc:\n#     display_name: Keycloak\n#     issuer_url: http://localhost:8080/realms/uptrace\n#     client_id: uptrace\n#     client_secret: " + v + "\n#     redirect_url: http://localhost:14318/callback\n"
	live := "sso:\n  oidc:\n    client_id: app\n    client_secret: \"" + v + "\"\n    issuer: \"http://127.0.0.1:5556/dex\"\n"
	redirectOnly := "oidc:\n  issuer_url: https://accounts.google.com\n  client_secret: " + v + "\n  redirect_url: http://localhost:8080/callback\n"
	realIssuer := "oidc:\n  issuer_url: https://login.example.com/realms/prod\n  client_secret: " + v + "\n"
	otherBlock := "dev:\n  issuer_url: http://localhost:8080\nprod:\n  client_secret: " + v + "\n  issuer_url: https://sso.example.com\n"
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"commented example", commented, true},
		{"live block", live, true},
		// Near misses.
		{"only the redirect on localhost", redirectOnly, false},
		{"a real issuer", realIssuer, false},
		{"the localhost issuer in another block", otherBlock, false},
	} {
		i := strings.Index(tc.text, v)
		if got := lineRole("config/uptrace.yml", tc.text, i) == roleLocalIssuer; got != tc.want {
			t.Errorf("%s: local issuer = %v, want %v", tc.name, got, tc.want)
		}
	}
}
