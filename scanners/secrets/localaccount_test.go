package secrets

import (
	"strings"
	"testing"
)

// TestLocalAccount: a credential among the fields of an account whose
// e-mail is at localhost or a special-use domain, live or commented out,
// is a local account's; one beside an address at a real or example
// domain, in a sibling account's block, or beside localhost only as a
// host is not.
func TestLocalAccount(t *testing.T) {
	const v = "r7lQ9xKp2mVb8Zt4Wn6Yq1Hs3Dj5Fg0L"
	caddy := "local identity store localdb {\n\tuser webadmin {\n\t\tname Webmaster\n\t\temail webadmin@localhost.localdomain\n\t\troles \"authp/admin\"\n\t\t# secret: " + v + "\n\t\tapi key x \"bcrypt:10:$2a$10$abc\"\n\t}\n}\n"
	commented := "# local identity store userpool1 {\n# \tuser jsmith {\n# \t\temail jsmith@localhost.localdomain\n# \t\tpassword \"My@Password123\"\n# \t\t# apikey: " + v + "\n# \t}\n# }\n"
	yaml := "users:\n  - name: dev\n    email: dev@app.test\n    api_key: " + v + "\n"
	below := "accounts:\n  admin:\n    token: " + v + "\n    email: admin@localhost\n"
	exampleCom := "users:\n  - email: admin@example.com\n    api_key: " + v + "\n"
	realDomain := "users:\n  - email: ops@test.com\n    api_key: " + v + "\n"
	sibling := "users:\n  alice:\n    email: alice@localhost\n  bob:\n    api_key: " + v + "\n"
	hostOnly := "server:\n  url: http://localhost:8080\n  api_key: " + v + "\n"
	compose := "services:\n  server:\n    environment:\n      SEMAPHORE_ADMIN_EMAIL: ${SEMAPHORE_ADMIN_EMAIL:-admin@localhost}\n      SEMAPHORE_ACCESS_KEY_ENCRYPTION: ${SEMAPHORE_ACCESS_KEY_ENCRYPTION:-" + v + "}\n"
	for _, tc := range []struct {
		name, path, text string
		want             bool
	}{
		{"caddyfile account", "assets/config/auth.Caddyfile", caddy, true},
		{"commented-out account", "assets/config/auth.Caddyfile", commented, true},
		{"yaml account at .test", "assets/config/auth.Caddyfile", yaml, true},
		{"address below the value", "assets/config/auth.Caddyfile", below, true},
		// Near misses.
		{"an example.com account", "assets/config/auth.Caddyfile", exampleCom, false},
		{"a real domain ending in test", "assets/config/auth.Caddyfile", realDomain, false},
		{"a sibling account at localhost", "assets/config/auth.Caddyfile", sibling, false},
		{"localhost as a host, not an account", "assets/config/auth.Caddyfile", hostOnly, false},
		{"a deployment's default admin", "deployment/compose/server/base.yml", compose, false},
		{"a compose file's default admin", "docker-compose.yml", compose, false},
	} {
		i := strings.Index(tc.text, v)
		if got := lineRole(tc.path, tc.text, i) == roleLocalAccount; got != tc.want {
			t.Errorf("%s: local account = %v, want %v", tc.name, got, tc.want)
		}
	}
}
