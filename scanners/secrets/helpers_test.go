package secrets

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
)

// testRepo is a git repository built in a temp dir with fixed names and
// dates, so commit SHAs are the same on every run.
type testRepo struct {
	t    *testing.T
	dir  string
	tick int
}

func newRepo(t *testing.T) *testRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	r := &testRepo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *testRepo) env() []string {
	date := fmt.Sprintf("2021-01-%02dT12:00:00Z", 1+r.tick%28)
	return append(os.Environ(),
		"GIT_AUTHOR_NAME=Ada Author", "GIT_AUTHOR_EMAIL=ada@example.com",
		"GIT_COMMITTER_NAME=Ada Author", "GIT_COMMITTER_EMAIL=ada@example.com",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
		"GIT_CONFIG_NOSYSTEM=1", "HOME="+r.dir, "GIT_CONFIG_GLOBAL=/dev/null",
	)
}

func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.dir, "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Env = r.env()
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (r *testRepo) write(path, content string) {
	r.t.Helper()
	p := filepath.Join(r.dir, path)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commit stages everything and commits; it returns the commit's SHA.
func (r *testRepo) commit(msg string) string {
	r.t.Helper()
	r.tick++
	r.git("add", "-A")
	r.git("commit", "-q", "--allow-empty", "-m", msg)
	return r.git("rev-parse", "HEAD")
}

// findByPath returns the finding whose primary location is path.
func findByPath(res *Result, path string) *finding.Finding {
	for i := range res.Findings {
		if res.Findings[i].Location.Path == path {
			return &res.Findings[i]
		}
	}
	return nil
}

// assertNoLeak fails if any planted value appears in the JSON encoding
// of the result.
func assertNoLeak(t *testing.T, res *Result, planted ...string) {
	t.Helper()
	data, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range planted {
		if strings.Contains(string(data), p) {
			t.Errorf("result JSON contains planted secret %s…", p[:4])
		}
		// Also the value minus its first characters (a partial leak).
		if len(p) > 12 && strings.Contains(string(data), p[6:]) {
			t.Errorf("result JSON contains the tail of planted secret %s…", p[:4])
		}
	}
}

func prop(f *finding.Finding, k string) any {
	if f == nil || f.Properties == nil {
		return nil
	}
	return f.Properties[k]
}

func dumpFindings(t *testing.T, res *Result) {
	t.Helper()
	for _, f := range res.Findings {
		t.Logf("%s %s %s:%d %s", f.Level, f.RuleID, f.Location.Path, f.Location.StartLine, f.Message)
	}
	for _, n := range res.Notifications {
		t.Logf("notification %s: %s", n.Level, n.Message)
	}
}

// findingAt returns the first finding at path whose redacted snippet
// contains snippet, and fails the test (listing the findings) when there
// is none.
func findingAt(t *testing.T, res *Result, path, snippet string) *finding.Finding {
	t.Helper()
	for i := range res.Findings {
		if res.Findings[i].Location.Path == path && strings.Contains(res.Findings[i].Snippet, snippet) {
			return &res.Findings[i]
		}
	}
	dumpFindings(t, res)
	t.Fatalf("no finding at %s %q", path, snippet)
	return nil
}

// assertLevel checks the level of the (last) finding at path whose
// message names value by its redacted prefix, and fails the test
// (listing the findings) when there is none.
func assertLevel(t *testing.T, res *Result, path, value string, want finding.Level) {
	t.Helper()
	var f *finding.Finding
	for i := range res.Findings {
		if res.Findings[i].Location.Path == path && strings.Contains(res.Findings[i].Message, value[:4]) {
			f = &res.Findings[i]
		}
	}
	if f == nil {
		dumpFindings(t, res)
		t.Fatalf("no finding at %s for %s…", path, value[:4])
	}
	if f.Level != want {
		t.Errorf("%s %s…: level %s (%v), want %s", path, value[:4], f.Level, prop(f, "levelReason"), want)
	}
}

func assertCacheClean(t *testing.T, dir string, planted ...string) {
	t.Helper()
	n := 0
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return nil
		}
		n++
		data, _ := os.ReadFile(p)
		for _, s := range planted {
			if strings.Contains(string(data), s) {
				t.Errorf("cache file %s holds planted secret %s…", filepath.Base(p), s[:4])
			}
		}
		return nil
	})
	if n == 0 {
		t.Error("no cache file written")
	}
}
