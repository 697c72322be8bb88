package sarif

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	gosarif "github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/internal/report"
)

// FuzzParseBaseline feeds arbitrary bytes to the baseline reader (a
// --baseline file is untrusted input). It must not panic, and what it
// accepts holds only non-empty fingerprints.
func FuzzParseBaseline(f *testing.F) {
	f.Add([]byte(`{"version":"2.1.0","runs":[{"results":[{"partialFingerprints":{"authvet/v1":"abc"}}]}]}`))
	f.Add([]byte(`{"version":"2.1.0","runs":[]}`))
	f.Add([]byte(`{"version":"2.1.0","runs":[{"results":[{"partialFingerprints":{"authvet/v1":7}}]}]}`))
	f.Add([]byte(`{"version":"2.1.0","runs":[{"results":null}]}`))
	f.Add([]byte(`{"version":"1.0","runs":[]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ParseBaseline(data, "fuzz.sarif")
		if err != nil {
			if b != nil {
				t.Fatal("an error with a baseline")
			}
			if !strings.Contains(err.Error(), "fuzz.sarif") {
				t.Fatalf("the error does not name the file: %v", err)
			}
			return
		}
		for fp := range b {
			if fp == "" {
				t.Fatal("an empty fingerprint in the baseline")
			}
		}
	})
}

// FuzzRoundTrip writes a report with fuzzed texts, positions and
// fingerprints as SARIF and reads it back, with go-sarif and with the
// baseline reader: the file must parse, and the result must carry the
// finding's message, path, line and fingerprint unchanged.
func FuzzRoundTrip(f *testing.F) {
	f.Add("plainhttp/url", "plain HTTP URL reaches http.Get", "client/client go.go", `http.Get("http://x")`, "fp1", 10, 5, "just because")
	f.Add("tokenlog/log", "ü\u2028\x00<>&\"", "dir/ä #?.go", "\t\tx := 1", "0123456789abcdef", 1, 0, "")
	f.Add("a", strings.Repeat("m", 2100), "%41/b", "", "f", 0, -3, "--")
	f.Fuzz(func(t *testing.T, rule, msg, path, snippet, fp string, line, col int, why string) {
		for _, s := range []string{rule, msg, path, snippet, fp, why} {
			if !utf8.ValidString(s) {
				return // JSON cannot carry invalid UTF-8 unchanged
			}
		}
		if rule == "" || fp == "" || path == "" {
			return // the writer's callers never produce these
		}
		cat, err := finding.NewCatalogue([]finding.Rule{{ID: rule, Short: "s", Full: "f", Help: "h", Level: finding.LevelWarning, Precision: finding.PrecisionHigh}})
		if err != nil {
			t.Fatal(err)
		}
		fd := finding.Finding{
			RuleID: rule, Level: finding.LevelWarning, Message: msg, Snippet: snippet, Fingerprint: fp,
			Location: finding.Location{Path: path, StartLine: line, StartColumn: col},
		}
		if why != "" {
			fd.Suppression = &finding.Suppression{Kind: "inSource", Justification: why}
		}
		r := &report.Report{Tool: report.Tool{Name: "authvet", Version: "1.0.0"}, Root: "/src", Rules: cat, Success: true, Findings: []finding.Finding{fd}}
		var buf bytes.Buffer
		if err := Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		log, err := gosarif.FromBytes(buf.Bytes())
		if err != nil {
			t.Fatalf("the SARIF written does not parse: %v\n%s", err, buf.Bytes())
		}
		if len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 {
			t.Fatalf("runs/results: %s", buf.Bytes())
		}
		res := log.Runs[0].Results[0]
		if *res.RuleID != rule {
			t.Errorf("ruleId %q, want %q", *res.RuleID, rule)
		}
		wantMsg := msg
		if utf8.RuneCountInString(msg) > maxMessageRunes {
			wantMsg = string([]rune(msg)[:maxMessageRunes-1]) + "…"
		}
		if *res.Message.Text != wantMsg {
			t.Errorf("message %q, want %q", *res.Message.Text, wantMsg)
		}
		pl := res.Locations[0].PhysicalLocation
		if got := unescapeURI(t, *pl.ArtifactLocation.URI); got != strings.TrimPrefix(path, "./") {
			t.Errorf("uri %q reads back as %q, want %q", *pl.ArtifactLocation.URI, got, path)
		}
		wantLine := line
		if wantLine < 1 {
			wantLine = 1
		}
		if *pl.Region.StartLine != wantLine {
			t.Errorf("startLine %d, want %d", *pl.Region.StartLine, wantLine)
		}
		if snippet != "" && (pl.Region.Snippet == nil || *pl.Region.Snippet.Text != snippet) {
			t.Errorf("snippet lost: %+v", pl.Region.Snippet)
		}
		if (why != "") != (len(res.Suppressions) == 1) {
			t.Errorf("suppression lost")
		}
		b, err := ParseBaseline(buf.Bytes(), "round-trip")
		if err != nil {
			t.Fatal(err)
		}
		if len(b) != 1 || !b[fp] {
			t.Errorf("baseline read back %v, want {%q}", b, fp)
		}
	})
}

// unescapeURI reads a relative URI reference back into a path.
func unescapeURI(t *testing.T, uri string) string {
	t.Helper()
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatalf("uri %q does not parse: %v", uri, err)
	}
	if u.Scheme != "" || u.Host != "" || u.RawQuery != "" || u.Fragment != "" {
		t.Fatalf("uri %q is not a plain relative path", uri)
	}
	return u.Path
}
