package cli

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/authvet/authvet/scanners/testkeys"
)

// fingerprints runs `authvet scan --no-git` on a module holding src and
// returns "rule fingerprint" of every finding, sorted.
func fingerprints(t *testing.T, src, env string) []string {
	t.Helper()
	dir := writeTree(t, map[string]string{"go.mod": "module example.com/fp\n\ngo 1.22\n", "app.go": src, "deploy/prod.env": env})
	out, stderr, code := authvet(t, dir, "scan", "--no-git", "--format", "json", "--fail-on", "none", ".")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var doc struct {
		Findings []struct {
			RuleID      string `json:"ruleId"`
			Fingerprint string `json:"fingerprint"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var fps []string
	for _, f := range doc.Findings {
		fps = append(fps, f.RuleID+" "+f.Fingerprint)
	}
	sort.Strings(fps)
	return fps
}

// TestFingerprintsHoldNoSecret checks that a fingerprint is built from
// what the report shows and nothing else: two trees that differ only in
// their secrets' hidden characters get the same fingerprints, so that a
// reader of a report cannot test a guessed value against one. Inserting
// lines above the findings leaves them unchanged too (baselines rely on
// that).
func TestFingerprintsHoldNoSecret(t *testing.T) {
	src := func(password, token, pad string) string {
		return "package app\n" + pad + "\nimport \"net/http\"\n\n" +
			"const password = \"" + password + "\"\n\n" +
			"const u = \"http://api.example.com/v1?token=" + token + "\"\n\n" +
			"func get() { http.Get(u + password) }\n"
	}
	env := func(key, pad string) string { return pad + "STRIPE_KEY=" + key + "\n" }
	a := fingerprints(t, src("pw9X"+testkeys.Generic(1)[:20], testkeys.GitHub(1), ""), env(testkeys.Stripe(1), ""))
	b := fingerprints(t, src("pw9X"+testkeys.Generic(2)[:20], testkeys.GitHub(2), ""), env(testkeys.Stripe(2), ""))
	shifted := fingerprints(t, src("pw9X"+testkeys.Generic(1)[:20], testkeys.GitHub(1), "\n\n// Package app.\n"), env(testkeys.Stripe(1), "# prod\n\n"))
	var rules []string
	for _, fp := range a {
		rules = append(rules, strings.Fields(fp)[0])
	}
	if got := strings.Join(rules, " "); !strings.Contains(got, "hardcodedcred/") || !strings.Contains(got, "plainhttp/url") || !strings.Contains(got, "secret/") {
		t.Fatalf("the fixture no longer gets findings of hardcodedcred, plainhttp/url and a secret rule: %v", rules)
	}
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("fingerprints depend on the hidden part of a secret:\n%v\n%v", a, b)
	}
	if strings.Join(a, "\n") != strings.Join(shifted, "\n") {
		t.Errorf("fingerprints changed when lines moved:\n%v\n%v", a, shifted)
	}
}
