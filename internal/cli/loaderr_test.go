package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadFailureNamesCauseFirst: a module whose dependency cannot be
// loaded (here a go.sum entry is missing, with the module proxy off so
// nothing is fetched) must be reported with the go command's cause
// before the knock-on type errors; and with -o, stderr must name the
// problem rather than point at messages that are not there.
func TestLoadFailureNamesCauseFirst(t *testing.T) {
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=readonly")
	dir := writeTree(t, map[string]string{
		"go.mod": "module example.com/le\n\ngo 1.22\n\nrequire example.com/nowhere v1.0.0\n",
		"a/a.go": "package a\n\nimport \"example.com/nowhere/x\"\n\nvar X = x.New\n",
		"b/b.go": "package b\n\nimport \"net/http\"\n\nfunc Get() { http.Get(\"http://api.example.com/v1?access_token=t\") }\n",
	})
	out := filepath.Join(t.TempDir(), "r.json")
	stdout, stderr, code := authvet(t, dir, "lint", "--format", "json", "-o", out)
	if code != ExitError {
		t.Fatalf("exit %d, want 2\n%s%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	report := string(data)
	cause := strings.Index(report, "missing go.sum entry")
	knock := strings.Index(report, "could not import")
	if cause < 0 || knock < 0 || cause > knock {
		t.Errorf("the load error does not name the missing go.sum entry before the type errors:\n%s", report)
	}
	if !strings.Contains(report, `"plainhttp/url"`) {
		t.Errorf("the package that loaded was not reported:\n%s", report)
	}
	if strings.Contains(stderr, "see the messages above") || !strings.Contains(stderr, "missing go.sum entry") || !strings.Contains(stderr, "example.com/le/a") {
		t.Errorf("with -o, stderr must name the problem:\n%s", stderr)
	}
	// A text report on stdout lists the problems itself.
	stdout, stderr, _ = authvet(t, dir, "lint")
	if !strings.Contains(stdout, "missing go.sum entry") || !strings.Contains(stderr, "see the messages above") {
		t.Errorf("text report:\n%s\nstderr:\n%s", stdout, stderr)
	}
}
