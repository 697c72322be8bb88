package diffscope

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func run(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFromRev(t *testing.T) {
	dir := t.TempDir()
	run(t, dir, "git", "init", "-q", "-b", "main")
	write(t, filepath.Join(dir, "a.go"), "package a\n\nvar x = 1\nvar y = 2\n")
	write(t, filepath.Join(dir, "gone.go"), "package a\n")
	run(t, dir, "git", "add", "-A")
	run(t, dir, "git", "commit", "-qm", "base")
	run(t, dir, "git", "checkout", "-qb", "feature")
	write(t, filepath.Join(dir, "a.go"), "package a\n\nvar x = 10\nvar y = 2\nvar z = 3\n")
	run(t, dir, "git", "rm", "-q", "gone.go")
	run(t, dir, "git", "commit", "-qam", "change")
	// main moves on after the branch: its changes are not the branch's.
	run(t, dir, "git", "checkout", "-q", "main")
	write(t, filepath.Join(dir, "main.go"), "package a\n")
	run(t, dir, "git", "add", "-A")
	run(t, dir, "git", "commit", "-qm", "main moves")
	run(t, dir, "git", "checkout", "-q", "feature")
	// Uncommitted and untracked work counts too.
	write(t, filepath.Join(dir, "sub", "new.go"), "package sub\n")

	s, base, err := FromRev(context.Background(), filepath.Join(dir, "sub"), "main")
	if err != nil {
		t.Fatal(err)
	}
	if want := run(t, dir, "git", "merge-base", "main", "feature"); base != want {
		t.Errorf("base = %s, want the merge base %s", base, want)
	}
	if got, want := s.Files(), []string{"a.go", "sub/new.go"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Files = %q, want %q", got, want)
	}
	if got, want := s.Ranges("a.go"), []Range{{3, 3}, {5, 5}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Ranges(a.go) = %v, want %v", got, want)
	}

	if _, _, err := FromRev(context.Background(), dir, "no-such-branch"); err == nil || !strings.Contains(err.Error(), "unknown revision no-such-branch") {
		t.Errorf("unknown rev: err = %v", err)
	}
}

func TestFromRevShallow(t *testing.T) {
	src := t.TempDir()
	run(t, src, "git", "init", "-q", "-b", "main")
	for i, text := range []string{"package a\n", "package a\nvar x = 1\n", "package a\nvar x = 2\n"} {
		write(t, filepath.Join(src, "a.go"), text)
		run(t, src, "git", "add", "-A")
		run(t, src, "git", "commit", "-qm", "c"+string(rune('0'+i)))
	}
	first := run(t, src, "git", "rev-list", "--max-parents=0", "HEAD")
	clone := filepath.Join(t.TempDir(), "clone")
	run(t, src, "git", "clone", "-q", "--depth=1", "file://"+src, clone)
	_, _, err := FromRev(context.Background(), clone, first)
	if !errors.Is(err, ErrShallow) || !strings.Contains(err.Error(), "fetch-depth: 0") {
		t.Errorf("missing rev in a shallow clone: err = %v, want ErrShallow telling to fetch", err)
	}
}
