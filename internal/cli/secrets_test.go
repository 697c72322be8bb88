package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/testutil"
	"github.com/authvet/authvet/scanners/testkeys"
)

// gitFixture builds a repository with fixed names and dates.
func gitFixture(t *testing.T) (dir string, git func(args ...string) string, commit func(msg string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir = t.TempDir()
	n := 0
	git = func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "commit.gpgsign=false"}, args...)...)
		date := fmt.Sprintf("2022-03-%02dT10:00:00Z", 1+n)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Bo", "GIT_AUTHOR_EMAIL=bo@example.com",
			"GIT_COMMITTER_NAME=Bo", "GIT_COMMITTER_EMAIL=bo@example.com",
			"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	commit = func(msg string) {
		n++
		git("add", "-A")
		git("commit", "-q", "-m", msg)
	}
	git("init", "-q", "-b", "main")
	return dir, git, commit
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func runCLI(args ...string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = Main(context.Background(), args, &o, &e)
	return o.String(), e.String(), code
}

// TestSecretsNeverLeak plants known values and greps every output format
// for them: a key still present, a deleted one, one on a file's last
// line with no final newline, a decoded one, with a baseline and an
// ignore file active.
func TestSecretsNeverLeak(t *testing.T) {
	dir, _, commit := gitFixture(t)
	present := testkeys.GitHub(201)
	deleted := testkeys.AWS(202)
	noEOL := testkeys.Stripe(203)
	ignored := testkeys.GitHub(204)
	writeFile(t, filepath.Join(dir, "main.go"), "package main\n\nvar tok = \""+present+"\"\n")
	writeFile(t, filepath.Join(dir, "old.go"), "package main\n\nvar k = \""+deleted+"\"\n")
	writeFile(t, filepath.Join(dir, "last.go"), "package main\n\nvar s = \""+noEOL+"\"")
	writeFile(t, filepath.Join(dir, "skip.go"), "package main\n\nvar g = \""+ignored+"\"\n")
	commit("add")
	os.Remove(filepath.Join(dir, "old.go"))
	writeFile(t, filepath.Join(dir, ".gitleaksignore"), "skip.go:github-pat:3\n")
	commit("remove old key")
	planted := []string{present, deleted, noEOL, ignored}

	cache := t.TempDir()
	sarifPath := filepath.Join(t.TempDir(), "out.sarif")
	_, stderr, code := runCLI("secrets", "--cache", cache, "--format", "sarif", "-o", sarifPath, dir)
	if code != ExitFindings {
		t.Fatalf("sarif run exit %d: %s", code, stderr)
	}
	doc, err := os.ReadFile(sarifPath)
	if err != nil {
		t.Fatal(err)
	}
	testutil.ValidateSARIF(t, doc)
	outputs := map[string]string{"sarif": string(doc), "stderr(sarif)": stderr}
	for _, format := range []string{"text", "json"} {
		out, errOut, code := runCLI("secrets", "--cache", cache, "--format", format, "--show-secrets", dir)
		if code != ExitFindings {
			t.Errorf("%s: exit %d, want 1: %s", format, code, errOut)
		}
		outputs[format], outputs["stderr("+format+")"] = out, errOut
	}
	// With the SARIF as a baseline, nothing is new: exit 0, still no leak.
	out, errOut, code := runCLI("secrets", "--cache", cache, "--baseline", sarifPath, "--format", "json", dir)
	if code != ExitOK {
		t.Errorf("baseline run exit %d: %s", code, errOut)
	}
	outputs["json+baseline"] = out
	// The cache files too.
	filepath.Walk(cache, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			data, _ := os.ReadFile(p)
			outputs["cache "+filepath.Base(p)] = string(data)
		}
		return nil
	})
	for name, s := range outputs {
		for _, p := range planted {
			if strings.Contains(s, p) || strings.Contains(s, p[5:]) {
				t.Errorf("%s output contains planted secret %s…", name, p[:4])
			}
		}
	}
	if !strings.Contains(outputs["text"], "What to do:") || !strings.Contains(outputs["text"], "only in git history") {
		t.Errorf("text report does not lead with what to do:\n%s", outputs["text"])
	}
	if !strings.Contains(outputs["stderr(text)"], "--show-secrets prints values only") {
		t.Errorf("--show-secrets off a terminal not explained: %s", outputs["stderr(text)"])
	}
	if !strings.Contains(outputs["sarif"], `"commitSha"`) {
		t.Error("SARIF lacks partialFingerprints.commitSha")
	}
}

func TestSecretsExitCodes(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, code := runCLI("secrets", "--staged", dir); code != ExitError || !strings.Contains(stderr, "not a git repository") {
		t.Errorf("--staged outside a repository: exit %d, %s", code, stderr)
	}
	if _, _, code := runCLI("secrets", "--staged", "--no-git", dir); code != ExitError {
		t.Errorf("conflicting modes: exit %d", code)
	}
	writeFile(t, filepath.Join(dir, "a.txt"), "nothing here\n")
	if out, stderr, code := runCLI("secrets", dir); code != ExitOK {
		t.Errorf("clean directory: exit %d\n%s%s", code, out, stderr)
	}
	writeFile(t, filepath.Join(dir, ".gitleaks.toml"), "title = \"x\"\n[[rules]\n")
	if _, stderr, code := runCLI("secrets", dir); code != ExitError || !strings.Contains(stderr, ".gitleaks.toml:2") {
		t.Errorf("bad config: exit %d, %s", code, stderr)
	}
}

func TestSecretsShallowAndRange(t *testing.T) {
	dir, git, commit := gitFixture(t)
	writeFile(t, filepath.Join(dir, "a.go"), "package a\n")
	commit("one")
	writeFile(t, filepath.Join(dir, "b.go"), "package a\n")
	commit("two")
	clone := filepath.Join(t.TempDir(), "c")
	git("clone", "-q", "--depth", "1", "file://"+dir, clone)
	_, stderr, code := runCLI("secrets", "--no-cache", "--format", "sarif", clone)
	if code != ExitOK || !strings.Contains(stderr, "shallow clone") {
		t.Errorf("shallow: exit %d, stderr %q", code, stderr)
	}
	out, _, code := runCLI("secrets", "--no-cache", "--fail-on-shallow", "--format", "sarif", clone)
	if code != ExitError || !strings.Contains(out, "toolExecutionNotifications") {
		t.Errorf("--fail-on-shallow: exit %d", code)
	}
	_, stderr, code = runCLI("secrets", "--range", "main~1..main", dir)
	if code != ExitOK || !strings.Contains(stderr, "holds 1 commits") {
		t.Errorf("range: exit %d, stderr %q", code, stderr)
	}
	_, stderr, code = runCLI("secrets", "--range", "nosuchbase..main", dir)
	if code != ExitError || !strings.Contains(stderr, "fetch-depth: 0") {
		t.Errorf("missing base: exit %d, stderr %q", code, stderr)
	}
}

func TestSecretRulesInCatalogue(t *testing.T) {
	out, _, code := runCLI("rules", "secret/stripe-access-token")
	if code != ExitOK || !strings.Contains(out, "Stripe") {
		t.Errorf("rules secret/stripe-access-token: exit %d\n%s", code, out)
	}
}
