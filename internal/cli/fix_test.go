package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixKeepsFileMode runs lint --fix on a file that is not 0644: the
// fixed file keeps its mode.
func TestFixKeepsFileMode(t *testing.T) {
	dir := writeTree(t, fixture)
	path := filepath.Join(dir, "client", "client.go")
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := authvet(t, dir, "lint", "--fix"); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("--fix changed the file's mode to %v", st.Mode().Perm())
	}
	if src, _ := os.ReadFile(path); !strings.Contains(string(src), "https://api.example.com") {
		t.Errorf("the fix was not applied:\n%s", src)
	}
}
