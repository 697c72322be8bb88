package sarif

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/internal/report"
	"github.com/authvet/authvet/internal/testutil"
)

var testRules = []finding.Rule{
	{ID: "plainhttp/url", Short: "plain-HTTP API URL", Full: "An http URL reaches a client.", Help: "**Bad**\n\n```go\nhttp.Get(\"http://api\")\n```\n\n**Good**\n\n```go\nhttp.Get(\"https://api\")\n```", Level: finding.LevelWarning, CWE: []string{"CWE-319"}, SecuritySeverity: 7.5, Precision: finding.PrecisionHigh},
	{ID: "tokenlog/log", Short: "token logged", Full: "A token reaches a log.", Help: "**Bad** x **Good** y", Level: finding.LevelError, CWE: []string{"CWE-532"}, SecuritySeverity: 6.5, Precision: finding.PrecisionMedium, CodeFlow: true},
	{ID: "secret/aws-access-token", Short: "AWS key", Full: "An AWS key.", Help: "**Bad** x **Good** y", Level: finding.LevelError, CWE: []string{"CWE-798"}, SecuritySeverity: 9.1, Precision: finding.PrecisionHigh, Sensitive: true},
}

func fullReport(t *testing.T) *report.Report {
	cat, err := finding.NewCatalogue(testRules)
	if err != nil {
		t.Fatal(err)
	}
	return &report.Report{
		Tool:     report.Tool{Name: "authvet", Version: "1.2.3", InformationURI: "https://github.com/authvet/authvet"},
		Root:     "/src/my repo",
		Rules:    cat,
		Success:  false,
		Category: "authvet/scan",
		VCS:      &report.VCS{RepositoryURL: "https://github.com/acme/api", Revision: "0123456789abcdef0123456789abcdef01234567", Branch: "main"},
		Notifications: []report.Notification{
			{Level: finding.LevelError, Kind: "load-error", Message: "package x was not analyzed: syntax error", Path: "x/x.go"},
			{Level: finding.LevelWarning, Kind: "shallow-clone", Message: "history is incomplete"},
		},
		Findings: []finding.Finding{
			{
				RuleID: "plainhttp/url", Level: finding.LevelWarning, Message: "plain http URL reaches http.Get",
				Location: finding.Location{Path: "client/client go.go", StartLine: 10, StartColumn: 5, EndLine: 10, EndColumn: 30},
				Snippet:  `http.Get("http://api.example.com")`, Fingerprint: "fp1",
				Fixes: []finding.Fix{{Description: "use https", Edits: []finding.Edit{{Path: "client/client go.go", Start: 100, End: 107, StartLine: 10, StartColumn: 15, EndLine: 10, EndColumn: 22, NewText: "https://"}}}},
			},
			{
				RuleID: "plainhttp/url", Level: finding.LevelWarning, Message: "suppressed one",
				Location:    finding.Location{Path: "a.go", StartLine: 3, StartColumn: 1},
				Fingerprint: "fp2", Suppression: &finding.Suppression{Kind: "inSource", Justification: "test double"},
			},
			{
				RuleID: "tokenlog/log", Level: finding.LevelError, Message: "bearer token reaches log.Printf",
				Location:    finding.Location{Path: "h.go", StartLine: 20, StartColumn: 2},
				Fingerprint: "fp3", BaselineState: finding.BaselineUnchanged,
				Flow: []finding.Location{{Path: "h.go", StartLine: 12, StartColumn: 8, Message: "source"}, {Path: "h.go", StartLine: 20, StartColumn: 2, Message: "sink"}},
			},
			{
				RuleID: "secret/aws-access-token", Level: finding.LevelError, Message: "AWS key AKIA…(20 chars) present at HEAD",
				Location:    finding.Location{Path: "config/prod.env", StartLine: 1, StartColumn: 9, EndLine: 1, EndColumn: 29},
				Fingerprint: "fp4",
				Provenance:  &finding.Provenance{Commit: "89abcdef0123456789abcdef0123456789abcdef", Author: "Dev", Date: "2024-01-02T03:04:05Z", Subject: "add config"},
				Related:     []finding.Location{{Path: "old/prod.env", StartLine: 1, Message: "also committed here"}},
				Properties:  map[string]any{"status": "present", "context": "production"},
			},
		},
	}
}

func write(t *testing.T, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSARIFValidatesAndMapsEverything(t *testing.T) {
	out := write(t, fullReport(t))
	testutil.ValidateSARIF(t, out)

	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string         `json:"id"`
						Properties map[string]any `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			AutomationDetails struct{ ID string } `json:"automationDetails"`
			Results           []map[string]any    `json:"results"`
			Invocations       []struct {
				ExecutionSuccessful        bool             `json:"executionSuccessful"`
				ToolExecutionNotifications []map[string]any `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			VersionControlProvenance []map[string]any `json:"versionControlProvenance"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("%d runs, want exactly one", len(doc.Runs))
	}
	run := doc.Runs[0]
	if run.AutomationDetails.ID != "authvet/scan/" {
		t.Errorf("automationDetails.id = %q", run.AutomationDetails.ID)
	}
	if got := run.Tool.Driver.Rules[0].Properties["security-severity"]; got != "7.5" {
		t.Errorf("security-severity = %#v, want the string \"7.5\"", got)
	}
	if tags := fmt.Sprint(run.Tool.Driver.Rules[0].Properties["tags"]); !strings.Contains(tags, "external/cwe/cwe-319") || !strings.Contains(tags, "security") {
		t.Errorf("tags = %s", tags)
	}
	if len(run.Results) != 4 {
		t.Fatalf("%d results", len(run.Results))
	}
	s := string(out)
	for _, want := range []string{
		`"uri": "client/client%20go.go"`, `"uriBaseId": "%SRCROOT%"`, `"ruleIndex": 2`,
		`"authvet/v1": "fp1"`, `"commitSha": "89abcdef0123456789abcdef0123456789abcdef"`,
		`"baselineState": "unchanged"`, `"justification": "test double"`, `"kind": "inSource"`,
		`"codeFlows"`, `"relatedLocations"`, `"fixes"`, `"text": "https://"`,
		`"repositoryUri": "https://github.com/acme/api"`, `"file:///src/my%20repo/"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 2 {
		t.Errorf("invocation = %+v", inv)
	}
	if strings.Contains(s, "timeUtc") || strings.Contains(s, "TimeUtc") {
		t.Error("SARIF carries a timestamp; output must be deterministic")
	}
}

func TestSARIFDeterministic(t *testing.T) {
	a, b := write(t, fullReport(t)), write(t, fullReport(t))
	if !bytes.Equal(a, b) {
		t.Error("same input gave different SARIF")
	}
}

func TestValidatorRejectsInvalidSARIF(t *testing.T) {
	out := write(t, fullReport(t))
	bad := bytes.Replace(out, []byte(`"level": "warning"`), []byte(`"level": "fatal"`), 1)
	if bytes.Equal(bad, out) {
		t.Fatal("mutation did not apply")
	}
	if err := testutil.SARIFError(t, bad); err == nil {
		t.Error("the schema validator accepted an invalid level; it validates nothing")
	}
}

func TestSARIFLimits(t *testing.T) {
	r := fullReport(t)
	base := r.Findings[0]
	r.Findings = nil
	for i := 0; i < maxResults+10; i++ {
		f := base
		f.Fingerprint = fmt.Sprint(i)
		f.Message = strings.Repeat("m", 3000)
		if i == 5 {
			f.Level = finding.LevelError
			f.RuleID = "tokenlog/log"
		}
		for j := 0; j < maxRelatedLocations+5 && i == 0; j++ {
			f.Related = append(f.Related, finding.Location{Path: "x.go", StartLine: j + 1})
		}
		r.Findings = append(r.Findings, f)
	}
	log, err := Build(r)
	if err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != maxResults {
		t.Errorf("%d results, want GitHub's limit %d", len(run.Results), maxResults)
	}
	hasError := false
	for _, res := range run.Results {
		if len([]rune(*res.Message.Text)) > maxMessageRunes {
			t.Fatal("message over the limit")
		}
		if len(res.RelatedLocations) > maxRelatedLocations {
			t.Fatal("related locations over the limit")
		}
		if *res.Level == "error" {
			hasError = true
		}
	}
	if !hasError {
		t.Error("trimming dropped the most severe result")
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if !strings.Contains(*notes[len(notes)-1].Message.Text, "left out") {
		t.Error("no notification says results were left out")
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	out := write(t, fullReport(t))
	path := filepath.Join(t.TempDir(), "old.sarif")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	fs := []finding.Finding{{Fingerprint: "fp1"}, {Fingerprint: "new"}}
	b.Apply(fs)
	if fs[0].BaselineState != finding.BaselineUnchanged || fs[1].BaselineState != finding.BaselineNew {
		t.Errorf("baseline states = %q, %q", fs[0].BaselineState, fs[1].BaselineState)
	}
	if err := os.WriteFile(path, []byte(`{"not":"sarif"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadBaseline(path); err == nil {
		t.Error("a non-SARIF baseline was accepted")
	}
}
