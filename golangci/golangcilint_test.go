package golangci

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// golangciLintVersion is the golangci-lint the end-to-end test builds.
const golangciLintVersion = "v2.15.0"

// The end-to-end test builds golangci-lint with the plugin as `golangci-lint
// custom` does (a copy of cmd/golangci-lint/main.go and a file of blank
// imports, in a module that requires golangci-lint and replaces authvet with
// this checkout), once per test run, then runs it on fixture modules.
// `golangci-lint custom` itself clones golangci-lint with git; the module
// proxy serves the same source.
var (
	gclOnce sync.Once
	gclBin  string
	gclSkip string // why the build could not be made, when it cannot
	gclErr  error
	gclDir  string // the temp dir holding the build, removed at the end
)

func TestMain(m *testing.M) {
	code := m.Run()
	if gclDir != "" {
		os.RemoveAll(gclDir)
	}
	os.Exit(code)
}

// golangciLint returns the path of the custom golangci-lint binary.
func golangciLint(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("building golangci-lint takes minutes; skipped with -short")
	}
	gclOnce.Do(func() {
		gclDir, gclErr = os.MkdirTemp("", "authvet-golangci-lint-")
		if gclErr != nil {
			return
		}
		start := time.Now()
		gclBin, gclSkip, gclErr = buildGolangciLint(gclDir)
		if gclErr == nil && gclSkip == "" {
			t.Logf("built golangci-lint %s with the authvet plugin in %s", golangciLintVersion, time.Since(start).Round(time.Second))
		}
	})
	if gclSkip != "" {
		t.Skip(gclSkip)
	}
	if gclErr != nil {
		t.Fatal(gclErr)
	}
	return gclBin
}

// goCmd runs the go command in dir for a module outside this one.
func goCmd(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return out, fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, out)
	}
	return out, nil
}

// unreachable reports whether go's output says that a module could not
// be fetched.
func unreachable(out []byte) bool {
	for _, s := range []string{"dial tcp", "no such host", "connection refused", "i/o timeout", "proxy", "TLS handshake", "Forbidden", "unrecognized import path"} {
		if bytes.Contains(out, []byte(s)) {
			return true
		}
	}
	return false
}

func buildGolangciLint(dir string) (bin, skip string, err error) {
	checkout, err := filepath.Abs("..")
	if err != nil {
		return "", "", err
	}
	mod := filepath.Join(dir, "gcl")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		return "", "", err
	}
	out, err := goCmd(mod, "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciLintVersion)
	if err != nil {
		return "", fmt.Sprintf("cannot download golangci-lint %s from the module proxy: %v", golangciLintVersion, err), nil
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil || info.Dir == "" {
		return "", fmt.Sprintf("cannot download golangci-lint %s from the module proxy: %s", golangciLintVersion, out), nil
	}
	mainSrc, err := os.ReadFile(filepath.Join(info.Dir, "cmd", "golangci-lint", "main.go"))
	if err != nil {
		return "", "", fmt.Errorf("golangci-lint's main.go: %w", err)
	}
	files := map[string]string{
		"main.go":    string(mainSrc),
		"plugins.go": "package main\n\nimport _ \"github.com/authvet/authvet/golangci\"\n",
		"go.mod": "module authvet.test/golangci-lint\n\ngo 1.26.0\n\n" +
			"require (\n\tgithub.com/authvet/authvet v0.0.0-00010101000000-000000000000\n" +
			"\tgithub.com/golangci/golangci-lint/v2 " + golangciLintVersion + "\n)\n\n" +
			"replace github.com/authvet/authvet => " + checkout + "\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(mod, name), []byte(content), 0o644); err != nil {
			return "", "", err
		}
	}
	bin = filepath.Join(dir, "golangci-lint")
	if out, err := goCmd(mod, "build", "-o", bin, "."); err != nil {
		if unreachable(out) {
			return "", fmt.Sprintf("cannot download golangci-lint's dependencies: %v", err), nil
		}
		return "", "", err
	}
	return bin, "", nil
}

// fixture writes a module to lint: a package with authvet findings, and
// the given .golangci.yml.
func fixture(t *testing.T, golangciYML string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":        "module example.com/fixture\n\ngo 1.22\n",
		".golangci.yml": golangciYML,
		"client.go": `package fixture

import (
	"crypto/tls"
	"net/http"
)

// Calls holds authvet findings, and nothing golangci-lint's standard linters report.
func Calls() (*http.Response, *http.Response, *tls.Config, error) {
	a, err := http.Get("http://api.example.com/users")
	if err != nil {
		return nil, nil, nil, err
	}
	b, err := http.Get("http://legacy.example.net/users")
	return a, b, &tls.Config{InsecureSkipVerify: true}, err
}

// Ignored has a finding that an ignore comment covers.
func Ignored() (*http.Response, error) {
	//authvet:ignore plainhttp/url -- checked by the test
	return http.Get("http://api.example.com/ignored")
}

// UserPin is a credential only under the secret-names setting.
var UserPin = "Q2w9E4r7T1y6U3i8"
`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// golangciYML is the README's .golangci.yml with the given settings.
func golangciYML(settings string) string {
	return `version: "2"
linters:
  default: none
  enable:
    - authvet
  settings:
    custom:
      authvet:
        type: module
        description: authvet's API-security analyzers
        settings:
` + settings
}

type gclResult struct {
	code   int
	issues []string // "line: text (linter)"
	stderr string
}

func runGolangciLint(t *testing.T, bin, dir string) gclResult {
	t.Helper()
	report := filepath.Join(t.TempDir(), "report.json")
	cmd := exec.Command(bin, "run", "--output.json.path="+report, "--output.text.path=stderr", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir(), "GOWORK=off", "GOFLAGS=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	res := gclResult{stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		res.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("running golangci-lint: %v", err)
	}
	if data, err := os.ReadFile(report); err == nil && len(data) > 0 {
		var r struct {
			Issues []struct {
				FromLinter string
				Text       string
				Pos        struct {
					Filename string
					Line     int
				}
			}
		}
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatalf("golangci-lint's JSON report: %v\n%s", err, data)
		}
		for _, is := range r.Issues {
			res.issues = append(res.issues, fmt.Sprintf("%s:%d: %s (%s)", is.Pos.Filename, is.Pos.Line, is.Text, is.FromLinter))
		}
	}
	slices.Sort(res.issues)
	return res
}

// A real golangci-lint with the plugin reports authvet's findings under
// the settings of .golangci.yml: allow-hosts silences a host, a disabled
// rule is not reported, secret-names makes a name a credential, and an
// //authvet:ignore comment holds.
func TestRealGolangciLint(t *testing.T) {
	bin := golangciLint(t)
	dir := fixture(t, golangciYML(`          disable: [plainhttp/skip-verify]
          plainhttp:
            allow-hosts: [legacy.example.net]
          hardcodedcred:
            secret-names: [pin]
`))
	res := runGolangciLint(t, bin, dir)
	want := []string{
		"client.go:10: plainhttp: plain HTTP URL http://api.example.com reaches http.Get",
		"client.go:25: hardcodedcred: secret in var UserPin is a string literal",
	}
	if res.code != 1 || len(res.issues) != len(want) {
		t.Fatalf("golangci-lint exit code %d, issues:\n%s\nwant exit code 1 and issues starting:\n%s\nstderr:\n%s",
			res.code, strings.Join(res.issues, "\n"), strings.Join(want, "\n"), res.stderr)
	}
	for i, w := range want {
		if !strings.HasPrefix(res.issues[i], w) || !strings.HasSuffix(res.issues[i], "(authvet)") {
			t.Errorf("issue %d: %s\nwant one starting %q, from linter authvet", i, res.issues[i], w)
		}
	}

	// With default settings, the allowed host and the skip-verify
	// finding are reported, and the UserPin value is not a credential.
	res = runGolangciLint(t, bin, fixture(t, golangciYML("          {}\n")))
	got := strings.Join(res.issues, "\n")
	if res.code != 1 || !strings.Contains(got, "legacy.example.net") || !strings.Contains(got, "InsecureSkipVerify") || strings.Contains(got, "UserPin") {
		t.Errorf("default settings: exit code %d, issues:\n%s\nstderr:\n%s", res.code, got, res.stderr)
	}
}

// A misspelt setting stops golangci-lint with a message naming it, instead
// of running without it.
func TestRealGolangciLintMisspeltSetting(t *testing.T) {
	bin := golangciLint(t)
	for _, c := range []struct{ settings, want string }{
		{"          plainhttp:\n            allow-host: [legacy.example.net]\n", `plainhttp: unknown option "allow-host"`},
		{"          plainhtp:\n            allow-hosts: [legacy.example.net]\n", `unknown analyzer or setting "plainhtp"`},
		{"          hardcodedcred:\n            min-entropy: high\n", `option min-entropy: want a number`},
	} {
		res := runGolangciLint(t, bin, fixture(t, golangciYML(c.settings)))
		// golangci-lint's exit code for a failure (exitcodes.Failure).
		if res.code != 3 || !strings.Contains(res.stderr, c.want) || len(res.issues) > 0 {
			t.Errorf("settings\n%s: exit code %d, issues %v, stderr:\n%s\nwant exit code 3 and a message containing %q",
				c.settings, res.code, res.issues, res.stderr, c.want)
		}
	}
}

// readmeBlock returns the fenced code block of README.md whose first line
// is the given comment.
func readmeBlock(t *testing.T, first string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "```yaml\n"+first+"\n")
	if !ok {
		t.Fatalf("README.md has no yaml block starting %q", first)
	}
	block, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatalf("README.md: the yaml block starting %q is not closed", first)
	}
	return first + "\n" + block
}

// The README's .custom-gcl.yml builds the golangci-lint version the
// tests build, with this package as the plugin.
func TestReadmeCustomGCL(t *testing.T) {
	block := readmeBlock(t, "# .custom-gcl.yml")
	for _, want := range []string{
		"version: " + golangciLintVersion + " ",
		"- module: github.com/authvet/authvet\n",
		"import: github.com/authvet/authvet/golangci\n",
	} {
		if !strings.Contains(block, want) {
			t.Errorf("README's .custom-gcl.yml lacks %q:\n%s", want, block)
		}
	}
}

// The README's .golangci.yml works as shown: golangci-lint accepts every
// authvet setting in it, and authvet's findings follow them (its
// allow-hosts names another host than the fixture's, and secret-names
// holds pin).
func TestReadmeGolangciConfig(t *testing.T) {
	bin := golangciLint(t)
	res := runGolangciLint(t, bin, fixture(t, readmeBlock(t, "# .golangci.yml")))
	// golangci-lint keeps one issue per line by default (uniq-by-line),
	// so the fixture gives the standard linters nothing to report.
	var authvet []string
	for _, is := range res.issues {
		if strings.HasSuffix(is, "(authvet)") {
			authvet = append(authvet, is)
		}
	}
	want := []string{
		"client.go:10: plainhttp: plain HTTP URL http://api.example.com",
		"client.go:14: plainhttp: plain HTTP URL http://legacy.example.net",
		"client.go:25: hardcodedcred: secret in var UserPin",
	}
	if res.code != 1 || len(authvet) != len(want) {
		t.Fatalf("exit code %d, authvet issues:\n%s\nwant exit code 1 and:\n%s\nstderr:\n%s",
			res.code, strings.Join(authvet, "\n"), strings.Join(want, "\n"), res.stderr)
	}
	for i, w := range want {
		if !strings.HasPrefix(authvet[i], w) {
			t.Errorf("issue %d: %s\nwant one starting %q", i, authvet[i], w)
		}
	}
}
