package secrets

import "testing"

func TestContextOf(t *testing.T) {
	for path, want := range map[string]string{
		"cmd/server/main.go":              ctxProduction,
		"internal/auth/keys.go":           ctxProduction,
		"caddytest/integration/proxy.go":  ctxTest,
		"internal/apitest/server.go":      ctxTest,
		"pkg/authtesting/keys.go":         ctxTest,
		"internal/latest/config.go":       ctxProduction,
		"contest/config.go":               ctxProduction,
		"caddytest/a.caddy.localhost.key": ctxFixture,
		"certs/localhost.pem":             ctxFixture,
		"certs/prod.pem":                  ctxProduction,
		"handlers_test.go":                ctxTest,
		"testdata/key.pem":                ctxFixture,
		"vendor/github.com/x/y/z.go":      ctxVendored,
		"examples/basic/main.go":          ctxExample,
		"docs/setup.md":                   ctxDocs,
	} {
		if got, _ := contextOf(path); got != want {
			t.Errorf("contextOf(%q) = %s, want %s", path, got, want)
		}
	}
}

func TestQualifiedIdentifierIsLowConfidence(t *testing.T) {
	if c, why := assessValue("generic-api-key", "acme.RSA2048", false); c != confLow {
		t.Errorf("acme.RSA2048: confidence %v (%s), want low: it is a Go identifier", c, why)
	}
	// A random value with a dot is still a key.
	if c, _ := assessValue("generic-api-key", "q8Zr2Lx9.Pw4Tn7Vb3Km", false); c == confLow {
		t.Error("a random dotted value was rated low")
	}
}

func TestPublishedExampleValues(t *testing.T) {
	// The access token of RFC 6749's examples, quoted in many OAuth
	// servers' comments and docs.
	if c, why := assessValue("generic-api-key", "2YotnFZFEjr1zCsicMWpAA", false); c != confLow || why == "" {
		t.Errorf("RFC 6749 example token: confidence %v (%s), want low", c, why)
	}
}
