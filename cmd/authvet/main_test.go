package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/testutil"
)

// binary is the authvet binary built once for these tests, as a user
// would build it.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "authvet-bin")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "authvet")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic("building authvet: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func writeModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"api/api.go": `package api

import "net/http"

// BaseURL is the partner API.
const BaseURL = "http://partner.example.com/api"

func Get() (*http.Response, error) { return http.Get(BaseURL + "/items") }
`,
		"ok/ok.go": "package ok\n\nimport \"net/http\"\n\nfunc Get() (*http.Response, error) { return http.Get(\"https://partner.example.com\") }\n",
	}
	writeFiles(t, dir, files)
	return dir
}

func runIn(t *testing.T, dir string, name string, args ...string) (string, int) {
	t.Helper()
	return runEnv(t, dir, nil, name, args...)
}

// TestGoVetVettool runs the binary the way go vet does, through its
// unitchecker protocol.
func TestGoVetVettool(t *testing.T) {
	dir := writeModule(t)
	out, code := runIn(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if code == 0 {
		t.Fatalf("go vet -vettool passed on a plain-HTTP URL:\n%s", out)
	}
	if !strings.Contains(out, "api/api.go:6:") || !strings.Contains(out, "http") {
		t.Errorf("go vet output lacks the finding:\n%s", out)
	}
	if strings.Contains(out, "ok/ok.go") {
		t.Errorf("go vet reported the https package:\n%s", out)
	}
	// Suppression comments hold under go vet too.
	api := filepath.Join(dir, "api", "api.go")
	src, _ := os.ReadFile(api)
	os.WriteFile(api, []byte(strings.Replace(string(src), "// BaseURL is the partner API.", "//authvet:ignore plainhttp/url -- the partner's sandbox has no TLS", 1)), 0o644)
	if out, code := runIn(t, dir, "go", "vet", "-vettool="+binary, "./..."); code != 0 {
		t.Errorf("go vet reported a suppressed finding: exit %d\n%s", code, out)
	}
	os.WriteFile(api, src, 0o644)

	// Analyzer flags reach the analyzers under go vet too.
	out, code = runIn(t, dir, "go", "vet", "-vettool="+binary, "-plainhttp.allow-hosts=partner.example.com", "./...")
	if code != 0 {
		t.Errorf("go vet with the host allowed: exit %d\n%s", code, out)
	}
}

// TestBinaryScanInGitRepo builds a real git repository and runs the
// binary on it, as a user or CI would.
func TestBinaryScanInGitRepo(t *testing.T) {
	dir := writeModule(t)
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"add", "."},
		{"-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", "initial"},
	} {
		if out, code := runIn(t, dir, "git", args...); code != 0 {
			t.Fatalf("git %v: %s", args, out)
		}
	}
	sarifPath := filepath.Join(t.TempDir(), "out.sarif")
	out, code := runIn(t, dir, binary, "lint", "--format", "sarif", "-o", sarifPath)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	data, err := os.ReadFile(sarifPath)
	if err != nil {
		t.Fatal(err)
	}
	testutil.ValidateSARIF(t, data)
	for _, want := range []string{`"revisionId": "`, `"branch": "main"`, `"uri": "api/api.go"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
	out, code = runIn(t, dir, binary, "version")
	if code != 0 || !strings.Contains(out, "authvet") {
		t.Errorf("version: %d %s", code, out)
	}
}
