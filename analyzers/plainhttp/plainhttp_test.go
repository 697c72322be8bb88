package plainhttp_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/analyzers/plainhttp"
	"github.com/authvet/authvet/internal/finding"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAnalyzer checks the // want comments of the url and TLS fixtures,
// and then, on the same results, the rule metadata and message form.
func TestAnalyzer(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "a", "tlscheck", "apitest", "harness", "tlsprobe", "tlsscan", "mtlsserver", "placeholder", "nocred", "grpcdial", "tlspin", "sshhostkey", "sshgogit", "sshoptout", "tlsserver", "urllist", "yesno", "selfdial", "localonly", "otlpexp")
	var diags []analysis.Diagnostic
	for _, r := range results {
		diags = append(diags, r.Diagnostics...)
	}
	t.Run("rules", func(t *testing.T) { checkRules(t, diags) })
	t.Run("messages", func(t *testing.T) { checkMessages(t, diags) })
	t.Run("no-credential", func(t *testing.T) { checkNoCredential(t, diags) })
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), plainhttp.Analyzer, "fix")
}

// setFlag sets an analyzer flag for one test and restores it after.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := plainhttp.Analyzer.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("no flag %s", name)
	}
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

func TestAllowHosts(t *testing.T) {
	setFlag(t, "allow-hosts", "legacy.example.com, .lab.example")
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "allow")
}

func TestInternal(t *testing.T) {
	setFlag(t, "internal", "true")
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "internalhosts")
}

// checkRules checks that every category the analyzer reports has valid
// metadata, and that every rule is reported by the fixtures.
func checkRules(t *testing.T, diags []analysis.Diagnostic) {
	if _, err := finding.NewCatalogue(plainhttp.Rules); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, d := range diags {
		seen[plainhttp.Analyzer.Name+"/"+d.Category] = true
	}
	ids := map[string]bool{}
	for _, r := range plainhttp.Rules {
		ids[r.ID] = true
		if !seen[r.ID] {
			t.Errorf("rule %s is never reported by the tests", r.ID)
		}
		if !strings.Contains(r.Help, "**Bad**") || !strings.Contains(r.Help, "**Good**") || !strings.Contains(r.Help, "Left alone") {
			t.Errorf("rule %s: help lacks a bad or good example or what is left alone", r.ID)
		}
		if len(r.CWE) == 0 {
			t.Errorf("rule %s has no CWE", r.ID)
		}
	}
	for id := range seen {
		if !ids[id] {
			t.Errorf("category %s has no rule in Rules", id)
		}
	}
}

// checkMessages checks the messages' form: lower case, no final period,
// no user information from the URL.
func checkMessages(t *testing.T, diags []analysis.Diagnostic) {
	if len(diags) == 0 {
		t.Fatal("no diagnostics")
	}
	for _, d := range diags {
		m := d.Message
		if strings.HasSuffix(m, ".") || strings.ToLower(m[:1]) != m[:1] {
			t.Errorf("message %q: want lower case and no final period", m)
		}
		if strings.Contains(m, "s3cr3t") || strings.Contains(m, "bob") {
			t.Errorf("message %q quotes user information", m)
		}
	}
}

// TestIdentifierURIs: a constant named ...URI is an identifier (an RTP
// header extension, a profile) unless an API word says where an API
// lives; fetched from another package, it is reported at the call.
func TestIdentifierURIs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "uriident", "useuriident")
}

// TestHarnessImports loads a module whose non-test files import
// test-only libraries of other modules (a container harness, testify,
// a mock identity provider): they are test support and silent. Files
// importing "testing", httptest, a library named like a word ending in
// "test", or the module's own fake package are production and reported.
func TestHarnessImports(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "harnessmod")
	analysistest.Run(t, dir, plainhttp.Analyzer, "./...")
}

// TestBlind5Classes runs the fixture of the classes the blind5 set
// exposed (docs/precision-blind5.md): credentials set on a resty client
// or request in its configuring chain, a url.Values form literal with a
// credential key, and OIDC issuer names as base-URL names (a bare
// Issuer field, a token's claim, stays silent).
func TestBlind5Classes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "credforms")
}

// TestBuiltOnly: a request made only to use its helpers (SetBasicAuth,
// AddCookie, Header) and never sent carries its URL nowhere; one sent,
// returned, stored, copied or whose URL goes on is still reported.
func TestBuiltOnly(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "builtonly")
}

// TestOverwritten checks that a plain default replaced by a TLS URL
// before every read is left alone (overwritten.go).
func TestOverwritten(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "overwritten")
}

// A client that decides the scheme itself (its Do sets req.URL.Scheme,
// or it normalises the URL first), in another package, through a
// wrapper of a third: its URLs are not plain HTTP the code chose.
func TestSchemeClient(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "schemeclient", "schemeclient/httpc", "schemeclient/wrap")
}

// An insecure client kept in a field read only under the caller's
// opt-in is the user's choice (fieldchosen.go); read unconditionally,
// or not read in the package, it is reported.
func TestFieldChosen(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "fieldchosen")
}

// TestEnvDefaults: a helper that returns its default argument when an
// environment variable is unset returns, at each call, that call's
// default: a plain default of a fallback server's URL is reported, the
// other calls' defaults (https, loopback, a home page) are not its value.
func TestEnvDefaults(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "example.com/envdefault")
}

// TestLibraryTLSConfig: a library's own TLS settings (Consul's
// api.TLSConfig) with a bool InsecureSkipVerify set to true turn
// verification off as tls.Config's does; false, a user's flag (a note)
// and a field of that name that is no bool are judged accordingly
// (example.com/libtls).
func TestLibraryTLSConfig(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "example.com/libtls", "example.com/restonly")
}

// TestTagDefaults: a setting whose struct tag declares a default on the
// loopback interface (default:"127.0.0.1", envDefault:"http://localhost…")
// is the local machine's address; one whose default is a remote or
// private host, or that declares none, is a host known at run time
// (example.com/tagdefault).
func TestTagDefaults(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer, "example.com/tagdefault")
}
