package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files and the README's rule reference")

const (
	rulesBegin = "<!-- rules:begin -->\n"
	rulesEnd   = "<!-- rules:end -->"
)

// TestREADMERules keeps the README's rule reference generated from the
// rule metadata, so docs and SARIF help never drift.
func TestREADMERules(t *testing.T) {
	path := filepath.Join(testutil.RepoRoot(t), "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, rulesBegin), strings.Index(s, rulesEnd)
	if i < 0 || j < i {
		t.Fatal("README lacks the rules markers")
	}
	cat, err := catalogue()
	if err != nil {
		t.Fatal(err)
	}
	var rules []finding.Rule
	for _, r := range cat.All() {
		if !strings.HasPrefix(r.ID, "secret/") {
			rules = append(rules, r)
		}
	}
	var buf bytes.Buffer
	WriteRulesMarkdown(&buf, rules)
	want := s[:i] + rulesBegin + buf.String() + s[j:]
	if want == s {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("README's rule reference is stale; run go test ./internal/cli -update")
}

// TestEveryRuleHasExamples checks the metadata every output relies on.
func TestEveryRuleHasExamples(t *testing.T) {
	cat, err := catalogue()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range cat.All() {
		if !strings.Contains(r.Help, "Bad") || !strings.Contains(r.Help, "Good") {
			t.Errorf("rule %s: help lacks a bad and a good example", r.ID)
		}
		if strings.HasSuffix(r.Short, ".") {
			t.Errorf("rule %s: short description ends with a period", r.ID)
		}
	}
}
