package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/testutil"
)

// fixture is a small module with one plain-HTTP finding, a package that
// does not compile, and a near miss.
var fixture = map[string]string{
	"go.mod": "module example.com/fixture\n\ngo 1.22\n",
	"client/client.go": `package client

import "net/http"

const baseURL = "http://api.example.com/v1"

// Local development server: plain HTTP on loopback is fine.
const devURL = "http://localhost:8080"

func Fetch() (*http.Response, error) {
	return http.Get(baseURL + "/videos")
}

func FetchDev() (*http.Response, error) {
	return http.Get(devURL + "/videos")
}
`,
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// authvet runs the CLI in-process in dir.
func authvet(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), code
}

func TestLintTextAndExitCodes(t *testing.T) {
	dir := writeTree(t, fixture)
	out, stderr, code := authvet(t, dir, "lint")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1; stdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	if !strings.Contains(out, "client/client.go:5:17: warning plainhttp/url: ") {
		t.Errorf("text output lacks the finding line:\n%s", out)
	}
	if !strings.Contains(out, "\n    const baseURL = \"http://api.example.com/v1\"\n") || !strings.Contains(out, "^") {
		t.Errorf("text output lacks the source line and caret:\n%s", out)
	}
	if strings.Contains(out, "localhost") {
		t.Errorf("localhost was reported:\n%s", out)
	}
	if !strings.Contains(out, "1 warning") || !strings.Contains(out, "1 package analyzed") {
		t.Errorf("summary line missing or wrong:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour written to a non-terminal")
	}

	if _, _, code := authvet(t, dir, "lint", "--fail-on", "error"); code != ExitOK {
		t.Errorf("--fail-on error with only warnings: exit %d, want 0", code)
	}
	if _, _, code := authvet(t, dir, "lint", "--fail-on", "none"); code != ExitOK {
		t.Errorf("--fail-on none: exit %d, want 0", code)
	}
	if out, _, code := authvet(t, dir, "lint", "--disable", "plainhttp"); code != ExitOK || strings.Contains(out, "plainhttp/url") {
		t.Errorf("--disable plainhttp: exit %d, output:\n%s", code, out)
	}
	if out, _, code := authvet(t, dir, "lint", "--color", "always"); code != ExitFindings || !strings.Contains(out, "\x1b[") {
		t.Errorf("--color always wrote no colour (exit %d)", code)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := writeTree(t, fixture)
	for _, args := range [][]string{
		{"lint", "--no-such-flag"},
		{"lint", "--format", "xml"},
		{"lint", "--fail-on", "fatal"},
		{"lint", "--enable", "nosuchrule"},
		{"lint", "./does-not-exist"},
		{"scan", "does-not-exist"},
		{"nosuchcommand"},
		{},
		{"rules", "nosuchrule"},
		{"lint", "--baseline", "missing.sarif"},
	} {
		_, stderr, code := authvet(t, dir, args...)
		if code != ExitError {
			t.Errorf("authvet %v: exit %d, want 2", args, code)
		}
		if !strings.HasPrefix(stderr, "authvet: ") && !strings.Contains(stderr, "\nauthvet: ") {
			t.Errorf("authvet %v: stderr does not explain the problem: %q", args, stderr)
		}
	}
}

func TestBrokenPackageExits2AndKeepsOtherFindings(t *testing.T) {
	files := map[string]string{"broken/broken.go": "package broken\n\nfunc F() int { return \"not an int\" }\n"}
	for k, v := range fixture {
		files[k] = v
	}
	dir := writeTree(t, files)
	for _, format := range []string{"text", "json", "sarif"} {
		out, stderr, code := authvet(t, dir, "lint", "--format", format)
		if code != ExitError {
			t.Errorf("%s: exit %d, want 2", format, code)
		}
		if !strings.Contains(out, "plainhttp/url") {
			t.Errorf("%s: findings of the packages that loaded are missing:\n%s", format, out)
		}
		if !strings.Contains(out+stderr, "example.com/fixture/broken") || !strings.Contains(out+stderr, "broken/broken.go:3") {
			t.Errorf("%s: the broken package and the compiler's position are not named:\n%s\n%s", format, out, stderr)
		}
		if format == "sarif" {
			testutil.ValidateSARIF(t, []byte(out))
			if !strings.Contains(out, `"executionSuccessful": false`) || !strings.Contains(out, "toolExecutionNotifications") {
				t.Errorf("SARIF does not record the failed package")
			}
		}
	}
}

func TestSARIFOutputValidDeterministicAtomic(t *testing.T) {
	dir := writeTree(t, fixture)
	path := filepath.Join(dir, "out.sarif")
	_, stderr, code := authvet(t, dir, "lint", "--format", "sarif", "-o", path)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	testutil.ValidateSARIF(t, first)
	_, _, _ = authvet(t, dir, "lint", "--format", "sarif", "-o", path)
	second, _ := os.ReadFile(path)
	if !bytes.Equal(first, second) {
		t.Error("same input gave different SARIF")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}

	// The SARIF file is a baseline: the same findings no longer fail.
	out, stderr, code := authvet(t, dir, "lint", "--baseline", path)
	if code != ExitOK {
		t.Errorf("with baseline: exit %d, want 0\n%s%s", code, out, stderr)
	}
	if !strings.Contains(out, "1 unchanged since baseline") {
		t.Errorf("summary does not count baseline findings:\n%s", out)
	}
	// A new finding still fails.
	client := filepath.Join(dir, "client", "client.go")
	src, _ := os.ReadFile(client)
	src = append(src, []byte("\nfunc Other() { http.Post(\"http://billing.example.com/charge?api_key=k\", \"\", nil) }\n")...)
	os.WriteFile(client, src, 0o644)
	if _, _, code := authvet(t, dir, "lint", "--baseline", path); code != ExitFindings {
		t.Errorf("new finding with baseline: exit %d, want 1", code)
	}
}

func TestJSONOutput(t *testing.T) {
	dir := writeTree(t, fixture)
	out, _, code := authvet(t, dir, "lint", "--format", "json")
	if code != ExitFindings {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		SchemaVersion int  `json:"schemaVersion"`
		Success       bool `json:"success"`
		Summary       struct {
			Warning int `json:"warning"`
		} `json:"summary"`
		Findings []struct {
			RuleID      string `json:"ruleId"`
			Fingerprint string `json:"fingerprint"`
			Location    struct {
				Path      string `json:"path"`
				StartLine int    `json:"startLine"`
			} `json:"location"`
			Fixes []any `json:"fixes"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if doc.SchemaVersion != 1 || !doc.Success || doc.Summary.Warning != 1 || len(doc.Findings) != 1 {
		t.Fatalf("unexpected document: %+v", doc)
	}
	f := doc.Findings[0]
	if f.RuleID != "plainhttp/url" || f.Location.Path != "client/client.go" || f.Location.StartLine != 5 || f.Fingerprint == "" || len(f.Fixes) == 0 {
		t.Errorf("finding = %+v", f)
	}
}

func TestSuppressionInSource(t *testing.T) {
	files := map[string]string{}
	for k, v := range fixture {
		files[k] = v
	}
	files["client/client.go"] = strings.Replace(fixture["client/client.go"],
		"const baseURL", "//authvet:ignore plainhttp/url -- the vendor's sandbox has no TLS\nconst baseURL", 1)
	dir := writeTree(t, files)
	out, _, code := authvet(t, dir, "lint")
	if code != ExitOK || strings.Contains(out, "plainhttp/url:") {
		t.Errorf("suppressed finding still fails or shows: exit %d\n%s", code, out)
	}
	if !strings.Contains(out, "1 suppressed") {
		t.Errorf("summary does not count the suppression:\n%s", out)
	}
	out, _, _ = authvet(t, dir, "lint", "--format", "sarif")
	testutil.ValidateSARIF(t, []byte(out))
	if !strings.Contains(out, `"justification": "the vendor's sandbox has no TLS"`) {
		t.Errorf("SARIF lacks the suppression")
	}
}

func TestFixRewritesSource(t *testing.T) {
	dir := writeTree(t, fixture)
	_, stderr, code := authvet(t, dir, "lint", "--fix")
	if !strings.Contains(stderr, "applied 1 fixes in 1 files") {
		t.Errorf("stderr = %q", stderr)
	}
	if code != ExitOK {
		t.Errorf("exit %d after fixing the only finding, want 0", code)
	}
	src, _ := os.ReadFile(filepath.Join(dir, "client", "client.go"))
	if !strings.Contains(string(src), `const baseURL = "https://api.example.com/v1"`) || !strings.Contains(string(src), `"http://localhost:8080"`) {
		t.Errorf("fix not applied as expected:\n%s", src)
	}
	if _, _, code := authvet(t, dir, "lint"); code != ExitOK {
		t.Errorf("lint after --fix: exit %d, want 0", code)
	}
}

func TestLintModulePathFromOutside(t *testing.T) {
	dir := writeTree(t, fixture)
	other := t.TempDir()
	out, _, code := authvet(t, other, "lint", dir)
	if code != ExitFindings || !strings.Contains(out, "client/client.go:5:17") {
		t.Errorf("lint <module path>: exit %d\n%s", code, out)
	}
	// From a subdirectory of the module, ./... means the subtree, as in go.
	out, _, code = authvet(t, filepath.Join(dir, "client"), "lint")
	if code != ExitFindings || !strings.Contains(out, "client/client.go:5:17") {
		t.Errorf("lint in a subdirectory: exit %d\n%s", code, out)
	}
}

func TestRulesAndVersion(t *testing.T) {
	dir := t.TempDir()
	out, _, code := authvet(t, dir, "rules")
	if code != ExitOK || !strings.Contains(out, "plainhttp/url") || !strings.Contains(out, "authvet/ignore") {
		t.Errorf("rules: exit %d\n%s", code, out)
	}
	out, _, code = authvet(t, dir, "rules", "plainhttp/url")
	if code != ExitOK || !strings.Contains(out, "**Bad**") || !strings.Contains(out, "**Good**") {
		t.Errorf("rules plainhttp/url lacks bad/good examples: exit %d\n%s", code, out)
	}
	out, _, code = authvet(t, dir, "version")
	if code != ExitOK || !strings.HasPrefix(out, "authvet ") || !strings.Contains(out, "go1.") {
		t.Errorf("version: exit %d\n%s", code, out)
	}
	out, _, code = authvet(t, dir, "lint", "-h")
	if code != ExitOK || !strings.Contains(out, "Examples:") || !strings.Contains(out, "Exit codes:") {
		t.Errorf("lint -h: exit %d\n%s", code, out)
	}
}
