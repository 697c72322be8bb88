package secrets

import (
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// chunk is a line of a base64 blob: random text with word inside it,
// 80 characters, word 8 characters from the end.
func chunk(seed uint64, word string) string {
	r := testkeys.Generic(seed) + testkeys.Generic(seed+1) + testkeys.Generic(seed+2)
	r = strings.NewReplacer("a", "+", "q", "/").Replace(r[:20]) + r[20:]
	return r[:80-len(word)-8] + word + r[80:88]
}

// TestKeywordInBlob: generic-api-key's keyword found only inside a run
// of random text (a line of an encoded blob) leads to no name.
// Positives: a Go slice of base64 lines with "api", "Key" and "token"
// inside the line before the value. Near misses: the value under apiKey,
// under AWS_SECRET_ACCESS_KEY, under a long camel-case name with
// digits, after a list element that is a name ("api_key",), under a
// name on the line before a blob line, and a keyword inside a run that
// is too short to be random.
func TestKeywordInBlob(t *testing.T) {
	val := chunk(3100, "")
	for _, c := range []struct {
		name, before string
		want         bool
	}{
		{"api in a chunk", "var spec = []string{\n\t\"" + chunk(3001, "MapiCX") + "\",\n\t\"", true},
		{"Key in a chunk", "\t\"" + chunk(3011, "x9Key3") + "\",\n\t\"", true},
		{"token in a JS chunk", "  '" + chunk(3021, "Qtoken") + "',\n  '", true},
		{"apiKey", "\t\"apiKey\": \"", false},
		{"env name", "AWS_SECRET_ACCESS_KEY=", false},
		{"long name", "awsSecretAccessKeyForProductionUsage2023Q4 = \"", false},
		{"list of name and value", "os.Setenv(\"api_key\",\n\t\"", false},
		{"short run", "\t\"x7Kq9apiZ\",\n\t\"", false},
		{"name before a chunk", "\tSecretKey: \"", false},
	} {
		text := c.before + val + "\",\n"
		if got := keywordInBlob(text, len(c.before)); got != c.want {
			t.Errorf("%s: keywordInBlob = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestKeywordInBlobIsNote: a history whose generated Go file embeds a
// gzipped document as base64 lines, one of which holds "api": the next
// line is a note, not a warning. Near misses in the same history: a
// secret under a Go name (apiSecret) and a secret on the line after a
// name in a composite literal stay warnings.
func TestKeywordInBlobIsNote(t *testing.T) {
	r := newRepo(t)
	var b strings.Builder
	b.WriteString("package apigen\n\nvar swaggerSpec = []string{\n")
	for i := uint64(0); i < 6; i++ {
		w := ""
		if i == 2 {
			w = "MapiCX"
		}
		b.WriteString("\t\"" + chunk(3200+10*i, w) + "\",\n")
	}
	b.WriteString("}\n")
	r.write("pkg/apigen/spec.gen.go", b.String())
	named, nextLine := chunk(3300, "")[:40], chunk(3310, "")[:40]
	r.write("gateway/creds.go", "package gateway\n\nvar apiSecret = \""+named+"\"\n\nvar c = Creds{\n\tAccessSecretKey:\n\t\t\""+nextLine+"\",\n}\n")
	r.commit("generated")
	res := scanRepo(t, Options{Root: r.dir})
	f := findByPath(res, "pkg/apigen/spec.gen.go")
	if f == nil {
		dumpFindings(t, res)
		t.Fatal("no finding in the blob")
	}
	if f.Level != finding.LevelNote || !strings.Contains(f.Message, roleKeywordInBlob) {
		t.Errorf("blob line: %s %s, want a note (%s)", f.Level, f.Message, roleKeywordInBlob)
	}
	n := 0
	for i := range res.Findings {
		g := &res.Findings[i]
		if g.Location.Path == "gateway/creds.go" {
			n++
			if g.Level != finding.LevelWarning {
				t.Errorf("%s:%d: %s, want a warning (%s)", g.Location.Path, g.Location.StartLine, g.Level, g.Message)
			}
		}
	}
	if n != 2 {
		dumpFindings(t, res)
		t.Errorf("%d findings in gateway/creds.go, want 2", n)
	}
}
