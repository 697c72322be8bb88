package gitleaksrules

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// pinnedGitleaks is the gitleaks release whose internals this package
// relies on in two places that have no public API:
//
//   - gitleaksrules.go links to config.extendDepth (go:linkname) to reset
//     the [extend] depth counter gitleaks never resets; without it the
//     third config loaded in one process silently stops extending the
//     default rules (TestLoadExtendDefaultTwice).
//   - detect.go's detectIn converts to detect.Fragment, deprecated in v8
//     and replaced by sources.Fragment in v9.
//
// fast.go's routing also assumes the default config's generic-api-key
// regex (TestFastPathsAreExact compares it with gitleaks' own result).
const pinnedGitleaks = "v8.30.1"

// TestGitleaksVersionPinned fails on any gitleaks upgrade, so that the
// person upgrading re-checks the list above before changing the pin.
func TestGitleaksVersionPinned(t *testing.T) {
	// The test binary carries no dependency versions; go.mod is the
	// source of truth (the test runs in this package's directory).
	data, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatalf("reading go.mod: %v", err)
	}
	m := regexp.MustCompile(`(?m)^\s*(?:require\s+)?github\.com/zricethezav/gitleaks/v8 (v\S+)`).FindSubmatch(data)
	if m == nil {
		t.Fatal("go.mod does not require github.com/zricethezav/gitleaks/v8")
	}
	if regexp.MustCompile(`(?m)^\s*(?:replace\s+)?github\.com/zricethezav/gitleaks/v8.*=>`).Match(data) {
		t.Fatal("go.mod replaces gitleaks: re-check the list above against the replacement")
	}
	if v := string(m[1]); v != pinnedGitleaks {
		t.Fatalf("gitleaks is %s, this package was checked against %s: re-check config.extendDepth (still a package variable that Translate increments and never resets?), detect.Fragment (gone in v9: switch detectIn to sources.Fragment) and the generic-api-key fast path, then update pinnedGitleaks", v, pinnedGitleaks)
	}
}

// TestConfigNotRegularFile: a config, or a file it extends, that is a
// pipe is a ConfigError, not a scan that waits forever for a writer (a
// scanned repository chooses its .gitleaks.toml).
func TestConfigNotRegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	cfg := filepath.Join(dir, "extends.toml")
	if err := os.WriteFile(cfg, []byte("[extend]\npath = \""+fifo+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, cfg} {
		done := make(chan error, 1)
		go func() {
			_, err := Load(p)
			done <- err
		}()
		select {
		case err := <-done:
			var ce *ConfigError
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("Load(%s) = %v, want a ConfigError saying it is not a regular file", filepath.Base(p), err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("Load(%s) blocks on a pipe", filepath.Base(p))
		}
	}
}
