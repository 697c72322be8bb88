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
