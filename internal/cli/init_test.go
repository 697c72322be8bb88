package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/authvet/authvet/analyzers/suite"
	"github.com/authvet/authvet/internal/config"
	"github.com/authvet/authvet/internal/lint"
)

// copyTree copies a fixture directory into a temp dir.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestInitGolden pins the starter config init writes for a fixture
// module, checks that it loads, and that uncommenting its suggestions
// gives a valid config naming them.
func TestInitGolden(t *testing.T) {
	dir := copyTree(t, filepath.Join("testdata", "init", "module"))
	_, stderr, code := authvet(t, dir, "init")
	if code != 0 {
		t.Fatalf("init: exit %d\n%s", code, stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, ".authvet.yml"))
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "golden", "init.authvet.yml")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("init wrote:\n%s\nwant (%s):\n%s", got, golden, want)
	}

	k := config.NewKnown(suite.Analyzers(), append(suite.Rules(), lint.Rules...))
	if _, err := config.Parse(got, ".authvet.yml", dir, k); err != nil {
		t.Fatalf("the starter config does not load: %v", err)
	}
	// Uncomment the tokenlog and scopecheck suggestions, as a user
	// would.
	re := regexp.MustCompile(`(?m)^# (tokenlog:|scopecheck:)$|^#   (loggers:|authz-funcs:)$|^#     (- .*)$`)
	edited := re.ReplaceAllString(string(got), "$1$2$3")
	edited = regexp.MustCompile(`(?m)^(tokenlog:|scopecheck:)$`).ReplaceAllString(edited, "$1")
	edited = regexp.MustCompile(`(?m)^(loggers:|authz-funcs:)$`).ReplaceAllString(edited, "  $1")
	edited = regexp.MustCompile(`(?m)^(- .*)$`).ReplaceAllString(edited, "    $1")
	f, err := config.Parse([]byte(edited), ".authvet.yml", dir, k)
	if err != nil {
		t.Fatalf("the starter config with its suggestions uncommented does not load: %v\n%s", err, edited)
	}
	settings := map[string]string{}
	for _, s := range f.Settings {
		settings[s.Key] = s.Value
	}
	if want := "example.com/videos/internal/obs.Debugf,example.com/videos/internal/obs.Logger.Log"; settings["tokenlog.loggers"] != want {
		t.Errorf("tokenlog.loggers = %q, want %q", settings["tokenlog.loggers"], want)
	}
	if want := "example.com/videos/internal/authz.Policy.Allowed,example.com/videos/internal/authz.RequireScope"; settings["scopecheck.authz-funcs"] != want {
		t.Errorf("scopecheck.authz-funcs = %q, want %q", settings["scopecheck.authz-funcs"], want)
	}

	// A second init refuses to overwrite; --force does.
	if _, stderr, code := authvet(t, dir, "init"); code != ExitError || !strings.Contains(stderr, "--force") {
		t.Errorf("second init: exit %d, want 2 naming --force\n%s", code, stderr)
	}
	if _, stderr, code := authvet(t, dir, "init", "--force"); code != 0 {
		t.Errorf("init --force: exit %d\n%s", code, stderr)
	}
}
