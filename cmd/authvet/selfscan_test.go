package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/testutil"
)

// TestSelfScanClean runs `authvet scan .` on this repository, history
// included, as the project's own workflow does: it must be clean. The
// fixtures that hold credential-shaped values on purpose are excluded
// by the repository's .authvet.yml, not by special cases in code.
func TestSelfScanClean(t *testing.T) {
	if testing.Short() {
		t.Skip("lints the whole module and scans its history; skipped with -short")
	}
	root := testutil.RepoRoot(t)
	if err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Run(); err != nil {
		t.Skipf("%s is not a git checkout: %v", root, err)
	}
	out, code := runIn(t, root, binary, "scan", "--no-cache", "-q", ".")
	if code != 0 {
		t.Fatalf("authvet scan . exited %d:\n%s", code, out)
	}
	if !strings.Contains(out, "configuration read from .authvet.yml") {
		t.Errorf("the repository's .authvet.yml was not used:\n%s", out)
	}
}
