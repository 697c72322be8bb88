package gitleaksrules

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

func TestClassifyProviderKeys(t *testing.T) {
	cases := []struct {
		name, prefix, key, rule, provider string
	}{
		{"aws bare", "", testkeys.AWS(1), "aws-access-token", "AWS"},
		{"github in assignment", `token = "`, testkeys.GitHub(2), "github-pat", "GitHub"},
		{"stripe in assignment", `stripeKey := "`, testkeys.Stripe(3), "stripe-access-token", "Stripe"},
		{"slack", `SLACK = "`, testkeys.Slack(4), "slack-bot-token", "Slack"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := c.prefix + c.key
			if c.prefix != "" {
				s += `"`
			}
			ms := Classify(s)
			if len(ms) != 1 {
				t.Fatalf("Classify(%s…) = %d matches %+v, want 1", s[:8], len(ms), ms)
			}
			m := ms[0]
			if m.RuleID != c.rule || m.Provider != c.provider {
				t.Errorf("got rule %q provider %q, want %q %q", m.RuleID, m.Provider, c.rule, c.provider)
			}
			if got := s[m.Start:m.End]; got != c.key {
				t.Errorf("offsets [%d,%d) select %q…, want the key", m.Start, m.End, finding.Redact(got))
			}
			if m.Description == "" {
				t.Error("no description")
			}
		})
	}
}

func TestClassifyGenericNeedsKeyword(t *testing.T) {
	v := testkeys.Generic(5)
	s := `apiKey = "` + v + `"`
	ms := Classify(s)
	if len(ms) != 1 || ms[0].RuleID != GenericRuleID {
		t.Fatalf("Classify(assignment) = %+v, want one generic-api-key", ms)
	}
	if s[ms[0].Start:ms[0].End] != v {
		t.Errorf("offsets select %q", s[ms[0].Start:ms[0].End])
	}
	// The same value with no credential-like name is not a generic key.
	if ms := Classify(v); len(ms) != 0 {
		t.Errorf("Classify(bare value) = %+v, want none", ms)
	}
}

func TestClassifySilent(t *testing.T) {
	for _, s := range []string{
		"",
		"hello world",
		`apiKey = "your-api-key-here"`,
		`password = "${DB_PASSWORD}"`,
		`token = "{{ .Token }}"`,
		"AKIA" + "IOSFODNN7EXAMPLE", // AWS's own documentation example
		`h1:` + "Zq7Xw2Rt9Lp4Vn8Km3Jd1/abcdEFGHijklMNOPqrst=",
	} {
		if ms := Classify(s); len(ms) != 0 {
			t.Errorf("Classify(%q) = %+v, want none", s, ms)
		}
	}
}

func TestSpecificWinsOverGeneric(t *testing.T) {
	key := testkeys.Stripe(6)
	s := `secret_key = "` + key + `"`
	ms := Classify(s)
	if len(ms) != 1 || ms[0].RuleID != "stripe-access-token" {
		t.Fatalf("got %+v, want only stripe-access-token", ms)
	}
}

func TestClassifyMultiLineOffsets(t *testing.T) {
	key := testkeys.GitHub(7)
	s := "first line\nsecond line\n\tvar x = \"" + key + "\"\nlast"
	ms := Classify(s)
	if len(ms) != 1 {
		t.Fatalf("got %+v", ms)
	}
	if s[ms[0].Start:ms[0].End] != key {
		t.Errorf("offsets [%d,%d) wrong", ms[0].Start, ms[0].End)
	}
	// Last line without a final newline.
	s = "a\nb = \"" + key
	ms = Classify(s)
	if len(ms) != 1 || s[ms[0].Start:ms[0].End] != key {
		t.Fatalf("last line: got %+v", ms)
	}
}

func TestClassifyConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 50 {
				k := testkeys.GitHub(uint64(100*i + j))
				if ms := Classify("x := \"" + k + "\""); len(ms) != 1 {
					t.Errorf("got %+v", ms)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestRulesMetadata(t *testing.T) {
	rs := Rules()
	if len(rs) < 150 {
		t.Fatalf("only %d rules", len(rs))
	}
	if _, err := finding.NewCatalogue(rs); err != nil {
		t.Fatal(err)
	}
	byID := map[string]finding.Rule{}
	for _, r := range rs {
		byID[r.ID] = r
		if !strings.HasPrefix(r.ID, "secret/") || !r.Sensitive || len(r.CWE) == 0 || r.CWE[0] != "CWE-798" {
			t.Errorf("%s: bad id/sensitive/cwe: %+v", r.ID, r)
		}
		if !strings.Contains(r.Help, "**Bad**") || !strings.Contains(r.Help, "**Good**") {
			t.Errorf("%s: help lacks bad/good examples", r.ID)
		}
		if r.Short != strings.ToLower(r.Short[:1])+r.Short[1:] || strings.HasSuffix(r.Short, ".") {
			t.Errorf("%s: short %q not lower case / ends with period", r.ID, r.Short)
		}
	}
	for id, minSev := range map[string]float64{"secret/aws-access-token": 7.5, "secret/github-pat": 7.5, "secret/stripe-access-token": 7.5, "secret/private-key": 7.5} {
		if byID[id].SecuritySeverity < minSev || byID[id].Level != finding.LevelError {
			t.Errorf("%s: severity %v level %s", id, byID[id].SecuritySeverity, byID[id].Level)
		}
	}
	if g := byID["secret/generic-api-key"]; g.SecuritySeverity >= 7 || g.Level != finding.LevelWarning {
		t.Errorf("generic: severity %v level %s", g.SecuritySeverity, g.Level)
	}
	if h := byID["secret/stripe-access-token"].Help; !strings.Contains(h, "Stripe") || !strings.Contains(h, "https://docs.stripe.com") {
		t.Errorf("stripe help lacks provider/rotation page: %s", h)
	}
}

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), ".gitleaks.toml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadSyntaxErrorNamesLine(t *testing.T) {
	p := writeConfig(t, "title = \"x\"\n\n[[rules]]\nid = \"a\"\nregex = '''abc\n")
	_, err := Load(p)
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Line == 0 || ce.Path != p {
		t.Fatalf("err = %v, want a ConfigError with a line", err)
	}
	if !strings.Contains(err.Error(), p+":") {
		t.Errorf("error %q does not name the file", err)
	}
}

func TestLoadBadRegexNamesLine(t *testing.T) {
	p := writeConfig(t, "title = \"x\"\n\n[[rules]]\nid = \"bad\"\nregex = '''(unclosed'''\n")
	_, err := Load(p)
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want ConfigError", err)
	}
	if ce.Line != 5 {
		t.Errorf("line = %d, want 5 (%v)", ce.Line, err)
	}
}

func TestLoadExtendDefaultTwice(t *testing.T) {
	// gitleaks counts extend depth in a global it never resets; loading
	// two configs that extend the default must still extend both.
	for i := range 3 {
		p := writeConfig(t, "[extend]\nuseDefault = true\ndisabledRules = [\"generic-api-key\"]\n\n[[rules]]\nid = \"acme-token\"\ndescription = \"Acme token\"\nregex = '''acme_[a-z0-9]{20}'''\nkeywords = [\"acme_\"]\n")
		s, err := Load(p)
		if err != nil {
			t.Fatal(err)
		}
		ids := strings.Join(s.RuleIDs(), " ")
		if !strings.Contains(ids, "aws-access-token") || !strings.Contains(ids, "acme-token") {
			t.Fatalf("load %d: rules lack default or custom: %d rules", i, len(s.RuleIDs()))
		}
		if strings.Contains(ids, "generic-api-key") {
			t.Errorf("load %d: disabled rule still present", i)
		}
		if hs := s.Classify(`x = "acme_` + testkeys.Hex(uint64(i), 20) + `"`); len(hs) != 1 || hs[0].RuleID != "acme-token" {
			t.Errorf("load %d: custom rule did not match: %+v", i, hs)
		}
		if s.Hash() == Default().Hash() {
			t.Error("custom set has the default's hash")
		}
	}
}

func TestLoadReplacesDefault(t *testing.T) {
	p := writeConfig(t, "[[rules]]\nid = \"only\"\nregex = '''only_[a-z]{12}'''\n")
	s, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if ids := s.RuleIDs(); len(ids) != 1 || ids[0] != "only" {
		t.Fatalf("rules = %v", ids)
	}
}

func BenchmarkClassifyLiteral(b *testing.B) {
	lits := []string{"hello world", "SELECT * FROM users WHERE id = $1", `apiKey = "` + testkeys.Generic(9) + `"`, "https://example.com/v1/items", "token"}
	Default()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Classify(lits[i%len(lits)])
	}
}

// TestV7AllowlistKeysNamed: a gitleaks v7 config (allowlist `regex`,
// `files`), which gitleaks v8 refuses with an allowlist "without a
// check", is still refused, and the error names the line and the v8
// key to write (v7keys.go). Near misses: a rule's own `regex` key, and
// an allowlist with no check and no v7 key, get gitleaks' message only.
func TestV7AllowlistKeysNamed(t *testing.T) {
	v7 := "title = \"x\"\n\n[[rules]]\n    description = \"AWS\"\n    regex = '''AKIA[A-Z0-9]{16}'''\n    [rules.allowlist]\n        description = \"examples\"\n        regex = '''AKIAIOSFODNN7EXAMPLE'''\n"
	_, err := Load(writeConfig(t, v7))
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("v7 config: err = %v, want a ConfigError", err)
	}
	if ce.Line != 8 || !strings.Contains(ce.Msg, "gitleaks v7's `regex` key") || !strings.Contains(ce.Msg, "regexes = [...]") {
		t.Errorf("v7 config: %v, want line 8 naming the v7 regex key and regexes", err)
	}
	files := "title = \"x\"\n\n[[rules]]\nid = \"a\"\nregex = '''abc[0-9]{8}'''\n\n[allowlist]\ndescription = \"files\"\nfiles = [ '''go.sum$''' ]\n"
	if _, err := Load(writeConfig(t, files)); err == nil || !strings.Contains(err.Error(), "paths = [...]") || !strings.Contains(err.Error(), ":9:") {
		t.Errorf("v7 files key: err = %v, want line 9 naming paths", err)
	}
	none := "title = \"x\"\n\n[[rules]]\nid = \"a\"\nregex = '''abc[0-9]{8}'''\n    [[rules.allowlists]]\n    description = \"nothing\"\n"
	_, err = Load(writeConfig(t, none))
	if err == nil || strings.Contains(err.Error(), "v7") {
		t.Errorf("no check, no v7 key: err = %v, want gitleaks' error without the v7 hint", err)
	}
}
