package pubexample

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	// jwt.io's sample, assembled so that this file holds no token.
	sample := strings.Join([]string{
		"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
		"eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ",
		"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
	}, ".")
	if why, ok := Lookup(sample); !ok || !strings.Contains(why, "jwt.io") {
		t.Errorf("Lookup(jwt.io sample) = %q, %v", why, ok)
	}
	// The same header and claims under another signature is a token
	// someone signed: not the published one.
	other := sample[:strings.LastIndex(sample, ".")+1] + "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
	for _, v := range []string{other, "AKIAIOSFODNN7EXAMPLF", ""} {
		if why, ok := Lookup(v); ok {
			t.Errorf("Lookup(%q) = %q, want not published", v, why)
		}
	}
}
