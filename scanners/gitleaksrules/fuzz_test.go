package gitleaksrules

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoadConfig feeds the gitleaks config loader arbitrary files (a
// repository's .gitleaks.toml is untrusted input): it must return a set
// or a *ConfigError, never panic or hang. It calls the uncached load, so
// that compiled sets do not pile up while fuzzing.
func FuzzLoadConfig(f *testing.F) {
	seeds := []string{
		"",
		"title = \"x\"\n",
		"[extend]\nuseDefault = true\n",
		"[extend]\nuseDefault = true\ndisabledRules = [\"generic-api-key\"]\n",
		"[[rules]]\nid = \"acme\"\nregex = '''acme_[a-z0-9]{20}'''\nkeywords = [\"acme_\"]\n",
		"[[rules]]\nid = \"bad\"\nregex = '''([a-z'''\n",
		"[[rules]]\nid = \"x\"\nregex = '''x'''\nsecretGroup = 9\n",
		"[[rules]]\nid = \"p\"\npath = '''\\.p12$'''\n",
		"[extend]\npath = \"/dev/zero\"\n",
		"[extend]\npath = \"/nonexistent\"\n",
		"[[allowlists]]\ntargetRules = [\"nope\"]\nregexes = ['''x''']\n",
		"[allowlist]\npaths = ['''a''']\n[[allowlists]]\npaths = ['''b''']\n",
		"[[rules]\n",
		"minVersion = \"v99.0.0\"\n[extend]\nuseDefault = true\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "gitleaks.toml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		loadMu.Lock()
		defer loadMu.Unlock()
		s, err := load(p)
		if err != nil {
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("error of type %T, want *ConfigError: %v", err, err)
			}
			return
		}
		if s == nil || len(s.RuleIDs()) == 0 {
			t.Fatal("no error and no rules")
		}
	})
}
