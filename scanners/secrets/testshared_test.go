package secrets

import (
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestValueSharedWithTests: a value matched by name that the project's
// tests use too is sample material when every production place of it at
// the tip is configuration or documentation (a note naming the test).
// Near misses keep their level: the same value in production code, in a
// deployment (a chart's values, a Compose file), a configuration value
// no test uses, a provider-format key, and a value the tests used once
// but no longer do.
func TestValueSharedWithTests(t *testing.T) {
	r := newRepo(t)
	demo := testkeys.Generic(711)    // demo config + test: note
	chart := testkeys.Generic(712)   // chart values + README + e2e overrides: warning (a deployment's default)
	compose := testkeys.Generic(717) // compose file + a test harness's compose file: warning
	demoCfg := testkeys.Generic(718) // a demo TOML + a Go test: note
	inCode := testkeys.Generic(713)  // production code + test: warning
	alone := testkeys.Generic(714)   // configuration only: warning
	github := testkeys.GitHub(715)   // provider format in config + test: error
	dropped := testkeys.Generic(716) // the test stopped using it: warning
	r.write("assets/config/Caddyfile", "security {\n  authentication portal myportal {\n    crypto key sign-verify "+demo+"\n  }\n}\n")
	r.write("caddyfile_test.go", "package plugin\n\nconst portalKey = \""+demo+"\"\n")
	r.write("charts/app/values.yaml", "config:\n  client_secret: "+chart+"\n")
	r.write("charts/app/README.md", "Set the values:\n\n    client_secret: "+chart+"\n")
	r.write("tests/e2e/overrides.yaml", "config:\n  client_secret: "+chart+"\n")
	r.write("docker-compose.yml", "services:\n  app:\n    environment:\n      ENCRYPTION_SECRET: ${ENCRYPTION_SECRET:-"+compose+"}\n")
	r.write("test/harness/docker-compose.yml", "services:\n  app:\n    environment:\n      ENCRYPTION_SECRET: "+compose+"\n")
	r.write("config/demo.toml", "[auth]\nsession_secret = \""+demoCfg+"\"\n")
	r.write("internal/app/app_test.go", "package app\n\nconst demoSecret = \""+demoCfg+"\"\n")
	r.write("internal/app/client.go", "package app\n\nconst apiSecret = \""+inCode+"\"\n")
	r.write("internal/app/client_test.go", "package app\n\nconst wantSecret = \""+inCode+"\"\n")
	r.write("deploy/settings.yaml", "api_secret: "+alone+"\n")
	r.write("deploy/github.yaml", "github_token: "+github+"\n")
	r.write("deploy/github_test.go", "package deploy\n\nconst tok = \""+github+"\"\n")
	r.write("config/app.yaml", "signing_secret: "+dropped+"\n")
	r.write("config/app_test.go", "package config\n\nconst secret = \""+dropped+"\"\n")
	r.commit("service")
	r.write("config/app_test.go", "package config\n\nconst secret = \"\"\n")
	r.commit("test no longer pins the secret")

	res := scanRepo(t, Options{Root: r.dir})
	want := map[string]finding.Level{
		"crypto key sign-verify": finding.LevelNote,
		"charts/app/":            finding.LevelWarning,
		"ENCRYPTION_SECRET:":     finding.LevelWarning,
		"session_secret":         finding.LevelNote,
		"const apiSecret":        finding.LevelWarning,
		"api_secret:":            finding.LevelWarning,
		"github_token:":          finding.LevelError,
		"signing_secret:":        finding.LevelWarning,
	}
	got := map[string]*finding.Finding{}
	for i := range res.Findings {
		f := &res.Findings[i]
		for k := range want {
			if strings.Contains(f.Snippet, k) || strings.HasPrefix(f.Location.Path, k) {
				got[k] = f
			}
		}
	}
	for k, lvl := range want {
		f := got[k]
		if f == nil {
			dumpFindings(t, res)
			t.Fatalf("no finding reported at %q", k)
		}
		if f.Level != lvl {
			t.Errorf("%q at %s:%d: level %s, want %s: %s", k, f.Location.Path, f.Location.StartLine, f.Level, lvl, f.Message)
		}
		shared := strings.Contains(f.Message, "the project's tests use the same value")
		if shared != (lvl == finding.LevelNote) {
			t.Errorf("%q: the message says shared with tests: %v, want %v: %s", k, shared, lvl == finding.LevelNote, f.Message)
		}
	}
	assertNoLeak(t, res, demo, chart, compose, demoCfg, inCode, alone, github, dropped)
}
