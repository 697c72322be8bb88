package secrets

import (
	"context"
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
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

// TestTipSearchOddSecrets: the tip is searched for every secret at once;
// a secret git grep cannot take as a pattern as it is (a private key
// matched across one 48 KiB line, as in a docs site's search index) is
// looked for by a piece of it, and does not keep the other secrets from
// being found at the tip: both are present, and reported as such.
func TestTipSearchOddSecrets(t *testing.T) {
	r := newRepo(t)
	tok := testkeys.GitHub(611)
	body := strings.Repeat(testkeys.Hex(612, 64)+"+/", 740)
	key := "-----BEGIN " + "PRIVATE KEY-----\\n" + body + "\\n-----END " + "PRIVATE KEY-----"
	r.write("app/client.go", "package app\n\nvar token = \""+tok+"\"\n")
	r.write("site/search_index.json", `{"docs":[{"text":"`+key+`"}]}`+"\n")
	r.commit("add")
	res := scanRepo(t, Options{Root: r.dir})
	for _, n := range res.Notifications {
		if n.Kind == NotifyTipSearch {
			t.Errorf("notification %s: %s", n.Kind, n.Message)
		}
	}
	for _, path := range []string{"app/client.go", "site/search_index.json"} {
		var f *finding.Finding
		for i := range res.Findings {
			if res.Findings[i].Location.Path == path {
				f = &res.Findings[i]
			}
		}
		if f == nil {
			dumpFindings(t, res)
			t.Fatalf("no finding in %s", path)
		}
		if prop(f, "status") != StatusPresent {
			t.Errorf("%s: status %v, want %s", path, prop(f, "status"), StatusPresent)
		}
	}
	assertNoLeak(t, res, tok, body)
}

// TestTipSearchFails: when git grep fails on the tip, each secret is
// looked for in the files it was found in, and the report says the
// search was partial; nothing is silently reported as deleted.
func TestTipSearchFails(t *testing.T) {
	r := newRepo(t)
	tok := testkeys.GitHub(613)
	r.write("app/client.go", "package app\n\nvar token = \""+tok+"\"\n")
	r.commit("add")
	failGit(t, "grep")
	res := scanRepo(t, Options{Root: r.dir})
	var said bool
	for _, n := range res.Notifications {
		said = said || n.Kind == NotifyTipSearch && n.Level == finding.LevelWarning
	}
	if !said {
		t.Errorf("no %s warning in %+v", NotifyTipSearch, res.Notifications)
	}
	if len(res.Findings) != 1 || prop(&res.Findings[0], "status") != StatusPresent {
		dumpFindings(t, res)
		t.Fatalf("want one finding present at the tip")
	}
	assertNoLeak(t, res, tok)
}

// TestTriageReadFails: when git cannot hand over the files triage reads,
// the scan says so and is incomplete, instead of judging without them
// in silence.
func TestTriageReadFails(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git on PATH")
	}
	s := &scan{repo: &gitRepo{dir: t.TempDir()}, res: &Result{}} // not a repository: cat-file fails
	read := 0
	s.eachBlob(context.Background(), []string{"HEAD:a.go", "HEAD:b.go"}, func(int, []byte) { read++ })
	var said bool
	for _, n := range s.res.Notifications {
		said = said || n.Kind == NotifyUnreadableObject && n.Level == finding.LevelWarning && strings.Contains(n.Message, "could not read 2 file(s)")
	}
	if read != 0 || !said || !s.res.Incomplete {
		t.Errorf("read %d, incomplete %v, notifications %+v; want none read, an unreadable-object warning naming 2 files and an incomplete scan", read, s.res.Incomplete, s.res.Notifications)
	}
}

// failGit puts a git first on PATH that fails the subcommand sub and
// runs every other with the real git.
func failGit(t *testing.T, sub string) {
	t.Helper()
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git on PATH")
	}
	bin := t.TempDir()
	wrapper := "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = " + sub + " ] && exit 128; done\nexec " + git + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
}

func TestGrepPattern(t *testing.T) {
	long := strings.Repeat("ab", maxGrepPattern)
	for _, c := range []struct{ in, want string }{
		{"abcdefgh", "abcdefgh"},
		{"short\nthe longest line\n", "the longest line"},
		{"ab\x00the part without NUL\x00cd", "the part without NUL"},
		{long, long[:maxGrepPattern]},
	} {
		if got := grepPattern(c.in); got != c.want {
			t.Errorf("grepPattern(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestDecodedAtTip: a key found only once decoded (a base64 PEM under a
// YAML key) is still at the tip when the file still holds its encoded
// form: git grep cannot see it, so the file is read and decoded again.
// One deleted since stays history-only.
func TestDecodedAtTip(t *testing.T) {
	r := newRepo(t)
	kept := base64.StdEncoding.EncodeToString([]byte(testkeys.PrivateKey(631)))
	gone := base64.StdEncoding.EncodeToString([]byte(testkeys.PrivateKey(632)))
	r.write("deploy/keys.yaml", "tls.key: "+kept+"\n")
	r.write("deploy/old.yaml", "tls.key: "+gone+"\n")
	r.commit("keys")
	r.git("rm", "-q", "deploy/old.yaml")
	r.commit("rm old")
	res := scanRepo(t, Options{Root: r.dir})
	seen := map[string]bool{}
	for i := range res.Findings {
		f := &res.Findings[i]
		if prop(f, "decoded") != true {
			continue
		}
		want := StatusPresent
		if f.Location.Path == "deploy/old.yaml" {
			want = StatusHistory
		}
		seen[f.Location.Path] = true
		if prop(f, "status") != want {
			t.Errorf("%s (decoded): status %v, want %s", f.Location.Path, prop(f, "status"), want)
		}
	}
	if !seen["deploy/keys.yaml"] || !seen["deploy/old.yaml"] {
		dumpFindings(t, res)
		t.Fatalf("want a decoded finding in each file, got %v", seen)
	}
	assertNoLeak(t, res, kept, gone)
}

// TestContextReasonNamesItsPlace: a secret at the tip in test data and
// in an example is an example (the more serious of the two), and the
// reason names the example's path, not the first place it is reported
// at.
func TestContextReasonNamesItsPlace(t *testing.T) {
	r := newRepo(t)
	key := testkeys.GitHub(611)
	r.write("cluster/testdata/certs/token.txt", "token="+key+"\n")
	r.write("examples/ha/token.txt", "token="+key+"\n")
	r.commit("certs")
	res := scanRepo(t, Options{Root: r.dir})
	if len(res.Findings) != 1 {
		dumpFindings(t, res)
		t.Fatalf("%d findings, want 1", len(res.Findings))
	}
	f := res.Findings[0]
	if prop(&f, "context") != ctxExample || !strings.Contains(f.Message, "(examples/ha/token.txt)") || strings.Contains(f.Message, "example code (cluster/") {
		t.Errorf("context %v, message %q: want example, naming examples/ha/token.txt", prop(&f, "context"), f.Message)
	}
	assertNoLeak(t, res, key)
}
