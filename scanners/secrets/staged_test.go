package secrets

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

func TestStaged(t *testing.T) {
	r := newRepo(t)
	r.write("a.go", "package a\n")
	r.commit("init")
	k := testkeys.Stripe(70)
	// A five-file change, one file with a key on its last line and no
	// final newline.
	for i, name := range []string{"b.go", "c.go", "d.go", "e.go"} {
		r.write(name, "package a\n\nvar x"+string(rune('0'+i))+" = 1\n")
	}
	r.write("pay.go", "package a\n\nvar key = \""+k+"\"")
	r.git("add", "-A")
	start := time.Now()
	res := scanRepo(t, Options{Root: r.dir, Mode: Staged})
	elapsed := time.Since(start)
	t.Logf("staged scan of 5 files: %v", elapsed)
	if len(res.Findings) != 1 {
		dumpFindings(t, res)
		t.Fatalf("want 1 finding, got %d", len(res.Findings))
	}
	f := res.Findings[0]
	if prop(&f, "status") != StatusStaged || f.Level != finding.LevelError || f.Location.Path != "pay.go" || f.Location.StartLine != 3 {
		t.Errorf("staged finding = %+v", f)
	}
	if !strings.Contains(f.Message, "staged") || f.Provenance != nil {
		t.Errorf("message %q provenance %v", f.Message, f.Provenance)
	}
	if res.Coverage.FilesScanned != 5 {
		t.Errorf("files scanned = %d, want 5", res.Coverage.FilesScanned)
	}
	assertNoLeak(t, res, k)

	// Unstaged changes are not scanned.
	r.git("reset", "-q")
	res = scanRepo(t, Options{Root: r.dir, Mode: Staged})
	if len(res.Findings) != 0 {
		t.Error("unstaged key reported by --staged")
	}
	if len(res.Notifications) == 0 || !strings.Contains(res.Notifications[0].Message, "nothing is staged") {
		t.Errorf("nothing staged not reported: %+v", res.Notifications)
	}
}

func TestStagedDeletionOnlyIsNotAnError(t *testing.T) {
	r := newRepo(t)
	r.write("a.go", "package a\n")
	r.commit("init")
	r.git("rm", "-q", "a.go")
	if _, err := Scan(context.Background(), Options{Root: r.dir, Mode: Staged}); err != nil {
		t.Errorf("staged deletion: %v", err)
	}
}

func TestDirectory(t *testing.T) {
	dir := t.TempDir()
	r := &testRepo{t: t, dir: dir}
	k := testkeys.GitHub(80)
	r.write("cmd/main.go", "package main\n\nvar tok = \""+k+"\"\n")
	r.write("vendor/github.com/x/y/y.go", "package y\n\nvar tok = \""+testkeys.GitHub(81)+"\"\n")
	r.write("docs/setup.md", "Set `GITHUB_TOKEN="+testkeys.GitHub(82)+"`\n")
	r.write("node_modules/z/index.js", "var t = \""+testkeys.GitHub(83)+"\"\n")
	res := scanRepo(t, Options{Root: dir})
	if res.Coverage.Mode != "directory" {
		t.Errorf("mode %s, want directory for a non-repository", res.Coverage.Mode)
	}
	byPath := map[string]finding.Finding{}
	for _, f := range res.Findings {
		byPath[f.Location.Path] = f
	}
	if f, ok := byPath["cmd/main.go"]; !ok || f.Level != finding.LevelError || prop(&f, "status") != StatusDirectory {
		t.Errorf("cmd/main.go: %+v", f)
	}
	if f, ok := byPath["docs/setup.md"]; !ok || f.Level != finding.LevelNote || prop(&f, "context") != "docs" {
		t.Errorf("docs: %+v", f)
	}
	// gitleaks' allowlist excludes golang.org/x-style vendored paths and
	// node_modules; github.com/x/y under vendor/ is kept, as vendored.
	if f, ok := byPath["vendor/github.com/x/y/y.go"]; ok && prop(&f, "context") != "vendored" {
		t.Errorf("vendored: %+v", f)
	}
	if _, ok := byPath["node_modules/z/index.js"]; ok {
		t.Error("node_modules scanned")
	}
	assertNoLeak(t, res, k)
}

func TestMinConfidence(t *testing.T) {
	dir := t.TempDir()
	r := &testRepo{t: t, dir: dir}
	// A C API name assigned to a key-like name: low confidence.
	r.write("a.go", "package a\n\nvar apiKey = \"EVP_PKEY_get1_RSA\"\n")
	res := scanRepo(t, Options{Root: dir})
	if len(res.Findings) != 1 || res.Findings[0].Level != finding.LevelNote || prop(&res.Findings[0], "confidence") != "low" {
		dumpFindings(t, res)
		t.Fatalf("low confidence finding not lowered")
	}
	res = scanRepo(t, Options{Root: dir, MinConfidence: "low"})
	if res.Findings[0].Level != finding.LevelWarning {
		t.Errorf("--min-confidence low: level %s", res.Findings[0].Level)
	}
	if _, err := Scan(context.Background(), Options{Root: dir, MinConfidence: "bogus"}); err == nil {
		t.Error("bad --min-confidence accepted")
	}
}

func TestCache(t *testing.T) {
	h := buildHistory(t)
	cache := t.TempDir()
	cold := scanRepo(t, Options{Root: h.r.dir, CacheDir: cache})
	warm := scanRepo(t, Options{Root: h.r.dir, CacheDir: cache})
	if warm.Coverage.CommitsScanned != 0 || warm.Coverage.CommitsCached != cold.Coverage.CommitsInScope {
		t.Errorf("warm: scanned %d cached %d", warm.Coverage.CommitsScanned, warm.Coverage.CommitsCached)
	}
	if len(warm.Findings) != len(cold.Findings) {
		t.Fatalf("warm %d findings, cold %d", len(warm.Findings), len(cold.Findings))
	}
	for i := range cold.Findings {
		c, w := cold.Findings[i], warm.Findings[i]
		if c.Fingerprint != w.Fingerprint || c.Level != w.Level || c.Message != w.Message || c.Snippet != w.Snippet {
			t.Errorf("finding %d differs:\ncold %s %s\nwarm %s %s", i, c.Level, c.Message, w.Level, w.Message)
		}
	}

	// A new commit deletes a key that was present: only that commit is
	// scanned, and the key's status follows.
	h.r.write("billing.go", "package demo\n")
	h.r.write("payments/pay.go", "package payments\n")
	kNew := testkeys.AWS(99)
	h.r.write("new.go", "package demo\n\nvar k = \""+kNew+"\"\n")
	h.r.commit("remove billing key")
	inc := scanRepo(t, Options{Root: h.r.dir, CacheDir: cache})
	if inc.Coverage.CommitsScanned != 1 {
		t.Errorf("incremental scanned %d commits, want 1", inc.Coverage.CommitsScanned)
	}
	if f := findByPath(inc, "billing.go"); f == nil || prop(f, "status") != StatusHistory {
		t.Errorf("billing key after deletion: %+v", f)
	}
	if f := findByPath(inc, "new.go"); f == nil || prop(f, "status") != StatusPresent {
		t.Errorf("new key: %+v", f)
	}
	if f := findByPath(inc, "config/creds.txt"); f == nil || prop(f, "status") != StatusPresent {
		t.Errorf("untouched key lost its status: %+v", f)
	}
	full := scanRepo(t, Options{Root: h.r.dir})
	if len(full.Findings) != len(inc.Findings) {
		t.Errorf("incremental %d findings, full %d", len(inc.Findings), len(full.Findings))
	}
	for i := range full.Findings {
		if full.Findings[i].Message != inc.Findings[i].Message {
			t.Errorf("incremental differs from full:\n%s\n%s", inc.Findings[i].Message, full.Findings[i].Message)
		}
	}

	// A different rule set does not use the cache.
	h.r.write(".gitleaks.toml", "[extend]\nuseDefault = true\n")
	h.r.commit("config")
	cfg := scanRepo(t, Options{Root: h.r.dir, CacheDir: cache})
	if cfg.Coverage.CommitsCached != 0 {
		t.Errorf("rule change kept %d cached commits", cfg.Coverage.CommitsCached)
	}
	// The cache key is computed before the rules compile: it must be the
	// compiled set's hash, or a second run with the config would miss.
	again := scanRepo(t, Options{Root: h.r.dir, CacheDir: cache})
	if again.Coverage.CommitsScanned != 0 {
		t.Errorf("second run with the config scanned %d commits, want 0 (cache key differs from the rule set's hash)", again.Coverage.CommitsScanned)
	}
	for _, root := range []string{t.TempDir(), h.r.dir} { // default rules, the repository's config
		s := &scan{}
		path, want := s.configPath(root)
		if err := s.loadRules(root, path); err != nil {
			t.Fatal(err)
		}
		if got := s.set.Hash(); got != want || want == "" {
			t.Errorf("config %q: hash before compiling %q, compiled set's %q", path, want, got)
		}
	}

	// The cache holds no raw secret.
	assertCacheClean(t, cache, append(allPlanted(), kNew)...)
}

func TestErrorsAreTyped(t *testing.T) {
	if !errors.Is(ErrShallow, ErrShallow) {
		t.Fatal()
	}
}
