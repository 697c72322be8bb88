package oauthredirect_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/authvet/authvet/analyzers/oauthredirect"
	"github.com/authvet/authvet/internal/finding"
	"golang.org/x/tools/go/analysis/analysistest"
)

// fixtures are the analysistest packages. Each positive in them has a
// near miss beside it whose comment says why it is silent.
var fixtures = []string{"nethttp", "frameworks", "dynamic", "crosspkg", "cookies", "patterns", "generic", "body", "schemeguard", "followopt", "signedurl", "pathonly", "cookieset", "verdict", "derived", "wrapguard", "echov5", "dispatchflow"}

// TestFixtures runs every fixture, then checks that every category
// reported has a rule and that the fixtures exercise every rule.
func TestFixtures(t *testing.T) {
	ids := ruleIDs(t)
	seen := map[string]bool{}
	results := analysistest.Run(t, analysistest.TestData(), oauthredirect.Analyzer, fixtures...)
	for _, res := range results {
		for _, d := range res.Diagnostics {
			id := oauthredirect.Analyzer.Name + "/" + d.Category
			pos := res.Pass.Fset.Position(d.Pos)
			if !ids[id] {
				t.Errorf("%s: category %q has no rule", pos, d.Category)
			}
			if strings.HasSuffix(d.Message, ".") || unicode.IsUpper([]rune(d.Message)[0]) {
				t.Errorf("%s: message %q should start lower case and have no final period", pos, d.Message)
			}
			seen[id] = true
		}
	}
	if t.Failed() {
		return
	}
	for id := range ids {
		if !seen[id] {
			t.Errorf("rule %s is never reported by the fixtures", id)
		}
	}
}

// ruleIDs checks the rule metadata and returns the rule ids.
func ruleIDs(t *testing.T) map[string]bool {
	t.Helper()
	if _, err := finding.NewCatalogue(oauthredirect.Rules); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range oauthredirect.Rules {
		if !strings.HasPrefix(r.ID, oauthredirect.Analyzer.Name+"/") {
			t.Errorf("rule %s: id does not start with %s/", r.ID, oauthredirect.Analyzer.Name)
		}
		if !strings.Contains(r.Help, "**Bad**") || !strings.Contains(r.Help, "**Good**") || !strings.Contains(r.Help, "Left alone") {
			t.Errorf("rule %s: help lacks a bad or good example or what is left alone", r.ID)
		}
		if !strings.Contains(strings.Join(r.CWE, ","), "CWE-601") {
			t.Errorf("rule %s: want CWE-601", r.ID)
		}
		ids[r.ID] = true
	}
	return ids
}

// TestEverywhere checks that -everywhere reports plain handlers too,
// and that validation still silences them.
func TestEverywhere(t *testing.T) {
	f := oauthredirect.Analyzer.Flags.Lookup("everywhere")
	if f == nil {
		t.Fatal("no flag everywhere")
	}
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set("false") })
	analysistest.Run(t, analysistest.TestData(), oauthredirect.Analyzer, "everywhere")
}

// TestScopedByDefault checks that without -everywhere the plain
// handlers of the same package are silent.
func TestScopedByDefault(t *testing.T) {
	res := analysistest.Run(&quiet{T: t}, analysistest.TestData(), oauthredirect.Analyzer, "everywhere")
	for _, r := range res {
		if len(r.Diagnostics) != 0 {
			t.Errorf("got %d diagnostics without -everywhere, want 0", len(r.Diagnostics))
		}
	}
}

// quiet drops analysistest's complaints about unmatched // want
// comments: TestScopedByDefault runs a fixture written for -everywhere.
type quiet struct{ *testing.T }

func (q *quiet) Errorf(format string, args ...any) {}

// TestFlow checks that a finding carries the flow from the request read
// to the redirect, source first.
func TestFlow(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), oauthredirect.Analyzer, "nethttp")
	found := false
	for _, res := range results {
		for _, d := range res.Diagnostics {
			if !strings.Contains(d.Message, `query parameter "next"`) || !strings.HasPrefix(d.Message, "http.Redirect") {
				continue
			}
			if len(d.Related) != 2 {
				t.Errorf("%s: got %d related locations, want 2 (source, sink)", res.Pass.Fset.Position(d.Pos), len(d.Related))
				continue
			}
			if !strings.HasSuffix(d.Related[0].Message, "is read here") || d.Related[1].Pos != d.Pos {
				t.Errorf("%s: flow %q, %q: want the read first and the redirect last", res.Pass.Fset.Position(d.Pos), d.Related[0].Message, d.Related[1].Message)
			}
			if d.Related[0].Pos == d.Pos {
				t.Errorf("%s: the source is the sink", res.Pass.Fset.Position(d.Pos))
			}
			found = true
		}
	}
	if !found {
		t.Fatal("no http.Redirect finding on the query parameter \"next\" in nethttp")
	}
}

// TestBlind5Classes runs the fixture of the class the blind5 set exposed
// (docs/precision-blind5.md): a struct decoded with encoding/json from
// request data (a state parameter base64-decoded in a helper, a form
// value) holds request data; a document of the program's own, a checked
// and a MAC-covered return URL stay silent.
func TestBlind5Classes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), oauthredirect.Analyzer, "decodedstate")
}
