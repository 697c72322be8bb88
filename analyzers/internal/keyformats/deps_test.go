package keyformats

import (
	"os/exec"
	"strings"
	"testing"
)

// The analyzers link neither gitleaks nor viper (nor anything of the
// secret scanner): go vet -vettool, golangci-lint and nogo builds of them
// stay small, and keyformats is what they use of gitleaks' rules.
func TestAnalyzersDoNotLinkTheScanner(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "./analyzers/...")
	cmd.Dir = "../../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps ./analyzers/...: %v", err)
	}
	n := 0
	for _, p := range strings.Fields(string(out)) {
		n++
		if strings.Contains(p, "gitleaks") || strings.Contains(p, "viper") || strings.HasPrefix(p, "github.com/authvet/authvet/scanners") {
			t.Errorf("./analyzers/... depends on %s", p)
		}
	}
	if n < 10 {
		t.Fatalf("go list -deps listed %d packages: %s", n, out)
	}
}
