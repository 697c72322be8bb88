package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNotificationKindsAreNotGuessed: a notification's kind is set where
// it is made, not guessed from its message. The scanned directory's name
// holds the words the old guess looked for ("ignore entry"), so a guess
// would call an empty scan an unused ignore entry.
func TestNotificationKindsAreNotGuessed(t *testing.T) {
	root := filepath.Join(t.TempDir(), "an ignore entry")
	if err := os.MkdirAll(filepath.Join(root, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	kinds := func(args ...string) map[string]string {
		t.Helper()
		out, stderr, code := runCLI(append([]string{"secrets", "--format", "json", "--fail-on", "none"}, args...)...)
		if code != ExitOK {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		var doc struct {
			Notifications []struct{ Kind, Message, Path string } `json:"notifications"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, n := range doc.Notifications {
			// Per-file notifications name the file in path.
			m[n.Kind] += n.Message + " " + n.Path + "\n"
		}
		return m
	}
	got := kinds("--no-git", root)
	if _, ok := got["nothing-to-scan"]; !ok || got["unused-ignore"] != "" {
		t.Errorf("an empty directory scan: kinds %v", got)
	}
	writeFile(t, filepath.Join(root, "big.txt"), strings.Repeat("x", 2000))
	got = kinds("--no-git", "--max-file-size", "1000", root)
	if !strings.Contains(got["skipped-file"], "big.txt") {
		t.Errorf("a file over the size limit: kinds %v", got)
	}
}
