package secrets

import (
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestListedPlacesAreNotUses: a value that a project lists in a secret
// scanner's allowlist file (.gitallowed, .secretsignore, gitleaks' own
// config) and committed elsewhere is judged by the other places. The
// entry at the tip does not make it a secret present in production code.
// Positives: a key used in code and removed, listed in a gitleaks config
// since (a history-only warning, not an error); a test key kept in a
// _test.go file and listed in .secretsignore (a note, reported at the
// test file); a docs key removed, listed in .gitallowed (a note). Near
// misses: a listed key still used in a config file (an error, reported
// there); a removed key kept in a file that is no scanner's allowlist (an
// error); a listed key used at the tip in code and in a test (an error,
// reported at the code).
func TestListedPlacesAreNotUses(t *testing.T) {
	r := newRepo(t)
	codeKey, testKey, docsKey := testkeys.AWS(2101), "kQ7vZr2Lp9XwT4mN8bYc3HsJ6dFgA1uE", testkeys.AWS(2103)
	usedKey, notesKey, bothKey := testkeys.AWS(2104), testkeys.AWS(2105), testkeys.AWS(2106)
	r.write("gateway/server.go", "package gateway\n\nvar accessKeyID = \""+codeKey+"\"\n")
	r.write("docs/quickstart.md", "Set `AWS_ACCESS_KEY_ID="+docsKey+"` first.\n")
	r.write("tools/sync.go", "package tools\n\nvar awsKey = \""+notesKey+"\"\n")
	r.commit("first")
	r.git("rm", "-q", "gateway/server.go", "docs/quickstart.md", "tools/sync.go")
	r.write("tools/gitleaks.toml", "[allowlist]\nregexes = ['''"+codeKey+"''']\n")
	r.write(".gitallowed", docsKey+"\n"+usedKey+"\n"+bothKey+"\n")
	r.write("cmd/helpers_test.go", "package cmd\n\nconst secretKey = \""+testKey+"\"\n")
	r.write(".secretsignore", "[secrets]\n"+testKey+"\n")
	r.write("deploy/prod.env", "AWS_ACCESS_KEY_ID="+usedKey+"\n")
	r.write("notes/old-keys.txt", notesKey+"\n")
	r.write("app/client.go", "package app\n\nvar awsKeyID = \""+bothKey+"\"\n")
	r.write("app/client_test.go", "package app\n\nvar testKeyID = \""+bothKey+"\"\n")
	r.commit("allowlists")
	res := scanRepo(t, Options{Root: r.dir})

	for _, c := range []struct {
		path, snippet string
		level         finding.Level
		status        string
	}{
		{"gateway/server.go", "accessKeyID", finding.LevelWarning, StatusHistory},
		{"cmd/helpers_test.go", "secretKey", finding.LevelNote, StatusPresent},
		{"docs/quickstart.md", "AWS_ACCESS_KEY_ID", finding.LevelNote, StatusHistory},
		{"deploy/prod.env", "AWS_ACCESS_KEY_ID", finding.LevelError, StatusPresent}, // near miss
		{"notes/old-keys.txt", "", finding.LevelError, StatusPresent},               // near miss
		{"app/client.go", "awsKeyID", finding.LevelError, StatusPresent},            // near miss
	} {
		f := findByPath(res, c.path)
		if f == nil {
			t.Errorf("no finding at %s", c.path)
			continue
		}
		if f.Level != c.level || prop(f, "status") != c.status {
			t.Errorf("%s: %s %v, want %s %s (%s)", c.path, f.Level, prop(f, "status"), c.level, c.status, f.Message)
		}
	}
	for _, p := range []string{"tools/gitleaks.toml", ".gitallowed", ".secretsignore"} {
		if f := findByPath(res, p); f != nil {
			t.Errorf("reported at the allowlist %s: %s %s", p, f.Level, f.Message)
		}
	}
	assertNoLeak(t, res, codeKey, testKey, docsKey, usedKey, notesKey, bothKey)
}
