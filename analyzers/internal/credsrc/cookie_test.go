package credsrc_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

func TestCookieName(t *testing.T) {
	for _, c := range []struct {
		name              string
		credential, known bool
	}{
		{"session", true, true},
		{"sid", true, true},
		{"auth_token", true, true},
		{"jwt", true, true},
		{"accessToken", true, true},
		{"csrf_token", false, true}, // double-submit: meant for scripts
		{"XSRF-TOKEN", false, true},
		{"theme", false, true},
		{"oauth_state", false, true},
		{"last_login", false, false},
		{"last_access", false, false},
		{"uid_hint", false, false},
		{"", false, false},
	} {
		cred, known := credsrc.CookieName(c.name)
		if cred != c.credential || known != c.known {
			t.Errorf("CookieName(%q) = %v, %v; want %v, %v", c.name, cred, known, c.credential, c.known)
		}
	}
}

func TestQueryKeyCarriesNoSecret(t *testing.T) {
	for key, want := range map[string]bool{
		"X-Amz-Signature": true, "sig": true, "code": true, "state": true, "client_id": true,
		"webhook_signature": true,
		"api_key":           false, "access_token": false, "client_secret": false, "key": false,
	} {
		if got := credsrc.QueryKeyCarriesNoSecret(key); got != want {
			t.Errorf("QueryKeyCarriesNoSecret(%q) = %v, want %v", key, got, want)
		}
	}
	if !credsrc.ScriptReadable("csrfToken") || credsrc.ScriptReadable("sessionToken") {
		t.Error("ScriptReadable: csrfToken must be script-readable, sessionToken not")
	}
}
