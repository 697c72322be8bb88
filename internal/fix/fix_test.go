package fix

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
)

// fixFindings returns two files under root, each with one finding whose
// fix replaces "http" with "https", for files a.go and b.go.
func fixFindings(t *testing.T, root string, files ...string) []finding.Finding {
	t.Helper()
	var fs []finding.Finding
	for _, name := range files {
		src := "package p\n\nconst u = \"http://x\"\n"
		if err := os.WriteFile(filepath.Join(root, name), []byte(src), 0o640); err != nil {
			t.Fatal(err)
		}
		off := strings.Index(src, "http")
		fs = append(fs, finding.Finding{
			RuleID: "plainhttp/url", Level: finding.LevelWarning, Location: finding.Location{Path: name, StartLine: 3},
			Fixes: []finding.Fix{{Description: "use https://", Edits: []finding.Edit{{Path: name, Start: off, End: off + 4, NewText: "https"}}}},
		})
	}
	return fs
}

func assertUnchanged(t *testing.T, root string, names ...string) {
	t.Helper()
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue
		}
		if strings.Contains(string(data), "https") {
			t.Errorf("%s was changed although the fix as a whole failed", name)
		}
	}
	if tmps, _ := filepath.Glob(filepath.Join(root, ".*.tmp")); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

// TestFixIsAllOrNothing: when one file of a run cannot be fixed,
// no file is changed. Here b.go, the second file, has gone by the time
// fixes are applied; a.go must be left as it was.
func TestFixIsAllOrNothing(t *testing.T) {
	root := t.TempDir()
	fs := fixFindings(t, root, "a.go", "b.go")
	os.Remove(filepath.Join(root, "b.go"))
	if _, _, err := Apply(root, fs); err == nil {
		t.Fatal("Apply succeeded with a file missing")
	}
	assertUnchanged(t, root, "a.go")
}

// TestFixRollsBackWhenAWriteFails makes the second rename fail: the
// first file, already replaced, gets its old content and mode back.
func TestFixRollsBackWhenAWriteFails(t *testing.T) {
	root := t.TempDir()
	fs := fixFindings(t, root, "a.go", "b.go", "c.go")
	calls := 0
	rename := func(old, new string) error {
		calls++
		if calls == 2 {
			return errors.New("disk full")
		}
		return os.Rename(old, new)
	}
	_, _, err := applyWith(root, fs, rename)
	if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), "restored") {
		t.Fatalf("err = %v", err)
	}
	assertUnchanged(t, root, "a.go", "b.go", "c.go")
	if st, _ := os.Stat(filepath.Join(root, "a.go")); st.Mode().Perm() != 0o640 {
		t.Errorf("the restored file's mode is %v", st.Mode().Perm())
	}
	for _, f := range fs {
		if f.Properties["fixed"] == true {
			t.Errorf("%s marked fixed after a failed run", f.Location.Path)
		}
	}
	// And with every rename working, all three are fixed.
	n, files, err := applyWith(root, fs, os.Rename)
	if err != nil || n != 3 || files != 3 {
		t.Fatalf("Apply = %d, %d, %v", n, files, err)
	}
}
