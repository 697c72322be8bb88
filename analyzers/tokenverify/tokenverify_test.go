package tokenverify_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/authvet/authvet/analyzers/tokenverify"
	"github.com/authvet/authvet/internal/finding"
	"golang.org/x/tools/go/analysis/analysistest"
)

// fixtures are the analysistest packages, by rule. Each positive in
// them has a near miss beside it whose comment says why it is silent.
var fixtures = []struct {
	rule  string
	pkgs  []string
	fixes bool
}{
	{"alg", []string{"alg"}, false},
	{"unverified", []string{"unverified"}, false},
	{"unverified-discarded", []string{"discarded"}, false},
	{"compare-find-loop", []string{"findloop"}, false},
	{"fetched-token", []string{"fetchclient", "fetchedtoken"}, false},
	{"fetched-local", []string{"fetchedlocal"}, false},
	{"no-expiry", []string{"expiry"}, false},
	{"oidc", []string{"oidcskip", "oidcaud"}, true},
	{"oidc-field", []string{"oidcfield"}, false},
	{"oidc-optin", []string{"oidcoptin"}, false},
	{"oidc-options", []string{"oidcopt", "oidcoptuse"}, false},
	{"audience", []string{"audience"}, false},
	{"audience", []string{"provideraud/oidc", "provideraud/web", "provideraud/sessions"}, false},
	{"compare", []string{"compare"}, true},
	{"compare", []string{"prefixid"}, false},
	{"compare", []string{"plainkey"}, false},
	{"compare", []string{"claimparam"}, false},
	{"self-named", []string{"selfnamed"}, false},
	{"compare", []string{"expiringcode"}, false},
	{"compare", []string{"queryforward"}, false},
	{"compare", []string{"macconcat"}, false},
	{"compare", []string{"keyeddigest"}, false},
	{"compare", []string{"saltedcmp"}, false},
	{"compare", []string{"cmdargcmp"}, false},
	{"compare", []string{"anycmp"}, false},
	{"compare", []string{"selfderived"}, false},
	{"compare", []string{"hashedhelper"}, false},
	{"compare", []string{"mimeheader"}, false},
	{"compare", []string{"connopts"}, false},
	{"compare", []string{"maclib", "usemaclib"}, false},
	{"compare", []string{"valuelist"}, false},
	{"compare", []string{"foundflag"}, false},
	{"compare", []string{"cfggetter"}, false},
	{"state", []string{"state"}, false},
	{"state", []string{"reqstate"}, false},
	{"state", []string{"clistate"}, false},
	{"libraries", []string{"libs"}, false},
	{"unverified-select", []string{"unverifiedselect"}, false},
	{"http01-compare", []string{"http01cmp"}, false},
	{"freshness", []string{"fresh"}, false},
	{"compare-literal", []string{"compareliteral"}, false},
	{"validate-later", []string{"validatelater"}, false},
	{"caller-verifies", []string{"callerverify"}, false},
	{"reset-token", []string{"resettoken"}, false},
	{"client-expiry", []string{"clientexp"}, false},
	{"own-token-file", []string{"owntokenfile"}, false},
	{"derived-compare", []string{"derivedcmp"}, false},
	{"loaded-records", []string{"lookedup"}, false},
	{"claim-helper", []string{"claimhelper"}, false},
	{"pick-verifier", []string{"pickverifier"}, false},
	{"client-audience", []string{"clientaud"}, false},
	{"presented-compare", []string{"presented"}, false},
	{"compare-input", []string{"compareinput"}, false},
	{"token-kind", []string{"tokenkind"}, false},
	{"client-tokens", []string{"clienttokens"}, false},
	{"parser-literal", []string{"parserlit"}, false},
	{"peek-expiry", []string{"peekexpiry"}, false},
	{"compare-call", []string{"comparecall"}, false},
	{"vendor-header", []string{"vendorheader"}, false},
	{"authreject-call", []string{"authrejectcall"}, false},
	{"verify-helper", []string{"verifyhelper"}, false},
	{"prompt-retype", []string{"promptretype"}, false},
	{"prompt-retype", []string{"termkinds"}, false},
	{"compare-helper", []string{"comparehelper"}, false},
	{"fresh-caller", []string{"freshcaller"}, false},
}

// TestFixtures runs every fixture, then checks that every category
// reported has a rule and that the fixtures exercise every rule.
func TestFixtures(t *testing.T) {
	ids := ruleIDs(t)
	seen := map[string]bool{}
	ran := 0
	for _, fx := range fixtures {
		t.Run(fx.rule, func(t *testing.T) {
			ran++
			var results []*analysistest.Result
			if fx.fixes {
				results = analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tokenverify.Analyzer, fx.pkgs...)
			} else {
				results = analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, fx.pkgs...)
			}
			for _, res := range results {
				for _, d := range res.Diagnostics {
					id := tokenverify.Analyzer.Name + "/" + d.Category
					pos := res.Pass.Fset.Position(d.Pos)
					if !ids[id] {
						t.Errorf("%s: category %q has no rule", pos, d.Category)
					}
					if strings.HasSuffix(d.Message, ".") || capitalised(d.Message) {
						t.Errorf("%s: message %q should start lower case and have no final period", pos, d.Message)
					}
					seen[id] = true
				}
			}
		})
	}
	if t.Failed() || ran < len(fixtures) {
		// A failure or a -run filter: coverage cannot be judged.
		return
	}
	for id := range ids {
		if !seen[id] {
			t.Errorf("rule %s is never reported by the fixtures", id)
		}
	}
}

// capitalised reports whether s starts with an ordinary capitalised
// word ("Token …"), as opposed to an acronym or identifier ("API key",
// "HMAC", "OAuth2").
func capitalised(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	rs := []rune(w)
	if len(rs) < 2 || !unicode.IsUpper(rs[0]) {
		return false
	}
	for _, r := range rs[1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// ruleIDs checks the rule metadata and returns the rule ids.
func ruleIDs(t *testing.T) map[string]bool {
	t.Helper()
	if _, err := finding.NewCatalogue(tokenverify.Rules); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range tokenverify.Rules {
		if !strings.HasPrefix(r.ID, tokenverify.Analyzer.Name+"/") {
			t.Errorf("rule %s: id does not start with %s/", r.ID, tokenverify.Analyzer.Name)
		}
		if !strings.Contains(r.Help, "**Bad**") || !strings.Contains(r.Help, "**Good**") || !strings.Contains(r.Help, "Left alone") {
			t.Errorf("rule %s: help lacks a bad or good example or what is left alone", r.ID)
		}
		if strings.HasSuffix(r.Short, ".") || !unicode.IsLower([]rune(r.Short)[0]) {
			t.Errorf("rule %s: short description %q should start lower case and have no final period", r.ID, r.Short)
		}
		if len(r.CWE) == 0 {
			t.Errorf("rule %s: no CWE", r.ID)
		}
		ids[r.ID] = true
	}
	if len(ids) != 7 {
		t.Errorf("got %d rules, want 7", len(ids))
	}
	return ids
}

// TestRemembered: a field compared with a value the program then stores
// into it (here or through a caller storing the returned value) is the
// value presented before: a change check. Its own secret, a pin written
// before the comparison, or a caller storing something else stay
// reported.
// TestHandedOver: a value set as the caller's cookie when the compare
// says it differs is handed over on a mismatch; set only on a match, or
// a mismatch setting nothing or another value, is reported
// (handedover.go).
func TestHandedOver(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "handedover")
}

func TestRemembered(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "remember")
}

// TestSetterChange: a stored setting compared with a new value whose
// branch stores it again through a setter of the same record (a method
// named set/update/change/reset/store/save, or a method of the package
// whose body writes the compared field) is a change detected (change.go
// setsThroughMethod). Near misses: another record's setter, a method
// that stores nothing, a setter given another value, a same-package
// method writing another field, a login that sets after the check.
func TestSetterChange(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "settercfg", "settercmp", "cfgparam")
}

// TestUnchangedSkip: a value compared with the program's kept copy,
// returning when they agree and writing the new one back after (also in
// a locked func literal called at once), is a change detected (change.go
// unchangedSkip). Near misses: a match answered with success, a match
// that returns without writing back.
func TestUnchangedSkip(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "unchanged")
}

// TestAccessKeyPairs: an access key id matched in a package that pairs
// access keys with secret keys is no credential compare; the secret key
// is, and so is an access key with no secret beside it.
func TestAccessKeyPairs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "accesspair", "accessalone")
}

// TestRouterParams: a credential-named path parameter (httprouter's
// ps.ByName("secret"), r.PathValue("token")) is a presented credential,
// so comparing it with != against the secret a record keeps is a timing
// leak (routerparams); a constant-time compare and a compare of
// non-secret values are not.
func TestRouterParams(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "routerparams")
}
