package hardcodedcred_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authvet/authvet/analyzers/hardcodedcred"
	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/gitleaksrules"
)

func TestSinks(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "sinks")
}

// TestMagicPrefix: a constant compared with the input cut to its length
// is a format's magic bytes (magicprefix fixture: two silent, three near
// misses reported).
func TestMagicPrefix(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "magicprefix")
}

// TestVersionLabel: a dotted version number keying an HMAC is a label
// (versionlabel fixture: two silent, four near misses reported).
func TestVersionLabel(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "versionlabel")
}

// TestEnvPrefix: a constant concatenation spelling an environment
// variable's name is no literal credential (envprefix fixture).
// A constant HMAC key whose MAC is fed a secret is a key-derivation
// label (kdflabel fixture: three silent, three near misses reported).
func TestKDFLabel(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "kdflabel")
}

func TestEnvPrefix(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "envprefix")
}

func TestAssignment(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "assign")
}

// TestPublicClientKeys: PostHog project keys and Stripe publishable
// keys are published by design; the same providers' secret keys and an
// ordinary key are still reported.
func TestPublicClientKeys(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "pubclientkey")
}

func TestKnownFormat(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "known")
}

// TestEmulatorDefaults: a published emulator or local-development
// default (internal/pubexample), a value its provider publishes (MinIO's
// playground key), or a secret equal to its own key id or user name, is
// reported under default-account (a note); its near misses keep their
// rule.
func TestEmulatorDefaults(t *testing.T) {
	for _, res := range analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "emulator", "sshident") {
		for _, d := range res.Diagnostics {
			want := strings.Contains(d.Message, "CWE-1392") || strings.Contains(d.Message, "published by its provider")
			if got := d.Category == "default-account"; got != want {
				t.Errorf("%s: category %q for %q", res.Pass.Fset.Position(d.Pos), d.Category, d.Message)
			}
			if want && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: a default-account note offers a fix", res.Pass.Fset.Position(d.Pos))
			}
		}
	}
}

// TestAzureKeys: an Azure Storage account key under an account- or
// storage-key name and the key of an Azure connection string are
// reported; the emulator's published key is a default-account note.
func TestAzureKeys(t *testing.T) {
	for _, res := range analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "azurekey") {
		for _, d := range res.Diagnostics {
			want := strings.Contains(d.Message, "CWE-1392")
			if got := d.Category == "default-account"; got != want {
				t.Errorf("%s: category %q for %q", res.Pass.Fset.Position(d.Pos), d.Category, d.Message)
			}
		}
	}
}

func TestSkipped(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "skip/gen", "skip/testdata/fixture", "skip/internal/testutil", "skip/oidctest")
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), hardcodedcred.Analyzer, "fix")
}

func TestFlags(t *testing.T) {
	fs := hardcodedcred.Analyzer.Flags
	for name, v := range map[string]string{"secret-names": "sessionid,pin", "placeholders": "^corp-dev-", "min-entropy": "4.5"} {
		if err := fs.Set(name, v); err != nil {
			t.Fatal(err)
		}
	}
	defer func() {
		// Restore the defaults for the other tests.
		hardcodedcred.ResetFlagsForTest()
	}()
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "flags")
}

// Every category the analyzer reports has full rule metadata.
func TestRules(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range hardcodedcred.Rules {
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
		if !r.Sensitive || len(r.CWE) == 0 || r.CWE[0] != "CWE-798" {
			t.Errorf("rule %s: want Sensitive and CWE-798", r.ID)
		}
		lo := 7.5
		if r.Level == finding.LevelNote {
			// A documented default password (default-account).
			lo = 4.0
		}
		if r.SecuritySeverity < lo || r.SecuritySeverity > 9.0 {
			t.Errorf("rule %s: security severity %v outside %v–9.0", r.ID, r.SecuritySeverity, lo)
		}
		if !strings.Contains(r.Help, "**Bad**") || !strings.Contains(r.Help, "**Good**") {
			t.Errorf("rule %s: help lacks a bad or good example", r.ID)
		}
		ids[r.ID] = true
	}
	for _, pkg := range []string{"sinks", "assign", "known", "fix", "account", "emulator", "azurekey"} {
		for _, res := range analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, pkg) {
			for _, d := range res.Diagnostics {
				if id := "hardcodedcred/" + d.Category; !ids[id] {
					t.Errorf("%s: category %q has no rule %s", pkg, d.Category, id)
				}
			}
		}
	}
}

// The gitleaks rules are compiled once per process, not per package: after
// the analyzer has run over several packages, classifying one more value
// allocates a few dozen objects, where compiling the rules allocates
// over 100,000.
func TestRulesCompiledOnce(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "known", "sinks")
	set := gitleaksrules.Default()
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "assign")
	if gitleaksrules.Default() != set {
		t.Fatal("gitleaksrules.Default returned a new rule set")
	}
	allocs := testing.AllocsPerRun(5, func() {
		gitleaksrules.Classify("ghp_R7aXk2Qm9LpZ4vT8wYc1Nb6Hd3Jf5Ge0Us2i")
	})
	if allocs > 1000 {
		t.Fatalf("classifying a value allocates %v objects: are the rules compiled per call?", allocs)
	}
}

// TestMisses: credentials set field by field on a config, nested in a
// default-config literal, under short names (pw, bearer) and in Bearer
// header values, with the near misses beside them.
func TestMisses(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "misses")
}

// TestDefaultAccount: accounts created with a fixed password (CWE-1392),
// at note level, with the near misses beside them.
func TestDefaultAccount(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "account")
}

// TestBlind5Classes runs the fixture of the classes the blind5 set
// exposed (docs/precision-blind5.md): a pepper is a secret name, and a
// key held by a constant is reported at the constant only, not again in
// the constant expressions built from it.
func TestBlind5Classes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "blind5")
}

// TestStandIn: a credential written as an identifier whose words say it
// stands in (NoOpSecretKey, no-op-secret, STUB_SECRET_KEY) is a
// placeholder; generated values and words that only contain a marker
// are still reported.
func TestStandIn(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "standin")
}

// TestSQLPasswords: a password in SQL that creates or alters a database
// account (sqlpass.go).
func TestSQLPasswords(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "sqlpass")
}

// TestFallbackPassword: an account created with a configured password
// that falls back to a fixed one (account.go, fallbackDefault).
func TestFallbackPassword(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "fallbackpw")
}

// TestEnumLabel: a constant of a string enumeration whose value is an
// identifier is a label, whatever its name says (enumlabel fixture: two
// enumerations silent; a lone typed constant, a credential-named type
// and secret-shaped members reported).
func TestEnumLabel(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "enumlabel")
}

// TestKeyPrefix: under a name whose last word is a bare "key", a secret
// key's prefix before a random run is an API key (keyprefix fixture:
// two reported; a locale, words, a placeholder, a publishable key, a
// short value and an unprefixed random value left alone).
func TestKeyPrefix(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "keyprefix")
}

// TestKeyNames: a value stored under a Key name that is words with a
// protocol's version (go_oauth2_server_user) names an entry (keyname
// fixture: two silent; digits inside runs, and one run, reported).
func TestKeyNames(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "keyname")
}
