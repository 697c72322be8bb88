package config_test

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/authvet/authvet/analyzers/suite"
	"github.com/authvet/authvet/internal/config"
	"github.com/authvet/authvet/internal/lint"
)

var update = flag.Bool("update", false, "rewrite golden files and the checked-in schema")

// known is what the loader checks files against: the suite's analyzers
// and rules, as the go vet route uses.
func known() *config.Known {
	return config.NewKnown(suite.Analyzers(), append(suite.Rules(), lint.Rules...))
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDiscover(t *testing.T) {
	root := t.TempDir()
	// A repository holding a nested module, with the config at the top.
	write(t, filepath.Join(root, "repo/.git/HEAD"), "ref: refs/heads/main\n")
	write(t, filepath.Join(root, "repo/.authvet.yml"), "fail-on: error\n")
	write(t, filepath.Join(root, "repo/svc/go.mod"), "module example.com/svc\n")
	write(t, filepath.Join(root, "repo/svc/api/api.go"), "package api\n")
	// A module outside any repository, with a config above its root that
	// must not be used.
	write(t, filepath.Join(root, "loose/.authvet.yml"), "fail-on: error\n")
	write(t, filepath.Join(root, "loose/mod/go.mod"), "module example.com/mod\n")
	write(t, filepath.Join(root, "loose/mod/pkg/p.go"), "package pkg\n")
	// A module whose own config uses the .yaml spelling.
	write(t, filepath.Join(root, "yaml/go.mod"), "module example.com/y\n")
	write(t, filepath.Join(root, "yaml/.authvet.yaml"), "fail-on: error\n")
	write(t, filepath.Join(root, "yaml/sub/x.go"), "package sub\n")
	// A nearer config wins over the repository's.
	write(t, filepath.Join(root, "repo/svc/.authvet.yml"), "fail-on: note\n")
	write(t, filepath.Join(root, "repo/other/x.go"), "package other\n")
	// Both spellings in one directory are ambiguous.
	write(t, filepath.Join(root, "both/go.mod"), "module example.com/both\n")
	write(t, filepath.Join(root, "both/.authvet.yml"), "")
	write(t, filepath.Join(root, "both/.authvet.yaml"), "")

	for _, tc := range []struct{ start, want string }{
		{"repo/svc/api", "repo/svc/.authvet.yml"},
		{"repo/svc/api/api.go", "repo/svc/.authvet.yml"},
		{"repo/other", "repo/.authvet.yml"},
		{"repo", "repo/.authvet.yml"},
		{"loose/mod/pkg", ""},
		{"yaml/sub", "yaml/.authvet.yaml"},
	} {
		got, err := config.Discover(filepath.Join(root, tc.start))
		if err != nil {
			t.Errorf("Discover(%s): %v", tc.start, err)
			continue
		}
		want := ""
		if tc.want != "" {
			want = filepath.Join(root, tc.want)
		}
		if got != want {
			t.Errorf("Discover(%s) = %q, want %q", tc.start, got, want)
		}
	}
	if _, err := config.Discover(filepath.Join(root, "both")); err == nil || !strings.Contains(err.Error(), "both .authvet.yml and .authvet.yaml") {
		t.Errorf("Discover(both) error = %v, want the ambiguity named", err)
	}
}

func TestParseFull(t *testing.T) {
	f, err := config.Load("testdata/valid/full.yml", known())
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := filepath.Abs("testdata/valid")
	got := map[string]string{}
	for _, s := range f.Settings {
		got[s.Key] = s.Value
	}
	want := map[string]string{
		"rules.enable":               "hardcodedcred,plainhttp,tokenlog,scopecheck,tokenverify,authvet/ignore",
		"rules.disable":              "tokenverify/compare,secret/generic-api-key",
		"fail-on":                    "error",
		"baseline":                   filepath.Join(dir, "authvet-baseline.sarif"),
		"include-tests":              "true",
		"plainhttp.allow-hosts":      "legacy.internal.example.com,*.lab.example",
		"plainhttp.internal":         "true",
		"hardcodedcred.min-entropy":  "3.5",
		"hardcodedcred.secret-names": "sessionid,pin",
		"hardcodedcred.placeholders": "^dummy-.*$",
		"tokenlog.loggers":           "example.com/internal/obs.Debugf,example.com/internal/obs.Logger.Log",
		"scopecheck.authz-funcs":     "example.com/internal/authz.Require",
		"scopecheck.authn-funcs":     "",
		"scopecheck.broad-scopes":    "internal,-repo",
		"secrets.config":             filepath.Join(dir, ".gitleaks.toml"),
		"secrets.max-file-size":      "1048576",
		"secrets.cache":              filepath.Join(dir, ".cache/authvet"),
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("setting %s = %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d settings, want %d: %v", len(got), len(want), got)
	}
	if s := f.Settings[0]; s.Key != "rules.enable" || s.Pos != (config.Pos{Line: 3, Col: 11}) {
		t.Errorf("first setting %s at %v, want rules.enable at 3:11", s.Key, s.Pos)
	}
	for id, want := range map[string]string{
		"plainhttp/url": "error", "plainhttp/skip-verify": "", "scopecheck/route": "note",
		"tokenlog/error": "off", "tokenlog/log": "",
	} {
		if got := f.Level(id); got != want {
			t.Errorf("Level(%s) = %q, want %q", id, got, want)
		}
	}
	for _, tc := range []struct {
		rule, path string
		excluded   bool
	}{
		{"plainhttp/url", "a/testdata/b/c.go", true},
		{"secret/aws-access-token", "testdata/key.txt", true},
		{"plainhttp/url", "internal/mocks/m.go", true},
		{"plainhttp/url", "internal/mocksy/m.go", false},
		{"hardcodedcred/assignment", "internal/fixtures/f.go", true},
		{"hardcodedcred/sink", "internal/fixtures/f.go", false},
		{"tokenlog/print", "cmd/debug/main.go", true},
		{"tokenlog/print", "cmd/debugger/main.go", false},
		{"plainhttp/url", "../outside/testdata/x.go", false},
	} {
		if got := f.Excluded(tc.rule, filepath.Join(dir, filepath.FromSlash(tc.path))); got != tc.excluded {
			t.Errorf("Excluded(%s, %s) = %v, want %v", tc.rule, tc.path, got, tc.excluded)
		}
	}
	if f.Keep("tokenlog/error", filepath.Join(dir, "x.go")) {
		t.Error("Keep(tokenlog/error) = true, want false (level off)")
	}
}

func TestGlobMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"**/testdata/**", "testdata/x.go", true},
		{"**/testdata/**", "a/b/testdata/c/d.go", true},
		{"**/testdata/**", "a/testdatax/d.go", false},
		{"**/testdata", "a/testdata/d.go", true},
		{"*.pb.go", "api.pb.go", true},
		{"*.pb.go", "gen/api.pb.go", false},
		{"**/*.pb.go", "gen/api.pb.go", true},
		{"gen/**/*.go", "gen/x.go", true},
		{"gen/**/*.go", "gen/a/b/x.go", true},
		{"gen/**/*.go", "other/gen/x.go", false},
		{"./internal/mocks/", "internal/mocks/m.go", true},
		{"/internal/mocks", "internal/mocks/m.go", true},
		{"internal/mock?", "internal/mocks/m.go", true},
		{"internal/[mn]ocks/**", "internal/nocks/m.go", true},
	} {
		f, err := config.Parse([]byte("exclude: ['"+tc.pattern+"']\n"), "t.yml", "/r", known())
		if err != nil {
			t.Fatalf("pattern %q: %v", tc.pattern, err)
		}
		if got := f.Excluded("plainhttp/url", "/r/"+tc.path); got != tc.want {
			t.Errorf("%q matches %q = %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}

// TestErrors pins the message of every kind of mistake: file, line,
// column and, for a misspelling, the suggestion.
func TestErrors(t *testing.T) {
	k := known()
	var files []string
	for _, dir := range []string{"testdata/invalid", "testdata/errors"} {
		m, _ := filepath.Glob(filepath.Join(dir, "*.yml"))
		files = append(files, m...)
	}
	sort.Strings(files)
	if len(files) < 20 {
		t.Fatalf("found %d error examples, want at least 20", len(files))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = config.Parse(data, ".authvet.yml", "/repo", k)
			if err == nil {
				t.Fatalf("%s loaded without error", path)
			}
			got := err.Error() + "\n"
			golden := strings.TrimSuffix(path, ".yml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("error for %s:\n got: %s\nwant: %s", path, got, want)
			}
		})
	}
}

func TestValidExamplesLoad(t *testing.T) {
	m, _ := filepath.Glob("testdata/valid/*.yml")
	if len(m) == 0 {
		t.Fatal("no valid examples")
	}
	for _, path := range m {
		if _, err := config.Load(path, known()); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}
