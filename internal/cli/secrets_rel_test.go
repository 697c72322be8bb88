package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/testutil"
	"github.com/authvet/authvet/scanners/testkeys"
)

// jsonReport is the part of the JSON report these tests read.
type jsonReport struct {
	Success  bool `json:"success"`
	Findings []struct {
		RuleID   string `json:"ruleId"`
		Location struct {
			Path      string `json:"path"`
			StartLine int    `json:"startLine"`
		} `json:"location"`
		Provenance *struct {
			Commit string `json:"commit"`
		} `json:"provenance"`
		Properties map[string]any `json:"properties"`
	} `json:"findings"`
	Coverage struct {
		Incomplete bool `json:"incomplete"`
		Unlisted   bool `json:"unlisted"`
	} `json:"coverage"`
	Notifications []struct {
		Level   string `json:"level"`
		Kind    string `json:"kind"`
		Message string `json:"message"`
		Path    string `json:"path"`
	} `json:"notifications"`
}

func parseJSONReport(t *testing.T, out string) *jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("JSON report does not parse: %v\n%s", err, out)
	}
	return &r
}

// TestScanSecretsWhenGoLoadingFails: `authvet scan` on a tree whose Go
// side cannot load at all (no go.mod; a go.mod asking for a Go version
// that does not exist) still scans for secrets, reports them with the
// load failure beside them, and exits 2 (issue 16, item 5).
func TestScanSecretsWhenGoLoadingFails(t *testing.T) {
	key := testkeys.GitHub(501)
	cases := map[string]map[string]string{
		"no go.mod": {"deploy/env.sh": "export GITHUB_TOKEN=" + key + "\n"},
		"unknown go version": {
			"go.mod":  "module example.com/x\n\ngo 1.999\n",
			"main.go": "package main\n\nfunc main() {}\n",
			"env.sh":  "export GITHUB_TOKEN=" + key + "\n",
		},
	}
	for name, files := range cases {
		t.Run(name, func(t *testing.T) {
			dir := writeTree(t, files)
			out, stderr, code := authvet(t, dir, "scan", "--no-cache", "--format", "json", ".")
			if code != ExitError {
				t.Errorf("exit %d, want %d\nstderr: %s", code, ExitError, stderr)
			}
			if out == "" {
				t.Fatalf("no report written; stderr: %s", stderr)
			}
			r := parseJSONReport(t, out)
			found := false
			for _, f := range r.Findings {
				if strings.HasPrefix(f.RuleID, "secret/") && strings.HasSuffix(f.Location.Path, ".sh") {
					found = true
				}
			}
			if !found {
				t.Errorf("the secret was not reported: %s", out)
			}
			loadErr := false
			for _, n := range r.Notifications {
				if n.Kind == "load-error" && n.Level == "error" {
					loadErr = true
				}
			}
			if !loadErr || r.Success {
				t.Errorf("load failure not reported next to the results (success=%v): %+v", r.Success, r.Notifications)
			}
			if strings.Contains(out, key) {
				t.Error("report leaks the key")
			}
		})
	}
}

// TestShowSecretsFromCache: --show-secrets on a terminal prints the value
// of a secret whose finding came from the history cache (issue 16,
// item 4): the cache holds no raw value, so it is read again from the
// commit that holds it.
func TestShowSecretsFromCache(t *testing.T) {
	dir, _, commit := gitFixture(t)
	key := testkeys.GitHub(401)
	writeFile(t, filepath.Join(dir, "deploy.sh"), "export GITHUB_TOKEN="+key+"\n")
	commit("deploy script")
	cache := t.TempDir()
	show := func() (string, int) {
		var out, errb bytes.Buffer
		e := &env{ctx: context.Background(), stdout: &out, stderr: &errb, stdoutTTY: true, getenv: func(string) string { return "" }}
		err := run(e, []string{"secrets", "--cache", cache, "--show-secrets", "--color", "never", dir})
		var xe *exitError
		if err != nil && !errors.As(err, &xe) {
			t.Fatalf("secrets: %v", err)
		}
		return out.String(), 0
	}
	cold, _ := show()
	if !strings.Contains(cold, key) {
		t.Fatalf("cold scan does not show the secret:\n%s", cold)
	}
	warm, _ := show()
	if !strings.Contains(warm, "from the cache") {
		t.Fatalf("second run not served from the cache:\n%s", warm)
	}
	if !strings.Contains(warm, key) {
		t.Errorf("--show-secrets shows nothing for a finding served from the cache:\n%s", warm)
	}
}

// TestScanSecretAfterDriftIsOneFinding: `authvet scan` of a repository
// whose Go file still holds a key, after lines above it changed, reports
// the key once, where it is now, as the analyzer's finding carrying the
// commit that introduced it (issue 16, item 9). Before, the scanner put
// it at the introducing commit's line, where the analyzer's finding was
// not, and the key was reported twice.
func TestScanSecretAfterDriftIsOneFinding(t *testing.T) {
	dir, git, commit := gitFixture(t)
	key := testkeys.GitHub(902)
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/drift\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "client.go"), "package drift\n\nvar githubToken = \""+key+"\"\n")
	commit("client")
	intro := git("rev-parse", "HEAD")
	writeFile(t, filepath.Join(dir, "client.go"), "package drift\n\n// Client talks to GitHub.\n// It needs a token.\n\nvar githubToken = \""+key+"\"\n")
	commit("doc comment")

	out, stderr, _ := authvet(t, dir, "scan", "--no-cache", "--format", "json", ".")
	r := parseJSONReport(t, out)
	var at []string
	for _, f := range r.Findings {
		if f.Location.Path == "client.go" {
			at = append(at, fmt.Sprintf("%s:%d", f.RuleID, f.Location.StartLine))
			if f.Location.StartLine != 6 {
				t.Errorf("%s reported at line %d, want 6 (where the key is now)", f.RuleID, f.Location.StartLine)
			}
			if f.Provenance == nil || f.Provenance.Commit != intro {
				t.Errorf("%s: provenance %+v, want the introducing commit", f.RuleID, f.Provenance)
			}
		}
	}
	if len(at) != 1 {
		t.Errorf("the key is reported %d times (%v), want once\n%s", len(at), at, stderr)
	}
	if strings.Contains(out, key) {
		t.Error("report leaks the key")
	}
}

// TestLintReportWhenGoLoadingFails: `authvet lint -o` on a module the go
// command refuses as a whole (a go.mod asking for a Go version that does
// not exist) still writes its report, an incomplete run naming the
// cause, and exits 2: a CI step that uploads the SARIF finds a file that
// says why nothing was analyzed, not a missing one.
func TestLintReportWhenGoLoadingFails(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod":  "module example.com/x\n\ngo 1.999\n",
		"main.go": "package main\n\nfunc main() {}\n",
	})
	for _, format := range []string{"json", "sarif"} {
		t.Run(format, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "report."+format)
			_, stderr, code := authvet(t, dir, "lint", "--format", format, "-o", path, "./...")
			if code != ExitError {
				t.Errorf("exit %d, want %d\nstderr: %s", code, ExitError, stderr)
			}
			if !strings.Contains(stderr, "1.999") {
				t.Errorf("stderr does not name the cause: %s", stderr)
			}
			doc, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no report written: %v; stderr: %s", err, stderr)
			}
			if format == "sarif" {
				testutil.ValidateSARIF(t, doc)
				if !strings.Contains(string(doc), `"executionSuccessful": false`) || !strings.Contains(string(doc), "1.999") {
					t.Errorf("SARIF does not record the failed load:\n%s", doc)
				}
				return
			}
			r := parseJSONReport(t, string(doc))
			ok := false
			for _, n := range r.Notifications {
				if n.Kind == "load-error" && n.Level == "error" && strings.Contains(n.Message, "1.999") {
					ok = true
				}
			}
			if !ok || r.Success {
				t.Errorf("load failure not in the report (success=%v): %+v", r.Success, r.Notifications)
			}
			if !r.Coverage.Unlisted || !r.Coverage.Incomplete {
				t.Errorf("coverage does not say the packages could not be listed: %+v", r.Coverage)
			}
		})
	}
}
