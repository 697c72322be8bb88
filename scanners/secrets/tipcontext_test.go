package secrets

import (
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestContextJudgedWhereTheSecretIsNow: a secret still at the tip is
// triaged by the places that hold it there, not by the most serious path
// it ever had; one only in history keeps the most serious place it was
// in. Cold and warm (served from the cache) agree.
func TestContextJudgedWhereTheSecretIsNow(t *testing.T) {
	r := newRepo(t)
	moved := testkeys.GitHub(601)      // production, then moved into a test: note
	copied := testkeys.GitHub(602)     // production, copied into a test too: error
	deleted := testkeys.GitHub(603)    // production and test, then deleted from both: warning
	promoted := testkeys.GitHub(604)   // a test, then moved into production: error
	fixtureNow := testkeys.GitHub(605) // production, then moved into testdata: note
	r.write("app/client.go", "package app\n\nvar a = \""+moved+"\"\nvar b = \""+copied+"\"\nvar c = \""+deleted+"\"\n")
	r.write("app/client_test.go", "package app\n\nvar c2 = \""+deleted+"\"\nvar d = \""+promoted+"\"\n")
	r.write("app/keys.go", "package app\n\nvar e = \""+fixtureNow+"\"\n")
	r.commit("clients")
	r.write("app/client.go", "package app\n\nvar b = \""+copied+"\"\nvar d = \""+promoted+"\"\n")
	r.write("app/client_test.go", "package app\n\nvar a = \""+moved+"\"\nvar b2 = \""+copied+"\"\n")
	r.git("rm", "-q", "app/keys.go")
	r.write("app/testdata/keys.txt", "token="+fixtureNow+"\n")
	r.commit("move keys")
	cache := t.TempDir()
	// Keyed by the snippet of the place each is reported at (the
	// redacted values look alike).
	want := map[string]struct {
		level finding.Level
		ctx   string
	}{
		"var a =": {finding.LevelNote, ctxTest},          // moved
		"var b =": {finding.LevelError, ctxProduction},   // copied
		"var c =": {finding.LevelWarning, ctxProduction}, // deleted
		"var d =": {finding.LevelError, ctxProduction},   // promoted
		"token=":  {finding.LevelNote, ctxFixture},       // fixtureNow
	}
	for _, run := range []string{"cold", "warm"} {
		res := scanRepo(t, Options{Root: r.dir, CacheDir: cache})
		got := map[string]*finding.Finding{}
		for i := range res.Findings {
			f := &res.Findings[i]
			for k := range want {
				if strings.Contains(f.Snippet, k) {
					got[k] = f
				}
			}
		}
		for k, w := range want {
			f := got[k]
			if f == nil {
				dumpFindings(t, res)
				t.Fatalf("%s: no finding reported at %q", run, k)
			}
			if f.Level != w.level || prop(f, "context") != w.ctx {
				t.Errorf("%s: %q at %s: level %s, context %v; want %s, %s", run, k, f.Location.Path, f.Level, prop(f, "context"), w.level, w.ctx)
			}
		}
		assertNoLeak(t, res, moved, copied, deleted, promoted, fixtureNow)
	}
}

// TestTipPlaceUnmatched: a secret still at the tip, where the rule that
// found it when it was added no longer matches it in the whole file (the
// entry before it moved away), is judged and reported where it is now:
// here the key of a mapping entry, a note, at its place in the tip file,
// redacted.
func TestTipPlaceUnmatched(t *testing.T) {
	r := newRepo(t)
	h := testkeys.Hex(4242, 32)
	id := h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:32]
	r.write("resources/ids.json", `{"x1":"Security Key NFC by Acme","`+id+`":"Acme Authenticator"}`+"\n")
	r.commit("add ids")
	r.write("resources/ids.json", `{"`+id+`":"Acme Authenticator","x1":"Security Key NFC by Acme"}`+"\n")
	r.commit("reorder ids")
	res := scanRepo(t, Options{Root: r.dir})
	var got []finding.Finding
	for _, f := range res.Findings {
		if f.Location.Path == "resources/ids.json" {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		dumpFindings(t, res)
		t.Fatalf("%d findings in ids.json, want 1", len(got))
	}
	f := got[0]
	if f.Level != finding.LevelNote {
		t.Errorf("level %s, want note (the key of a mapping entry at the tip): %s", f.Level, f.Message)
	}
	if f.Location.StartColumn != 3 {
		t.Errorf("column %d, want 3 (its place in the tip file)", f.Location.StartColumn)
	}
	assertNoLeak(t, res, id)
}
