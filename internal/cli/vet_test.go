package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestVetPackageDir: the package directory comes from go vet's .cfg;
// the standard library and module-cache dependencies get none, so a
// config file never reaches them.
func TestVetPackageDir(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, cfg, want string }{
		{"main module", `{"ImportPath":"example.com/svc/api","Dir":"/src/api","GoFiles":["/src/svc/api/api.go"]}`, "/src/svc/api"},
		{"relative files", `{"ImportPath":"example.com/svc/api","Dir":"/src/api","GoFiles":["api.go"]}`, "/src/api"},
		{"standard library", `{"ImportPath":"net/http","Dir":"/go/src/net/http","GoFiles":["/go/src/net/http/client.go"],"Standard":{"net/http":true}}`, ""},
		{"dependency", `{"ImportPath":"example.com/dep","GoFiles":["/mod/example.com/dep@v1.2.3/d.go"],"ModuleVersion":"v1.2.3"}`, ""},
		{"dependency (go1.27 form)", `{"ImportPath":"example.com/dep","GoFiles":["/mod/example.com/dep@v1.2.3/d.go"],"Module":{"Path":"example.com/dep","Version":"v1.2.3"}}`, ""},
	} {
		p := filepath.Join(dir, "vet.cfg")
		if err := os.WriteFile(p, []byte(tc.cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := vetPackageDir(p)
		if err != nil || got != tc.want {
			t.Errorf("%s: vetPackageDir = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	if _, err := vetPackageDir(filepath.Join(dir, "missing.cfg")); err == nil {
		t.Error("a missing .cfg file gave no error")
	}
}
