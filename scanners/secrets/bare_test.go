package secrets

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestBareRepositoryIsHistory: a bare repository (a mirror, a server's
// copy) has history and no work tree. Scanned by default it is scanned
// like a clone, every commit of every ref, with the same findings; it is
// never taken for a directory of pack files (which read no secret and
// passed). Near misses: a directory inside the bare repository is a
// directory scan; a plain directory holding a file named HEAD is one
// too; --staged on a bare repository is a clear "not a repository"
// error, not an empty pass.
func TestBareRepositoryIsHistory(t *testing.T) {
	r := newRepo(t)
	present, gone := testkeys.GitHub(1001), testkeys.AWS(1002)
	r.write("app/config.go", "package app\n\nvar token = \""+present+"\"\n")
	r.write("deploy/env.sh", "export AWS_ACCESS_KEY_ID="+gone+"\n")
	r.commit("config")
	r.git("rm", "-q", "deploy/env.sh")
	r.commit("drop env")
	r.git("checkout", "-q", "-b", "side")
	r.write("side.txt", "export GITHUB_TOKEN="+testkeys.GitHub(1003)+"\n")
	r.commit("side branch")
	r.git("checkout", "-q", "main")

	bare := filepath.Join(t.TempDir(), "mirror.git")
	if out, err := exec.Command("git", "clone", "-q", "--mirror", r.dir, bare).CombinedOutput(); err != nil {
		t.Fatalf("git clone --mirror: %v\n%s", err, out)
	}

	clone := scanRepo(t, Options{Root: r.dir})
	res := scanRepo(t, Options{Root: bare})
	if res.Coverage.Mode != "history" {
		t.Fatalf("bare repository scanned in %s mode, want history", res.Coverage.Mode)
	}
	if res.Coverage.CommitsScanned != 3 || res.Coverage.CommitsScanned != clone.Coverage.CommitsScanned {
		t.Errorf("bare: %d commits scanned, clone %d, want 3", res.Coverage.CommitsScanned, clone.Coverage.CommitsScanned)
	}
	if len(res.Findings) != 3 || len(res.Findings) != len(clone.Findings) {
		dumpFindings(t, res)
		t.Fatalf("bare: %d findings, clone %d, want 3", len(res.Findings), len(clone.Findings))
	}
	for i := range res.Findings {
		b, c := res.Findings[i], clone.Findings[i]
		if b.Fingerprint != c.Fingerprint || b.Level != c.Level || b.Location.Path != c.Location.Path || b.Location.StartLine != c.Location.StartLine {
			t.Errorf("bare %s %s:%d %s, clone %s %s:%d %s", b.Level, b.Location.Path, b.Location.StartLine, b.Fingerprint, c.Level, c.Location.Path, c.Location.StartLine, c.Fingerprint)
		}
	}
	if f := findingAt(t, res, "app/config.go", "var token"); f.Level != finding.LevelError || prop(f, "status") != StatusPresent {
		t.Errorf("bare: key at the tip: %s %v, want a present error", f.Level, prop(f, "status"))
	}
	if f := findByPath(res, "deploy/env.sh"); f == nil || f.Level != finding.LevelWarning || prop(f, "status") != StatusHistory {
		t.Errorf("bare: deleted key: %+v, want a history-only warning", f)
	}
	assertNoLeak(t, res, present, gone)

	// Explicit history flags work on it too.
	if res := scanRepo(t, Options{Root: bare, Mode: History, Branch: "main"}); len(res.Findings) != 2 {
		dumpFindings(t, res)
		t.Errorf("bare --branch main: %d findings, want 2", len(res.Findings))
	}

	// Near misses.
	if res := scanRepo(t, Options{Root: filepath.Join(bare, "refs")}); res.Coverage.Mode != "directory" {
		t.Errorf("a directory inside a bare repository: %s mode, want directory", res.Coverage.Mode)
	}
	plain := t.TempDir()
	r2 := &testRepo{t: t, dir: plain}
	r2.write("HEAD", "ref: refs/heads/main\n")
	r2.write("refs/heads/.keep", "")
	if res := scanRepo(t, Options{Root: plain}); res.Coverage.Mode != "directory" {
		t.Errorf("a plain directory with a HEAD file: %s mode, want directory", res.Coverage.Mode)
	}
	if _, err := Scan(context.Background(), Options{Root: bare, Mode: Staged, NoCache: true}); !errors.Is(err, ErrNotRepository) {
		t.Errorf("--staged on a bare repository: %v, want ErrNotRepository", err)
	}
}

// TestSecretOnlyOnAnotherBranch: in a scan of every ref, a secret that
// only a branch the tip does not contain ever held is not called
// "deleted since" (the branch may still have it); one the tip's history
// held and deleted is. Cold and from the cache alike; --branch scans
// keep the old words for what they see.
func TestSecretOnlyOnAnotherBranch(t *testing.T) {
	r := newRepo(t)
	deleted, feature := testkeys.GitHub(1201), testkeys.AWS(1202)
	r.write("deploy/env.sh", "export GITHUB_TOKEN="+deleted+"\n")
	r.commit("env")
	r.git("rm", "-q", "deploy/env.sh")
	r.commit("drop env")
	r.git("checkout", "-q", "-b", "feature")
	r.write("feature/env.sh", "export AWS_ACCESS_KEY_ID="+feature+"\n")
	r.commit("feature env")
	r.git("checkout", "-q", "main")

	cache := t.TempDir()
	for _, run := range []string{"cold", "warm"} {
		res := scanRepo(t, Options{Root: r.dir, CacheDir: cache})
		d, f := findByPath(res, "deploy/env.sh"), findByPath(res, "feature/env.sh")
		if d == nil || f == nil {
			dumpFindings(t, res)
			t.Fatalf("%s: missing findings", run)
		}
		if !strings.Contains(d.Message, "deleted since") {
			t.Errorf("%s: deleted on the tip's history: %q", run, d.Message)
		}
		if strings.Contains(f.Message, "deleted since") || !strings.Contains(f.Message, "other branches or tags") || prop(f, "status") != StatusHistory {
			t.Errorf("%s: only on a feature branch: %v %q", run, prop(f, "status"), f.Message)
		}
		assertNoLeak(t, res, deleted, feature)
	}
}
