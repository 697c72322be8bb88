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
