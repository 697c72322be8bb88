package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

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
