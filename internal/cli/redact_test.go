package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/authvet/authvet/internal/testutil"
	"github.com/authvet/authvet/scanners/gitleaksrules"
	"github.com/authvet/authvet/scanners/testkeys"
)

// ruleSamples returns, for every gitleaks rule it can build one for, a
// text the rule reports, and the secret value it reports in it. The
// samples come from the rules' own regexes (testkeys.FromRegex), checked
// against the rule, so that a rule added to gitleaks is covered without a
// hand-written key.
func ruleSamples(t *testing.T) (texts []string, secrets []string) {
	t.Helper()
	set := gitleaksrules.Default()
	var missing []string
	for _, id := range set.RuleIDs() {
		expr := set.RuleRegex(id)
		if expr == "" {
			continue // matches by file name only: nothing to plant on a line
		}
		found := false
		// Each rule draws its own characters, so that no sample is a
		// substring of another's.
		base := uint64(len(texts)+1) << 20
		for seed := base; seed < base+200 && !found; seed++ {
			s, err := testkeys.FromRegex(expr, seed)
			if err != nil {
				t.Fatal(err)
			}
			if strings.ContainsAny(s, "\n\r\"\\`") || strings.Contains(s, "*/") {
				continue
			}
			for _, h := range set.Detect(context.Background(), gitleaksrules.Fragment{Text: "x := 1 // " + s}) {
				if h.RuleID == id && !h.Decoded && len(h.Secret) >= 8 {
					texts, secrets = append(texts, s), append(secrets, h.Secret)
					found = true
					break
				}
			}
		}
		if !found {
			missing = append(missing, id)
		}
	}
	t.Logf("planted samples of %d gitleaks rules; no single-line sample for %d: %v", len(texts), len(missing), missing)
	if len(texts) < 200 {
		t.Fatalf("only %d rules have a sample: the generator or the rules changed", len(texts))
	}
	return texts, secrets
}

// TestNoSecretInAnyOutput is the property that redaction belongs to the
// report, not to a rule: a key of every secret rule is planted on lines
// that the analyzers flag for reasons of their own (a plain-HTTP URL, a
// disabled certificate check, a logged API key, a suppression comment
// without a reason, an unverified JWT), and no output of lint, secrets or scan, in any
// format, may hold one.
func TestNoSecretInAnyOutput(t *testing.T) {
	texts, secrets := ruleSamples(t)
	if testing.Short() {
		// Every seventh rule keeps -short quick; the full run plants all.
		var tt, ss []string
		for i := 0; i < len(texts); i += 7 {
			tt, ss = append(tt, texts[i]), append(ss, secrets[i])
		}
		texts, secrets = tt, ss
	}
	dir, _, commit := gitFixture(t)
	// tokenverify needs a JWT library: the analyzer's own test stub,
	// as a local module.
	stub, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "analyzers/tokenverify/testdata/src/github.com/golang-jwt/jwt/v5/jwt.go"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "jwtstub", "go.mod"), "module github.com/golang-jwt/jwt/v5\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "jwtstub", "jwt.go"), string(stub))
	var src strings.Builder
	src.WriteString("package app\n\nimport (\n\t\"crypto/tls\"\n\t\"log\"\n\t\"net/http\"\n\n\t\"github.com/golang-jwt/jwt/v5\"\n)\n\ntype Client struct{ APIKey string }\n\n")
	for i, s := range texts {
		fmt.Fprintf(&src, "const url%d = \"http://api.example.com/v1?q=%s\" // %s\n\n", i, s, s)
		fmt.Fprintf(&src, "func get%d(key string) {\n\treq, _ := http.NewRequest(\"GET\", url%d, nil)\n\treq.Header.Set(\"Authorization\", key)\n\thttp.DefaultClient.Do(req)\n}\n\n", i, i)
		fmt.Fprintf(&src, "func log%d(c *Client) {\n\tlog.Printf(\"GET (key %%s)\", c.APIKey) // %s\n}\n\n", i, s)
		fmt.Fprintf(&src, "func tls%d() *tls.Config {\n\treturn &tls.Config{InsecureSkipVerify: true} // %s\n}\n\n", i, s)
		fmt.Fprintf(&src, "//authvet:ignore plainhttp %s\n\n", s)
		fmt.Fprintf(&src, "func unv%d(raw string) bool {\n\ttok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // %s\n"+
			"\tif err != nil {\n\t\treturn false\n\t}\n\tclaims, ok := tok.Claims.(jwt.MapClaims)\n\treturn ok && claims[\"role\"] == \"admin\"\n}\n\n", i, s)
	}
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/app\n\ngo 1.22\n\nrequire github.com/golang-jwt/jwt/v5 v5.0.0\n\nreplace github.com/golang-jwt/jwt/v5 => ./jwtstub\n")
	writeFile(t, filepath.Join(dir, "app.go"), src.String())
	commit("add app")

	carriers := map[string]bool{"plainhttp/url": false, "plainhttp/skip-verify": false, "tokenlog/log": false, "authvet/ignore": false, "tokenverify/unverified": false}
	for _, cmd := range [][]string{
		{"lint"},
		{"secrets", "--no-cache"},
		{"secrets", "--no-git"},
		{"scan", "--no-cache"},
	} {
		for _, format := range []string{"text", "json", "sarif"} {
			args := append(append([]string{}, cmd...), "--format", format, "--fail-on", "none", dir)
			if cmd[0] == "lint" {
				args = append(append([]string{}, cmd...), "--format", format, "--fail-on", "none", "./...")
			}
			out := filepath.Join(t.TempDir(), "report")
			args = append(args, "-o", out)
			start := time.Now()
			stdout, stderr, code := authvet(t, dir, args...)
			t.Logf("authvet %v: %v", args[:len(cmd)+2], time.Since(start).Round(time.Millisecond))
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("authvet %v: no report (exit %d): %v\n%s", args, code, err, stderr)
			}
			if code != ExitOK {
				t.Errorf("authvet %v: exit %d\n%s", args, code, stderr)
			}
			all := stdout + stderr + string(data)
			leaked := 0
			for i, s := range secrets {
				if strings.Contains(all, s) {
					if leaked < 5 {
						t.Errorf("authvet %v: the sample %q of a secret rule is in the output: %s", args, texts[i], lineWith(all, s))
					}
					leaked++
				}
			}
			if leaked > 0 {
				t.Errorf("authvet %v: %d of %d planted secrets leaked", args, leaked, len(secrets))
			}
			if format == "json" && cmd[0] != "secrets" {
				var doc struct {
					Findings []struct {
						RuleID string `json:"ruleId"`
					} `json:"findings"`
				}
				if err := json.Unmarshal(data, &doc); err != nil {
					t.Fatal(err)
				}
				for _, f := range doc.Findings {
					if _, ok := carriers[f.RuleID]; ok {
						carriers[f.RuleID] = true
					}
				}
			}
		}
	}
	for rule, seen := range carriers {
		if !seen {
			t.Errorf("no %s finding: the fixture no longer plants secrets on the lines that rule flags", rule)
		}
	}
}

// lineWith returns the line of text that holds s.
func lineWith(text, s string) string {
	i := strings.Index(text, s)
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		return text[start:]
	}
	return text[start : i+end]
}
