package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/scanners/testkeys"
)

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://x-access-token:tok123@github.com/o/r.git":     "https://github.com/o/r.git",
		"https://github.com/o/r.git?token=tok123":              "https://github.com/o/r.git",
		"https://gitlab.com/o/r.git?private_token=tok123#frag": "https://gitlab.com/o/r.git",
		"https://u:p@ss@host.example/o/r?x=1":                  "https://host.example/o/r",
		"git@github.com:o/r.git":                               "ssh://github.com/o/r.git",
		"tok123@github.com:o/r.git":                            "ssh://github.com/o/r.git",
		"ssh://git@github.com/o/r.git":                         "ssh://github.com/o/r.git",
		"/srv/git/r.git":                                       "/srv/git/r.git",
		"":                                                     "",
		"https://github.com/o/r":                               "https://github.com/o/r",
		"https://user:tok123@bad host/%zz?token=tok123":        "https://bad host/%zz",
	} {
		got := redactURL(in)
		if got != want {
			t.Errorf("redactURL(%q) = %q, want %q", in, got, want)
		}
		if strings.Contains(got, "tok123") {
			t.Errorf("redactURL(%q) kept the token: %q", in, got)
		}
	}
}

// TestRemoteTokenNotInReport is issue 16's item 2 as a user meets it: a
// remote whose URL holds a token in its userinfo and its query string
// must not reach versionControlProvenance or the JSON vcs object.
func TestRemoteTokenNotInReport(t *testing.T) {
	dir, git, commit := gitFixture(t)
	tok, qtok := testkeys.GitHub(301), "q"+testkeys.Hex(302, 30)
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "m.go"), "package m\n")
	commit("init")
	git("remote", "add", "origin", "https://bo:"+tok+"@git.example.com/o/r.git?token="+qtok)
	for _, format := range []string{"json", "sarif"} {
		out, stderr, code := authvet(t, dir, "lint", "--format", format)
		if code != ExitOK {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		if !strings.Contains(out, "git.example.com/o/r.git") {
			t.Errorf("%s: the repository URL is missing:\n%s", format, out)
		}
		for _, s := range []string{tok, qtok, "bo:", "?token"} {
			if strings.Contains(out+stderr, s) {
				t.Errorf("%s output holds %q from the remote URL", format, s)
			}
		}
	}
}
