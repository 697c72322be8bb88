package benchcorpus

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCorpusBuilds checks that the generated module compiles and vets,
// so benchmarks measure analysis of valid code.
func TestCorpusBuilds(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 3); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("generated corpus does not vet: %v\n%s", err, out)
	}
	cmd = exec.Command("gofmt", "-l", ".")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "" {
		t.Errorf("generated corpus is not gofmt-clean: %v %s", err, out)
	}
}
