package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/testutil"
	"github.com/authvet/authvet/scanners/testkeys"
)

// These tests run the built binary on modules made in temp dirs, with an
// .authvet.yml, as a team would: one process per run, so the analyzers'
// flag values never carry over from one run to the next.

// validateSARIF checks a SARIF file against the 2.1.0 schema (the copy
// internal/testutil carries, so it runs without ../shared too).
func validateSARIF(t *testing.T, data []byte) {
	t.Helper()
	testutil.ValidateSARIF(t, data)
}

// ruleIDs runs authvet lint --format json in dir and returns the rule ids
// found, as "rule path", sorted, with the exit code.
func ruleIDs(t *testing.T, dir string, args ...string) ([]string, int) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.json")
	stderr, code := runIn(t, dir, binary, append([]string{"lint", "--format", "json", "-o", out}, args...)...)
	if code == 2 {
		t.Fatalf("lint %v: exit 2\n%s", args, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("lint %v: %v\n%s", args, err, stderr)
	}
	var doc struct {
		Findings []struct {
			RuleID   string `json:"ruleId"`
			Level    string `json:"level"`
			Location struct{ Path string }
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range doc.Findings {
		ids = append(ids, f.Level+" "+f.RuleID+" "+f.Location.Path)
	}
	sort.Strings(ids)
	return ids, code
}

// TestConfigPrecedence: flags over file over defaults, for a report
// setting (fail-on), an analyzer option (plainhttp.allow-hosts) and the
// rule list; and --no-config / --config.
func TestConfigPrecedence(t *testing.T) {
	dir := writeModule(t)
	plain := []string{"warning plainhttp/url api/api.go"}
	same := func(got, want []string) bool { return strings.Join(got, "|") == strings.Join(want, "|") }

	// Defaults: the plain-HTTP URL is a warning and fails the run.
	if ids, code := ruleIDs(t, dir); !same(ids, plain) || code != 1 {
		t.Fatalf("no config: %v exit %d, want %v exit 1", ids, code, plain)
	}
	writeFiles(t, dir, map[string]string{".authvet.yml": "fail-on: error\n"})
	if ids, code := ruleIDs(t, dir); !same(ids, plain) || code != 0 {
		t.Errorf("fail-on: error in the file: %v exit %d, want the finding and exit 0", ids, code)
	}
	if _, code := ruleIDs(t, dir, "--fail-on", "warning"); code != 1 {
		t.Errorf("--fail-on warning over the file's error: exit %d, want 1", code)
	}
	if _, code := ruleIDs(t, dir, "--no-config"); code != 1 {
		t.Errorf("--no-config: exit %d, want 1 (the default fail-on)", code)
	}

	// An analyzer option from the file, and the same flag on the command
	// line winning over it.
	writeFiles(t, dir, map[string]string{".authvet.yml": "plainhttp:\n  allow-hosts: [partner.example.com]\n"})
	if ids, code := ruleIDs(t, dir); len(ids) != 0 || code != 0 {
		t.Errorf("plainhttp.allow-hosts in the file: %v exit %d, want nothing", ids, code)
	}
	if ids, _ := ruleIDs(t, dir, "--plainhttp.allow-hosts=other.example.com"); !same(ids, plain) {
		t.Errorf("--plainhttp.allow-hosts over the file: %v, want %v", ids, plain)
	}

	// rules.level, rules.disable, per-rule and global excludes.
	other := filepath.Join(t.TempDir(), "other.yml")
	writeFiles(t, filepath.Dir(other), map[string]string{"other.yml": "rules:\n  level:\n    plainhttp/url: error\n"})
	if ids, _ := ruleIDs(t, dir, "--config", other); !same(ids, []string{"error plainhttp/url api/api.go"}) {
		t.Errorf("--config with a level override: %v, want the finding as an error", ids)
	}
	for _, cfg := range []string{
		"rules:\n  level:\n    plainhttp: off\n",
		"rules:\n  disable: [plainhttp/url]\n",
		"exclude: [api]\n",
		"rules:\n  exclude:\n    plainhttp/url: ['**/api.go']\n",
	} {
		writeFiles(t, dir, map[string]string{".authvet.yml": cfg})
		if ids, code := ruleIDs(t, dir); len(ids) != 0 || code != 0 {
			t.Errorf("config %q: %v exit %d, want nothing", cfg, ids, code)
		}
	}
	// The file's rules.disable gives way to --disable on the command line.
	writeFiles(t, dir, map[string]string{".authvet.yml": "rules:\n  disable: [plainhttp/url]\n"})
	if ids, _ := ruleIDs(t, dir, "--disable", "tokenlog"); !same(ids, plain) {
		t.Errorf("--disable tokenlog over the file's rules.disable: %v, want %v", ids, plain)
	}
}

// TestConfigErrors: a bad file is exit 2 with file, line, column and a
// suggestion, from every command; and the flags' own misuse.
func TestConfigErrors(t *testing.T) {
	dir := writeModule(t)
	writeFiles(t, dir, map[string]string{".authvet.yml": "# team settings\nrules:\n  disable:\n    - hardcodecred/sink\n"})
	want := "authvet: unknown rule hardcodecred/sink at .authvet.yml:4:7; did you mean hardcodedcred/sink?\n"
	for _, cmd := range [][]string{{"lint"}, {"scan", "--no-secrets", "."}, {"secrets", "--no-git", "."}} {
		out, code := runIn(t, dir, binary, cmd...)
		if code != 2 || out != want {
			t.Errorf("%v: exit %d, output %q; want exit 2 and %q", cmd, code, out, want)
		}
	}
	if out, code := runIn(t, dir, binary, "lint", "--no-config"); code != 1 {
		t.Errorf("--no-config ignores the bad file: exit %d\n%s", code, out)
	}
	if out, code := runIn(t, dir, binary, "lint", "--config", "missing.yml"); code != 2 || !strings.Contains(out, "missing.yml") {
		t.Errorf("--config missing.yml: exit %d\n%s", code, out)
	}
	if out, code := runIn(t, dir, binary, "lint", "--config", ".authvet.yml", "--no-config"); code != 2 || !strings.Contains(out, "--no-config") {
		t.Errorf("--config with --no-config: exit %d\n%s", code, out)
	}
	// A value the flag itself refuses is named at its place in the file.
	writeFiles(t, dir, map[string]string{".authvet.yml": "tokenlog:\n  loggers: [nodots]\n"})
	if out, code := runIn(t, dir, binary, "lint"); code != 2 || !strings.Contains(out, "at .authvet.yml:2:12") || !strings.Contains(out, "nodots") {
		t.Errorf("bad logger: exit %d\n%s", code, out)
	}
}

// TestConfigNamedInReports: text and SARIF say which file was used, and
// the SARIF still validates.
func TestConfigNamedInReports(t *testing.T) {
	dir := writeModule(t)
	writeFiles(t, dir, map[string]string{".authvet.yml": "fail-on: error\n"})
	out, _ := runIn(t, dir, binary, "lint", "--color", "never")
	if !strings.Contains(out, "authvet: .authvet.yml: note: configuration read from .authvet.yml") {
		t.Errorf("text report does not name the config:\n%s", out)
	}
	sarifPath := filepath.Join(t.TempDir(), "out.sarif")
	if out, code := runIn(t, filepath.Join(dir, "api"), binary, "lint", "--format", "sarif", "-o", sarifPath, "./..."); code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	data, err := os.ReadFile(sarifPath)
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, data)
	var doc struct {
		Runs []struct {
			Invocations []struct {
				ToolExecutionNotifications []struct {
					Message    struct{ Text string }
					Descriptor struct{ ID string }
					Locations  []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range doc.Runs[0].Invocations[0].ToolExecutionNotifications {
		if n.Descriptor.ID == "configuration" && len(n.Locations) == 1 && n.Locations[0].PhysicalLocation.ArtifactLocation.URI == ".authvet.yml" {
			found = true
		}
	}
	if !found {
		t.Errorf("SARIF has no configuration notification naming .authvet.yml:\n%s", data)
	}
}

// inhouseModule is a service with an in-house event logger (obs.Emit)
// and an in-house authorization check (acl.Gate, backed by a policy
// engine scopecheck cannot see into). Out of the box tokenlog does not
// know obs.Emit logs, and scopecheck does not know acl.Gate authorizes.
func inhouseModule(t *testing.T) string {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/svc\n\ngo 1.22\n",
		"obs/obs.go": `// Package obs is the service's in-house event logger.
package obs

import "sync"

var (
	mu     sync.Mutex
	events []string
)

// Emit records an event with attributes, to be shipped elsewhere.
func Emit(msg string, attrs ...any) {
	mu.Lock()
	defer mu.Unlock()
	events = append(events, msg)
}
`,
		"acl/acl.go": `// Package acl is the service's in-house authorization check.
package acl

import (
	"context"
	"net/http"
)

// Engine decides requests.
type Engine interface {
	Decide(ctx context.Context, path string) error
}

var engine Engine

// Gate returns an error unless the policy engine allows the request.
func Gate(r *http.Request) error {
	return engine.Decide(r.Context(), r.URL.Path)
}
`,
		"session/session.go": `// Package session validates session tokens.
package session

import "errors"

// Resolve validates a session token and returns its user.
func Resolve(token string) (string, error) {
	if token == "" {
		return "", errors.New("no session")
	}
	return "user", nil
}
`,
		"api/api.go": `package api

import (
	"net/http"

	"example.com/svc/acl"
	"example.com/svc/obs"
	"example.com/svc/session"
)

type Store interface{ Wipe(tenant string) }

var store Store

func Wipe(w http.ResponseWriter, r *http.Request) {
	tok := r.Header.Get("X-Session-Token")
	obs.Emit("wipe", "token", tok)
	if _, err := session.Resolve(tok); err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if acl.Gate(r) != nil {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	store.Wipe(r.FormValue("tenant"))
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/wipe", Wipe)
}
`,
	})
	return dir
}

const inhouseConfig = `# Teach authvet the service's conventions.
tokenlog:
  loggers: [example.com/svc/obs.Emit]
scopecheck:
  authz-funcs: [example.com/svc/acl.Gate]
`

// TestConfigTeachesInhouseConventions is the end-to-end case: the config
// names the in-house logger and authorization helper, and the verdicts
// change: the token logged through obs.Emit is found, and the handler
// that calls acl.Gate is no longer reported as unauthorized.
func TestConfigTeachesInhouseConventions(t *testing.T) {
	dir := inhouseModule(t)
	before, _ := ruleIDs(t, dir)
	if want := []string{"warning scopecheck/handler api/api.go"}; strings.Join(before, "|") != strings.Join(want, "|") {
		t.Fatalf("without a config: %v, want %v", before, want)
	}
	writeFiles(t, dir, map[string]string{".authvet.yml": inhouseConfig})
	after, _ := ruleIDs(t, dir)
	if want := []string{"warning tokenlog/log api/api.go"}; strings.Join(after, "|") != strings.Join(want, "|") {
		t.Fatalf("with the config: %v, want %v", after, want)
	}
}

// TestGoVetUsesConfig runs a real go vet -vettool: each package's process
// finds the same .authvet.yml, so vet agrees with the CLI; and an edit
// to the file is not hidden by go vet's result cache.
func TestGoVetUsesConfig(t *testing.T) {
	dir := inhouseModule(t)
	vet := func() string {
		t.Helper()
		out, _ := runIn(t, dir, "go", "vet", "-vettool="+binary, "./...")
		return out
	}
	const tokenMsg, scopeMsg = "reaches obs.Emit", "handler Wipe authenticates the caller"
	out := vet()
	if strings.Contains(out, tokenMsg) || !strings.Contains(out, scopeMsg) {
		t.Fatalf("go vet without a config:\n%s", out)
	}
	writeFiles(t, dir, map[string]string{".authvet.yml": inhouseConfig})
	out = vet()
	if !strings.Contains(out, tokenMsg) || strings.Contains(out, scopeMsg) {
		t.Fatalf("go vet with the config (same verdicts as the CLI expected):\n%s", out)
	}
	// Level off drops the tokenlog finding; a per-analyzer exclude drops
	// the scopecheck one (authz-funcs is left out here, so only the
	// exclude can silence it). Each config is a fresh tool id for go vet,
	// which re-runs the standard library's facts: the cases share runs.
	writeFiles(t, dir, map[string]string{".authvet.yml": "tokenlog:\n  loggers: [example.com/svc/obs.Emit]\n" +
		"rules:\n  level:\n    tokenlog/log: off\n  exclude:\n    scopecheck: [\"api/**\"]\n"})
	if out := vet(); strings.Contains(out, tokenMsg) || strings.Contains(out, scopeMsg) {
		t.Errorf("go vet with tokenlog/log off and scopecheck excluded from api/ still reports:\n%s", out)
	}
	// A nearer config in a subdirectory applies to the packages below
	// it; adding and removing it is not hidden by go vet's cache.
	writeFiles(t, dir, map[string]string{
		".authvet.yml":     inhouseConfig,
		"api/.authvet.yml": "tokenlog:\n  loggers: [example.com/svc/obs.Other]\n",
	})
	if out := vet(); strings.Contains(out, tokenMsg) || !strings.Contains(out, scopeMsg) {
		t.Errorf("go vet with api/.authvet.yml (which names neither helper):\n%s", out)
	}
	if err := os.Remove(filepath.Join(dir, "api", ".authvet.yml")); err != nil {
		t.Fatal(err)
	}
	if out := vet(); !strings.Contains(out, tokenMsg) || strings.Contains(out, scopeMsg) {
		t.Errorf("go vet after removing api/.authvet.yml:\n%s", out)
	}
	// A vet flag wins over the file.
	writeFiles(t, dir, map[string]string{".authvet.yml": inhouseConfig})
	out, _ = runIn(t, dir, "go", "vet", "-vettool="+binary, "-tokenlog.loggers=example.com/svc/obs.Other", "./...")
	if strings.Contains(out, tokenMsg) {
		t.Errorf("-tokenlog.loggers on the vet command line did not win over the file:\n%s", out)
	}
	// A bad file stops go vet with the same message as the CLI.
	writeFiles(t, dir, map[string]string{".authvet.yml": "tokenlog:\n  logers: [x.y]\n"})
	if out := vet(); !strings.Contains(out, "unknown key tokenlog.logers") || !strings.Contains(out, "did you mean loggers?") {
		t.Errorf("go vet with a misspelt key:\n%s", out)
	}
}

// TestInitBaseline is the legacy-repository walk-through: init
// --baseline accepts today's findings, the next scan passes, and a new
// finding fails it.
func TestInitBaseline(t *testing.T) {
	dir := writeModule(t)
	if out, code := runIn(t, dir, binary, "init", "--baseline"); code != 0 {
		t.Fatalf("init --baseline: exit %d\n%s", code, out)
	}
	cfg, err := os.ReadFile(filepath.Join(dir, ".authvet.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(cfg), "\nbaseline: authvet-baseline.sarif\n") {
		t.Errorf("the config does not reference the baseline:\n%s", cfg)
	}
	data, err := os.ReadFile(filepath.Join(dir, "authvet-baseline.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, data)
	if out, code := runIn(t, dir, binary, "scan", "--no-git"); code != 0 || !strings.Contains(out, "1 unchanged since baseline") {
		t.Errorf("scan after init --baseline: exit %d, want 0 with the finding unchanged\n%s", code, out)
	}
	writeFiles(t, dir, map[string]string{"api/new.go": "package api\n\nimport \"net/http\"\n\nconst billingBaseURL = \"http://billing.example.com\"\n\nfunc New() (*http.Response, error) { return http.Get(billingBaseURL + \"/v2\") }\n"})
	if out, code := runIn(t, dir, binary, "scan", "--no-git"); code != 1 {
		t.Errorf("scan with a new finding: exit %d, want 1\n%s", code, out)
	}
	if out, code := runIn(t, dir, binary, "init"); code != 2 || !strings.Contains(out, "--force") {
		t.Errorf("init over an existing file: exit %d, want 2 naming --force\n%s", code, out)
	}
}

// TestConfigSecretsSection: excludes apply to secret findings too, and
// the secrets section reaches both authvet secrets and authvet scan.
func TestConfigSecretsSection(t *testing.T) {
	dir := writeModule(t)
	writeFiles(t, dir, map[string]string{
		"deploy/env.txt":    "GITHUB_TOKEN=" + testkeys.GitHub(301) + "\n",
		"fixtures/seed.txt": "GITHUB_TOKEN=" + testkeys.GitHub(302) + "\n",
	})
	secretPaths := func(args ...string) []string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "out.json")
		stderr, code := runIn(t, dir, binary, append(args, "--format", "json", "-o", out)...)
		if code == 2 {
			t.Fatalf("%v: exit 2\n%s", args, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Findings []struct {
				RuleID   string `json:"ruleId"`
				Location struct{ Path string }
			}
			Notifications []struct{ Kind string }
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		var paths []string
		for _, f := range doc.Findings {
			if strings.HasPrefix(f.RuleID, "secret/") {
				paths = append(paths, f.Location.Path)
			}
		}
		for _, n := range doc.Notifications {
			if n.Kind == "skipped-file" {
				paths = append(paths, "skipped")
			}
		}
		sort.Strings(paths)
		return paths
	}
	both := "deploy/env.txt|fixtures/seed.txt"
	if got := strings.Join(secretPaths("secrets", "--no-git", "--no-cache"), "|"); got != both {
		t.Fatalf("no config: secrets in %s, want %s", got, both)
	}
	writeFiles(t, dir, map[string]string{".authvet.yml": "exclude: [fixtures]\n"})
	for _, cmd := range [][]string{{"secrets", "--no-git", "--no-cache"}, {"scan", "--no-git", "--no-cache"}} {
		if got := strings.Join(secretPaths(cmd...), "|"); got != "deploy/env.txt" {
			t.Errorf("%v with fixtures excluded: secrets in %s, want deploy/env.txt", cmd, got)
		}
	}
	writeFiles(t, dir, map[string]string{".authvet.yml": "secrets:\n  max-file-size: 20\n"})
	for _, cmd := range [][]string{{"secrets", "--no-git", "--no-cache"}, {"scan", "--no-git", "--no-cache"}} {
		if got := secretPaths(cmd...); len(got) == 0 || got[len(got)-1] != "skipped" || strings.Contains(strings.Join(got, "|"), ".txt") {
			t.Errorf("%v with max-file-size 20: %v, want the files skipped and nothing found", cmd, got)
		}
	}
}
