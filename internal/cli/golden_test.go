package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/testutil"
)

var (
	reElapsed = regexp.MustCompile(`in [0-9.]+(ns|µs|ms|s|m[0-9.]+s)\n`)
	reSHA     = regexp.MustCompile(`\b[0-9a-f]{40}\b`)
	reRepo    = regexp.MustCompile(`"repositoryUri": "[^"]*"`)
	// A checkout without a remote has no repositoryUrl in JSON; a clone
	// has one. Drop the line so both match.
	reRepoURL = regexp.MustCompile(`(?m)^\s*"repositoryUrl": "[^"]*",?\n`)
	// The branch is whatever the checkout is on (none when detached).
	reBranch = regexp.MustCompile(`(?m)^\s*"branch": "[^"]*",?\n`)
)

// normalize replaces what differs between machines and commits (the
// checkout's path, its revision and remote, elapsed time) with
// placeholders.
func normalize(s, root string) string {
	s = strings.ReplaceAll(s, root, "$ROOT")
	s = reElapsed.ReplaceAllString(s, "in $$ELAPSED\n")
	s = reSHA.ReplaceAllString(s, "$$SHA")
	s = reRepo.ReplaceAllString(s, `"repositoryUri": "$$REPO"`)
	s = reRepoURL.ReplaceAllString(s, "")
	s = reBranch.ReplaceAllString(s, "")
	return s
}

// TestDemoGolden pins what `authvet scan ./testdata/demo` prints in each
// format: command, output and exit code. Regenerate with
// go test ./internal/cli -update.
func TestDemoGolden(t *testing.T) {
	root := testutil.RepoRoot(t)
	for _, format := range []string{"text", "json", "sarif"} {
		t.Run(format, func(t *testing.T) {
			out, stderr, code := authvet(t, root, "scan", "--format", format, "--color", "never", "testdata/demo")
			if code != ExitFindings {
				t.Fatalf("exit %d, want 1 (the demo has findings)\n%s\n%s", code, out, stderr)
			}
			if format == "sarif" {
				testutil.ValidateSARIF(t, []byte(out))
			}
			got := "$ authvet scan --format " + format + " testdata/demo\n" + normalize(out, root) + "exit 1\n"
			path := filepath.Join("testdata", "golden", "demo."+format)
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/cli -update)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run go test ./internal/cli -update and review the diff):\n%s", path, got)
			}
		})
	}
}
