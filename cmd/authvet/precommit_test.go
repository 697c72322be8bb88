package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/testutil"
)

// snapshotCheckout copies this checkout's files (tracked and untracked,
// not ignored) into a fresh repository with one commit: pre-commit
// try-repo clones a repository at a commit, and the work under test may
// not be committed yet.
func snapshotCheckout(t *testing.T) string {
	t.Helper()
	root := testutil.RepoRoot(t)
	list, err := exec.Command("git", "-C", root, "ls-files", "-z", "-co", "--exclude-standard").Output()
	if err != nil {
		t.Skipf("the checkout is not a git work tree (%v): pre-commit try-repo needs one", err)
	}
	dst := filepath.Join(t.TempDir(), "authvet")
	for _, name := range strings.Split(string(list), "\x00") {
		if name == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			if os.IsNotExist(err) {
				continue // deleted in the work tree
			}
			t.Fatal(err)
		}
		p := filepath.Join(dst, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git(t, dst, "init", "-q", "-b", "main")
	git(t, dst, "add", "-A")
	git(t, dst, "commit", "-qm", "snapshot")
	return dst
}

// TestPreCommitFramework runs the real pre-commit framework's try-repo
// with this checkout's .pre-commit-hooks.yaml: pre-commit builds authvet
// with the system Go (language: golang) and runs the hook on staged files.
func TestPreCommitFramework(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (apt-get install -y pre-commit; .ci/run does)")
	}
	if testing.Short() {
		t.Skip("-short: pre-commit builds authvet from scratch")
	}
	checkout := snapshotCheckout(t)
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	// pre-commit gives the build a GOPATH of its own; pointing the module
	// cache at the machine's keeps the build offline (the module proxy
	// aside).
	env := []string{
		"PRE_COMMIT_HOME=" + filepath.Join(t.TempDir(), "pre-commit"),
		"GOMODCACHE=" + strings.TrimSpace(string(modcache)),
		"PRE_COMMIT_COLOR=never",
	}
	dir := newRepo(t, map[string]string{"README.md": "# app\n"})
	writeFiles(t, dir, map[string]string{"deploy/app.yaml": "stripe:\n  key: " + stripeKey + "\n"})
	git(t, dir, "add", "-A")

	out, code := runEnv(t, dir, env, "pre-commit", "try-repo", checkout, "authvet-secrets", "--verbose")
	if strings.Contains(out, "An unexpected error has occurred") {
		t.Fatalf("pre-commit could not build or run the hook (exit %d):\n%s", code, out)
	}
	if code != 1 || !strings.Contains(out, "deploy/app.yaml:2:") || !strings.Contains(out, "secret/stripe-access-token") {
		t.Fatalf("try-repo authvet-secrets on a staged key: exit %d, want 1 naming file, line and rule:\n%s", code, out)
	}
	if strings.Contains(out, stripeKey[8:]) {
		t.Errorf("pre-commit output shows the key:\n%s", out)
	}

	// The same repository without the key passes.
	writeFiles(t, dir, map[string]string{"deploy/app.yaml": "stripe:\n  key: ${STRIPE_KEY}\n"})
	git(t, dir, "add", "-A")
	if out, code := runEnv(t, dir, env, "pre-commit", "try-repo", checkout, "authvet-secrets"); code != 0 {
		t.Fatalf("try-repo on a clean change: exit %d\n%s", code, out)
	}

	// README's .pre-commit-config.yaml, pointed at the snapshot: both
	// hooks run; authvet-lint gets the staged Go files' names and lints
	// their packages.
	rev := git(t, checkout, "rev-parse", "HEAD")
	cfg := readmeSnippet(t, "pre-commit-config")
	cfg = strings.Replace(cfg, "https://github.com/authvet/authvet", checkout, 1)
	cfg = regexp.MustCompile(`rev: \S+`).ReplaceAllString(cfg, "rev: "+rev)
	writeFiles(t, dir, map[string]string{
		".pre-commit-config.yaml": cfg,
		"go.mod":                  "module example.com/app\n\ngo 1.22\n",
		"api/client.go":           "package api\n\nimport \"net/http\"\n\nconst apiBaseURL = \"http://api.example.com/v1\"\n\nfunc Get() (*http.Response, error) { return http.Get(apiBaseURL) }\n",
	})
	git(t, dir, "add", "-A")
	out, code = runEnv(t, dir, env, "pre-commit", "run", "--verbose")
	if code != 1 || !strings.Contains(out, "api/client.go:5:") || !strings.Contains(out, "plainhttp/url") {
		t.Fatalf("pre-commit run with README's config on a plain-HTTP base URL: exit %d, want 1 naming it:\n%s", code, out)
	}
	if !regexp.MustCompile(`authvet secrets\.+Passed`).MatchString(out) || !regexp.MustCompile(`authvet lint\.+Failed`).MatchString(out) {
		t.Errorf("want authvet secrets Passed and authvet lint Failed:\n%s", out)
	}
}
