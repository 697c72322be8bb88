package cli

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The hidden --memprofile writes a heap profile that pprof reads, and is
// not in the help.
func TestMemProfile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "a", "a.go"), "package a\n\nfunc F() int { return 1 }\n")
	prof := filepath.Join(t.TempDir(), "heap.prof")
	out := filepath.Join(t.TempDir(), "out.json")
	if _, stderr, code := runCLI("lint", "--format", "json", "-o", out, "--memprofile", prof, dir); code != 0 && code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(prof)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// A pprof profile is a gzipped protocol buffer whose string table
	// names its sample types.
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("not a pprof profile: %v", err)
	}
	data, err := io.ReadAll(z)
	if err != nil {
		t.Fatalf("not a pprof profile: %v", err)
	}
	if !bytes.Contains(data, []byte("inuse_space")) {
		t.Error("not a heap profile: no inuse_space sample type")
	}
	stdout, stderr, _ := runCLI("lint", "--help")
	help := stdout + stderr
	if !strings.Contains(help, "--fix") {
		t.Fatalf("lint --help shows no flags: %q", help)
	}
	if strings.Contains(help, "memprofile") {
		t.Error("--memprofile is a debugging aid and should not be in the help")
	}
}

// The hidden --cpuprofile of lint and secrets writes a CPU profile that
// pprof reads, and is not in the help.
func TestCPUProfile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "a", "a.go"), "package a\n\nfunc F() int { return 1 }\n")
	for _, cmd := range []string{"lint", "secrets"} {
		prof := filepath.Join(t.TempDir(), "cpu.prof")
		out := filepath.Join(t.TempDir(), "out.json")
		args := []string{cmd, "--format", "json", "-o", out, "--cpuprofile", prof, dir}
		if cmd == "secrets" {
			args = append(args[:len(args)-1], "--no-git", dir)
		}
		if _, stderr, code := runCLI(args...); code != 0 && code != 1 {
			t.Fatalf("%s: exit %d: %s", cmd, code, stderr)
		}
		f, err := os.Open(prof)
		if err != nil {
			t.Fatalf("%s: %v", cmd, err)
		}
		z, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			t.Fatalf("%s: not a pprof profile: %v", cmd, err)
		}
		data, err := io.ReadAll(z)
		f.Close()
		if err != nil {
			t.Fatalf("%s: not a pprof profile: %v", cmd, err)
		}
		if !bytes.Contains(data, []byte("cpu")) || !bytes.Contains(data, []byte("nanoseconds")) {
			t.Errorf("%s: not a CPU profile: no cpu/nanoseconds sample type", cmd)
		}
		stdout, stderr, _ := runCLI(cmd, "--help")
		if strings.Contains(stdout+stderr, "cpuprofile") {
			t.Errorf("%s: --cpuprofile is a debugging aid and should not be in the help", cmd)
		}
	}
	// An output path that cannot be created is an error, not a lost run.
	if _, stderr, code := runCLI("lint", "--cpuprofile", filepath.Join(dir, "missing", "cpu.prof"), dir); code != ExitError || !strings.Contains(stderr, "cpu profile") {
		t.Errorf("unwritable profile: exit %d, stderr %q", code, stderr)
	}
}
