package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkHookSecretScan measures what the pre-commit hook's secret scan
// costs a developer on a typical commit: the authvet process (start-up,
// rule compilation, git diff --cached, matching) on five staged files of
// about 150 lines each in a repository with some history.
func BenchmarkHookSecretScan(b *testing.B) {
	dir := b.TempDir()
	gitB := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), gitEnv...)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	gitB("init", "-q", "-b", "main")
	file := func(pkg string, n int) string {
		var sb strings.Builder
		fmt.Fprintf(&sb, "package %s\n\nimport \"fmt\"\n\n", pkg)
		for i := 0; i < n; i++ {
			fmt.Fprintf(&sb, "func f%d(name string) string {\n\treturn fmt.Sprintf(\"%%s-%d\", name)\n}\n\n", i, i)
		}
		return sb.String()
	}
	for i := 0; i < 20; i++ {
		p := filepath.Join(dir, fmt.Sprintf("pkg%d", i), "a.go")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(file(fmt.Sprintf("pkg%d", i), 40)), 0o644)
	}
	gitB("add", "-A")
	gitB("commit", "-qm", "history")
	for i := 0; i < 5; i++ {
		p := filepath.Join(dir, fmt.Sprintf("pkg%d", i), "b.go")
		os.WriteFile(p, []byte(file(fmt.Sprintf("pkg%d", i), 30)), 0o644)
	}
	gitB("add", "-A")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(binary, "secrets", "--staged", "--quiet", ".")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("secrets --staged: %v\n%s", err, out)
		}
	}
}
