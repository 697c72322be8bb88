package secrets

import (
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/gitleaksrules"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestKeywordOnlyInWord: a bare-hex match of a provider rule whose
// keyword occurs only inside longer words (sourcegraph in ResourceGraph)
// has no evidence; a keyword that starts a word anywhere in the text, a
// prefixed token, a decoded match and generic-api-key are not judged so.
func TestKeywordOnlyInWord(t *testing.T) {
	set := gitleaksrules.Default()
	hex40 := testkeys.Hex(890, 40)
	const sg = "sourcegraph-access-token"
	for _, tc := range []struct {
		name, rule, secret, text string
		decoded, want            bool
	}{
		// Positives.
		{"ResourceGraph page", sg, hex40, "<meta name=\"generator\" content=\"Relearn 9.0.3+" + hex40 + "\">\n<a>Azure ResourceGraph query</a>\n", false, true},
		{"twice inside words", sg, hex40, "resourcegraph.Client\nAzureResourceGraph\nrev: " + hex40 + "\n", false, true},
		// Near misses.
		{"keyword starts a word", sg, hex40, "endpoint: https://sourcegraph.com\ntoken: " + hex40 + "\n", false, false},
		{"keyword in a name", sg, hex40, "SOURCEGRAPH_TOKEN=" + hex40 + "\n", false, false},
		{"keyword after an underscore", sg, hex40, "src_sourcegraph_token = \"" + hex40 + "\" # ResourceGraph\n", false, false},
		{"prefixed token", sg, "sgp_" + hex40, "ResourceGraph\ntoken: sgp_" + hex40 + "\n", false, false},
		{"decoded", sg, hex40, "ResourceGraph\n", true, false},
		{"generic rule", gitleaksrules.GenericRuleID, hex40, "ResourceGraph\napi_key = " + hex40 + "\n", false, false},
		{"short hex", sg, hex40[:24], "ResourceGraph " + hex40[:24] + "\n", false, false},
	} {
		h := &gitleaksrules.Hit{RuleID: tc.rule, Secret: tc.secret, Decoded: tc.decoded}
		if got := keywordOnlyInWord(set, tc.text, h); got != tc.want {
			t.Errorf("%s: keywordOnlyInWord = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestKeywordInsideAWordIsNote: on a real history, a commit id in a
// generated page that mentions Azure ResourceGraph (sourcegraph's
// legacy 40-hex pattern, found by its keyword inside that word) is a
// note; a value under a credential name in the same kind of text is
// generic-api-key's finding and keeps its level; a 40-hex token beside a
// real Sourcegraph endpoint stays a Sourcegraph warning.
func TestKeywordInsideAWordIsNote(t *testing.T) {
	r := newRepo(t)
	build, named, real := testkeys.Hex(891, 40), testkeys.Hex(892, 40), testkeys.Hex(893, 40)
	r.write("dns/azure/index.html", "<html>\n<head>\n<meta name=\"generator\" content=\"Relearn 9.0.3+"+build+"\">\n</head>\n<body>Use an Azure ResourceGraph query.</body>\n</html>\n")
	r.write("providers/dns/azure/azure.toml", "Name = \"Azure\"\nDescription = '''Uses ResourceGraph.'''\nRun = '''\nAZURE_API_TOKEN="+named+" \\\nlego run\n'''\n")
	r.write("tools/search.env", "SRC_ENDPOINT=https://sourcegraph.acme.io\nSRC_ACCESS_TOKEN="+real+"\n")
	// The same token in a generated search index (bare, beside
	// "ResourceGraph") and under its name in a descriptor: the
	// descriptor's generic-api-key match decides the finding.
	both := testkeys.Hex(894, 40)
	r.write("searchindex.js", "var idx = [{\"t\": \"Azure ResourceGraph\", \"c\": \""+both+"\"}];\n")
	r.write("providers/dns/sonic/sonic.toml", "Name = \"Sonic\"\nSetup = '''\nSONIC_API_KEY="+both+" \\\nlego run\n'''\n")
	r.commit("pages and providers")
	res := scanRepo(t, Options{Root: r.dir})
	for _, tc := range []struct {
		path, rule string
		note       bool
	}{
		{"dns/azure/index.html", "secret/sourcegraph-access-token", true},
		{"providers/dns/azure/azure.toml", "secret/generic-api-key", false},
		{"tools/search.env", "secret/sourcegraph-access-token", false},
		{"providers/dns/sonic/sonic.toml", "secret/generic-api-key", false},
	} {
		f := findingAt(t, res, tc.path, "")
		if f.RuleID != tc.rule {
			t.Errorf("%s: rule %s, want %s", tc.path, f.RuleID, tc.rule)
		}
		if got := f.Level == finding.LevelNote; got != tc.note {
			t.Errorf("%s: level %s, want note %v: %s", tc.path, f.Level, tc.note, f.Message)
		}
		if tc.note && !strings.Contains(f.Message, "inside another word") {
			t.Errorf("%s: message %q lacks the reason", tc.path, f.Message)
		}
	}
	assertNoLeak(t, res, build, named, real, both)
}
