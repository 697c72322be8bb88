package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stripeKey is shaped like a live Stripe key (gitleaks'
// stripe-access-token rule); the hook must refuse to commit it and never
// print it whole. It is put together here so that this file holds no key.
const stripeKey = "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dcXq9aB2"

// hookRepo is a module with an old plain-HTTP finding in legacy/, which a
// commit that does not touch legacy/ must not be refused for.
func hookRepo(t *testing.T) string {
	t.Helper()
	dir := newRepo(t, map[string]string{
		"go.mod":           "module example.com/h\n\ngo 1.22\n",
		"legacy/legacy.go": "package legacy\n\nimport \"net/http\"\n\nconst baseURL = \"http://partner.example.com/api\"\n\nfunc Get() (*http.Response, error) { return http.Get(baseURL) }\n",
		"svc/svc.go":       "package svc\n\nfunc Hello() string { return \"hi\" }\n",
	})
	if out, code := runEnv(t, dir, nil, binary, "hook", "install"); code != 0 {
		t.Fatalf("hook install: exit %d\n%s", code, out)
	}
	return dir
}

// commit stages files and commits them through the hook; it returns the
// hook's output and whether the commit was made.
func commit(t *testing.T, dir string, files map[string]string) (string, bool) {
	t.Helper()
	writeFiles(t, dir, files)
	git(t, dir, "add", "-A")
	before := git(t, dir, "rev-parse", "HEAD")
	out, _ := runEnv(t, dir, nil, "git", "commit", "-qm", "change")
	after := git(t, dir, "rev-parse", "HEAD")
	return out, before != after
}

func TestHookRefusesSecretNamingFileLineRule(t *testing.T) {
	dir := hookRepo(t)
	out, committed := commit(t, dir, map[string]string{
		"deploy/app.yaml": "name: app\nstripe:\n  key: " + stripeKey + "\n",
	})
	if committed {
		t.Fatalf("a commit adding a Stripe key was made; hook output:\n%s", out)
	}
	for _, want := range []string{"deploy/app.yaml:3:", "secret/stripe-access-token", "commit refused"} {
		if !strings.Contains(out, want) {
			t.Errorf("hook output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, stripeKey) || strings.Contains(out, stripeKey[8:]) {
		t.Errorf("hook output shows the key:\n%s", out)
	}
	git(t, dir, "reset", "-q", "--hard")
	git(t, dir, "clean", "-qfd")

	// A clean change passes, although legacy/ (not staged) has a finding.
	if out, ok := commit(t, dir, map[string]string{"svc/svc.go": "package svc\n\nfunc Hello() string { return \"hello\" }\n"}); !ok {
		t.Fatalf("a clean commit was refused:\n%s", out)
	}

	// gitleaks:allow on the line lets a known test key through.
	if out, ok := commit(t, dir, map[string]string{
		"deploy/test.yaml": "stripe:\n  key: " + stripeKey + " # gitleaks:allow -- the vendor's documented test fixture\n",
	}); !ok {
		t.Fatalf("gitleaks:allow was not honoured:\n%s", out)
	}
	// A key in Go source is found by the scanner and by hardcodedcred:
	// one comment carrying both markers lets it through.
	if out, ok := commit(t, dir, map[string]string{
		"svc/fixture.go": "package svc\n\nconst docsKey = \"" + stripeKey + "\" //authvet:ignore hardcodedcred -- the vendor docs' test key gitleaks:allow\n",
	}); !ok {
		t.Fatalf("a key marked with //authvet:ignore and gitleaks:allow was refused:\n%s", out)
	}
}

func TestHookLintsStagedPackages(t *testing.T) {
	dir := hookRepo(t)
	bad := "package svc\n\nimport \"net/http\"\n\nconst apiBaseURL = \"http://api.example.com/v1\"\n\nfunc Get() (*http.Response, error) { return http.Get(apiBaseURL) }\n"
	out, committed := commit(t, dir, map[string]string{"svc/client.go": bad})
	if committed || !strings.Contains(out, "svc/client.go:5:") || !strings.Contains(out, "plainhttp/url") {
		t.Fatalf("a plain-HTTP base URL was committed (or not named): committed=%v\n%s", committed, out)
	}
	if strings.Contains(out, "legacy/legacy.go") {
		t.Errorf("the hook linted legacy/, which has no staged file:\n%s", out)
	}
	// //authvet:ignore with a reason is honoured.
	ignored := strings.Replace(bad, "const apiBaseURL", "//authvet:ignore plainhttp/url -- the vendor sandbox has no TLS\nconst apiBaseURL", 1)
	if out, ok := commit(t, dir, map[string]string{"svc/client.go": ignored}); !ok {
		t.Fatalf("//authvet:ignore was not honoured:\n%s", out)
	}
	// A commit that only deletes files has nothing to scan, and passes.
	git(t, dir, "rm", "-q", "svc/client.go")
	if out, ok := commit(t, dir, nil); !ok {
		t.Fatalf("a deleting commit was refused:\n%s", out)
	}
}

func TestHookInstallKeepsExistingHook(t *testing.T) {
	dir := newRepo(t, map[string]string{"README": "x\n"})
	// core.hooksPath is honoured.
	git(t, dir, "config", "core.hooksPath", ".githooks")
	theirs := "#!/bin/sh\necho their hook\n"
	writeFiles(t, dir, map[string]string{".githooks/pre-commit": theirs})
	hook := filepath.Join(dir, ".githooks", "pre-commit")
	read := func(p string) string {
		data, err := os.ReadFile(p)
		if err != nil {
			return ""
		}
		return string(data)
	}

	out, code := runEnv(t, dir, nil, binary, "hook", "install")
	if code != 2 || !strings.Contains(out, "--force") || read(hook) != theirs {
		t.Fatalf("install over an existing hook: exit %d, hook now %q\n%s", code, read(hook), out)
	}
	if out, code := runEnv(t, dir, nil, binary, "hook", "install", "--force"); code != 0 {
		t.Fatalf("install --force: exit %d\n%s", code, out)
	}
	if !strings.Contains(read(hook), "# authvet pre-commit hook\n") || read(hook+".authvet-backup") != theirs {
		t.Fatalf("install --force: hook %q, backup %q", read(hook), read(hook+".authvet-backup"))
	}
	if st, err := os.Stat(hook); err != nil || st.Mode()&0o111 == 0 {
		t.Errorf("hook is not executable: %v %v", st, err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "hooks", "pre-commit")); err == nil {
		t.Error("hook written to .git/hooks although core.hooksPath is set")
	}
	// Installing again updates authvet's own hook without --force.
	if out, code := runEnv(t, dir, nil, binary, "hook", "install"); code != 0 {
		t.Fatalf("re-install: exit %d\n%s", code, out)
	}
	if out, code := runEnv(t, dir, nil, binary, "hook", "uninstall"); code != 0 || read(hook) != theirs {
		t.Fatalf("uninstall: exit %d, hook %q\n%s", code, read(hook), out)
	}
	if _, err := os.Stat(hook + ".authvet-backup"); err == nil {
		t.Error("backup left behind after uninstall restored it")
	}
	// Their hook is not authvet's: uninstall leaves it.
	if out, code := runEnv(t, dir, nil, binary, "hook", "uninstall"); code != 2 || read(hook) != theirs {
		t.Errorf("uninstall of a foreign hook: exit %d\n%s", code, out)
	}
	if out, code := runEnv(t, t.TempDir(), nil, binary, "hook", "install"); code != 2 || !strings.Contains(out, "not in a git repository") {
		t.Errorf("install outside a repository: exit %d\n%s", code, out)
	}
}
