package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
)

func sample() *Report {
	cat, _ := finding.NewCatalogue([]finding.Rule{{ID: "plainhttp/url", Short: "s", Full: "f", Help: "h", Level: finding.LevelWarning, SecuritySeverity: 7.5, Precision: finding.PrecisionHigh}})
	return &Report{
		Rules:    cat,
		Success:  true,
		Coverage: Coverage{Packages: 3},
		Findings: []finding.Finding{
			{RuleID: "plainhttp/url", Level: finding.LevelWarning, Message: "m1",
				Location: finding.Location{Path: "a.go", StartLine: 4, StartColumn: 16},
				Snippet:  "\t\tconst base = \"http://x\""},
			{RuleID: "plainhttp/url", Level: finding.LevelWarning, Message: "suppressed",
				Location:    finding.Location{Path: "b.go", StartLine: 1},
				Suppression: &finding.Suppression{Kind: "inSource", Justification: "ok"}},
			{RuleID: "plainhttp/url", Level: finding.LevelWarning, Message: "old",
				Location: finding.Location{Path: "c.go", StartLine: 1}, BaselineState: finding.BaselineUnchanged},
		},
	}
}

func TestTextCaretUnderColumnWithoutIndentation(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteText(&buf, sample(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	want := "a.go:4:16: warning plainhttp/url: m1\n    const base = \"http://x\"\n" + strings.Repeat(" ", 4+13) + "^\n"
	if !strings.Contains(out, want) {
		t.Errorf("text output:\n%s\nwant it to contain:\n%s", out, want)
	}
	if strings.Contains(out, "plainhttp/url: suppressed") || strings.Contains(out, "plainhttp/url: old") {
		t.Errorf("suppressed or baseline findings listed:\n%s", out)
	}
	if !strings.Contains(out, "0 errors, 1 warning, 0 notes, 1 suppressed, 1 unchanged since baseline; 3 packages analyzed") {
		t.Errorf("summary wrong:\n%s", out)
	}
}

// TestTextSummaryFailedPackagesApart: packages that failed to load are
// not among those analyzed, and the summary must not read as if they
// were (pinniped's "118 packages analyzed (102 failed to load)" was read
// as 16 analyzed).
func TestTextSummaryFailedPackagesApart(t *testing.T) {
	r := sample()
	r.Coverage = Coverage{Packages: 118, PackagesFailed: 102, Incomplete: true}
	var buf bytes.Buffer
	if err := WriteText(&buf, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "; 118 packages analyzed, 102 more not analyzed (failed to load), INCOMPLETE") {
		t.Errorf("summary wrong:\n%s", out)
	}
}

func TestFailingCountsOnlyLiveFindings(t *testing.T) {
	r := sample()
	if !r.Failing(finding.LevelWarning) || r.Failing(finding.LevelError) || r.Failing(finding.LevelNone) {
		t.Error("Failing ignores levels or counts suppressed findings")
	}
	r.Findings = r.Findings[1:]
	if r.Failing(finding.LevelNote) {
		t.Error("suppressed and baseline findings fail the run")
	}
}

func TestJSONSummary(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		SchemaVersion int            `json:"schemaVersion"`
		Summary       map[string]int `json:"summary"`
		Findings      []any          `json:"findings"`
		Rules         []any          `json:"rules"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != 1 || doc.Summary["warning"] != 1 || doc.Summary["suppressed"] != 1 || doc.Summary["unchanged"] != 1 || len(doc.Findings) != 3 || len(doc.Rules) != 1 {
		t.Errorf("JSON document = %s", buf.String())
	}
}

// TestTextRelated: a lint finding's related place is a step of its flow
// and is shown with what happens there, not as another occurrence; a
// secret's related places (no message) are its other occurrences.
func TestTextRelated(t *testing.T) {
	r := sample()
	r.Findings = []finding.Finding{
		{RuleID: "plainhttp/url", Level: finding.LevelWarning, Message: "flow",
			Location: finding.Location{Path: "a.go", StartLine: 4},
			Related:  []finding.Location{{Path: "a.go", StartLine: 9, StartColumn: 2, Message: "sent by http.NewRequest"}}},
		{RuleID: "plainhttp/url", Level: finding.LevelWarning, Message: "steps",
			Location: finding.Location{Path: "b.go", StartLine: 4},
			Related:  []finding.Location{{Path: "b.go", StartLine: 5, Message: "read"}, {Path: "b.go", StartLine: 6, Message: "sent"}}},
		{RuleID: "plainhttp/url", Level: finding.LevelWarning, Message: "copies",
			Location: finding.Location{Path: "c.go", StartLine: 4},
			Related:  []finding.Location{{Path: "d.go", StartLine: 1}, {Path: "e.go", StartLine: 2}}},
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"related: a.go:9:2: sent by http.NewRequest\n",
		"related: b.go:5: read (and 1 more)\n",
		"also at 2 other place(s), first d.go:1\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output:\n%s\nwant it to contain %q", out, want)
		}
	}
	if strings.Contains(out, "also at 1 other place(s), first a.go:9") {
		t.Errorf("a flow step shown as another occurrence:\n%s", out)
	}
}
