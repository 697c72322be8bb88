package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeCredModule writes a module where a JWT reaches an unprotected
// cookie through a helper of another package (so the finding needs
// facts), and an API key reaches a URL's query.
func writeCredModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"sess/sess.go": `package sess

import "net/http"

// Set stores v in the session cookie, without its flags.
func Set(w http.ResponseWriter, v string) {
	http.SetCookie(w, &http.Cookie{Name: "c1", Value: v, Path: "/"})
}
`,
		"web/web.go": `package web

import (
	"net/http"
	"os"

	"example.com/m/sess"
)

func Login(w http.ResponseWriter, r *http.Request) {
	sess.Set(w, os.Getenv("SERVICE_TOKEN"))
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: os.Getenv("SERVICE_TOKEN")})
}

func Weather() (*http.Response, error) {
	return http.Get("https://api.vendor.example.com/v1/today?api_key=" + os.Getenv("WEATHER_API_KEY"))
}
`,
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCredexposureBinary runs credexposure as a user would: the lint
// command, go vet -vettool with the analyzer's option, and --fix.
func TestCredexposureBinary(t *testing.T) {
	dir := writeCredModule(t)
	out, code := runIn(t, dir, binary, "lint", "--enable", "credexposure", "-q")
	if code != 1 {
		t.Fatalf("lint: exit %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{
		`web/web.go:11:2: warning credexposure/cookie: token from environment variable SERVICE_TOKEN reaches cookie "c1" set by http.SetCookie via sess.Set without Secure and HttpOnly`,
		`web/web.go:12:21: warning credexposure/cookie: token from environment variable SERVICE_TOKEN reaches cookie "auth"`,
		`web/web.go:16:69:`,
		`credexposure/query: API key from environment variable WEATHER_API_KEY is put in the query string of a URL sent by http.Get`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lint output lacks %q:\n%s", want, out)
		}
	}

	out, code = runIn(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if code == 0 || !strings.Contains(out, "via sess.Set") || !strings.Contains(out, "query string") {
		t.Errorf("go vet -vettool: exit %d, want both findings:\n%s", code, out)
	}
	out, _ = runIn(t, dir, "go", "vet", "-vettool="+binary, "-credexposure.allow-query-hosts=api.vendor.example.com", "./...")
	if strings.Contains(out, "query string") || !strings.Contains(out, "via sess.Set") {
		t.Errorf("go vet with the host allowed still reports the query, or lost the cookie:\n%s", out)
	}

	if out, code := runIn(t, dir, binary, "lint", "--enable", "credexposure", "--fix", "-q"); code == 2 {
		t.Fatalf("lint --fix: exit 2:\n%s", out)
	}
	src, err := os.ReadFile(filepath.Join(dir, "web", "web.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), `Value: os.Getenv("SERVICE_TOKEN"), Secure: true, HttpOnly: true}`) {
		t.Errorf("--fix did not add the flags:\n%s", src)
	}
	out, _ = runIn(t, dir, binary, "lint", "--enable", "credexposure", "-q")
	if strings.Contains(out, `cookie "auth"`) {
		t.Errorf("the fixed cookie is still reported:\n%s", out)
	}
}
