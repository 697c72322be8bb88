package hardcodedcred

import "testing"

func TestLooksSecret(t *testing.T) {
	for _, tc := range []struct {
		v        string
		password bool
		want     bool
	}{
		{"Q2w9E4r7T1y6U3i8", false, true},
		{"f3a9c2e7b1d84f60a5c3e9b2d7f1a4c8", false, true},
		{"5d2f4a8e-1c3b-4e7a-9f6d-2b8c0e4a1d7f", false, true},
		{"jwt-signing-key-2024", false, true},
		{"urn:oasis:names:tc:SAML:2.0:cm:bearer", false, false},       // a SAML URN
		{"urn:ietf:params:oauth:grant-type:jwt-bearer", false, false}, // an OAuth grant type
		{"urn9:oasis:Xk29fQpL7mZt4RvW", false, true},                  // not a URN

		{"hunter2", true, true},
		{"P@ssw0rd!", true, true},
		{"admin123", true, true},

		{"", false, false},
		{"password", true, false},
		{"X-API-Key", false, false},
		{"client_secret", false, false},
		{"my-secret-key", false, false},
		{"API_TOKEN", false, false},
		{"AKIAIOSFODNN7EXAMPLE", false, false},
		{"YOUR_API_KEY", false, false},
		{"<token>", false, false},
		{"(random)", true, false},   // a marker asking for a generated password
		{"[not set]", true, false},  // a marker
		{"(r4nd0m!Xq)", true, true}, // brackets around a real password
		{"${API_KEY}", false, false},
		{"{{ .Token }}", false, false},
		{"token-%s", false, false},
		{"xxxxxxxxxxxx", false, false},
		{"***", false, false},
		{"test-api-key-123", false, false},
		{"hmac-sha256", false, false}, // an algorithm's name
		{"HS512", false, false},
		{"aes-256-gcm", false, false},
		{"secp256k1", false, false},
		{"hs256-9f8e7d6c5b4a3f2e1d0c", false, true}, // an algorithm prefix on a key
		{"sha256Xk29fQpL7mZt4RvW", false, true},
		{"dummy_key_4f9a2b", false, false},
		{"https://auth.example.com/token", false, false},
		{"/var/run/secrets/token", false, false},
		{"keys/private.pem", false, false},
		{"ops@internal.corp", false, false},
		{"$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", true, false},
		{"2024-01-31", false, false},
		{"a1b2c3", false, false},
		{"aaaa1111", false, false},
		{"required,min=8", true, false},
		{"[A-Za-z0-9]{32}", false, false},
		{"dXNlcjpwYXNz", false, false}, // base64("user:pass")
		{"Please enter your password", true, false},
		// Labels and catalogue keys that spell a credential word.
		{"publickey+password", true, false},
		{"TLSCertificate+password", true, false},
		{"oauth2.no_refresh_token", false, false},
		{"auth.sha1.client_secret", false, false},
		// Near misses: secrets that look a little like them.
		{"pass+w0rd!x", true, true},
		{"s3cr3t.t0k3n.v2", false, true},
		{"oauth2.Xk29fQpL7mZt4RvW.auth", false, true},
		{"my.secret99.value", true, true},
	} {
		if got := looksSecret(tc.v, tc.password, defaultMinEntropy); got != tc.want {
			t.Errorf("looksSecret(%q, %v) = %v, want %v", tc.v, tc.password, got, tc.want)
		}
	}
}

func TestEnvName(t *testing.T) {
	for in, want := range map[string]string{
		"clientSecret": "CLIENT_SECRET", "X-API-Key": "API_KEY", "dbPassword": "DB_PASSWORD",
		"STRIPE_KEY": "STRIPE_KEY", "": "SECRET",
	} {
		if got := envName(in); got != want {
			t.Errorf("envName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTestSupport(t *testing.T) {
	for path, want := range map[string]bool{
		"example.com/m/internal/testutil": true, "example.com/m/oidctest": true, "example.com/m/mocks": true,
		"example.com/m/testdata/x": true, "example.com/m/latest": false, "example.com/m/auth": false,
		"example.com/m/test": true, "example.com/m/storage/conformance": true, "example.com/m/manifest": false,
	} {
		if got := testSupport(path); got != want {
			t.Errorf("testSupport(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestNameValue(t *testing.T) {
	for _, tc := range []struct {
		v, name string
		want    bool
	}{
		{"JWTPublicSecret", "JWTPublicSecretKey", true},
		{"oauth2_token", "OAuth2TokenKey", true},
		{"HMACSigningKeyPrimary", "HMACSecretSettingName", true},
		{"api-key-header", "APIKeyName", true},

		{"wh5Kq9Zp2Lm7Xr4T", "WebhookSecretKey", false},
		{"Hunter2Hunter2", "AdminPasswordKey", false},
		{"SessionSecret", "sessionSecret", true}, // spelled in the name
		{"CorrectHorseBattery", "adminPassword", false},
	} {
		if got := nameValue(tc.v, tc.name); got != tc.want {
			t.Errorf("nameValue(%q, %q) = %v, want %v", tc.v, tc.name, got, tc.want)
		}
	}
	for _, w := range []string{"JWTPublicSecret", "HTTPHeaderName", "OIDCClientSecret"} {
		if !allWords(w) {
			t.Errorf("allWords(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"aBcDeFgH", "ABcDEfGHi"} {
		if allWords(w) {
			t.Errorf("allWords(%q) = true, want false", w)
		}
	}
}

// TestMaskPlaceholders: a mask written in place of a credential is no
// credential (argo-events sets "*** Masked Auth Secret ***" as the
// Authorization header once it has checked it); random values with a
// star or the word in them are not masks.
func TestMaskPlaceholders(t *testing.T) {
	for v, want := range map[string]bool{
		"*** Masked Auth Secret ***": true,
		"***":                        true,
		"masked-token":               true,
		"[REDACTED]":                 true,
		"Kq7*vX2mLp9w":               false,
		"maskedrIqvX2mLp9wKq7":       false,
	} {
		if got := isPlaceholder(v); got != want {
			t.Errorf("isPlaceholder(%q) = %v, want %v", v, got, want)
		}
	}
}
