package ghaction

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/diffscope"
)

func TestPlanFor(t *testing.T) {
	var pr Event
	if err := json.Unmarshal([]byte(`{"pull_request":{"number":7,"commits":3,"base":{"sha":"aaa"},"head":{"sha":"bbb"}}}`), &pr); err != nil {
		t.Fatal(err)
	}
	p, err := PlanFor("pull_request", &pr)
	if err != nil || p.Scope != ScopeChange || p.Base != "aaa" || p.Head != "bbb" || p.Commits != 3 || !strings.Contains(p.Describe, "pull request #7") {
		t.Errorf("pull_request: %+v %v", p, err)
	}
	push := &Event{Before: "ccc", After: "ddd", Commits: make([]json.RawMessage, 2)}
	if p, err := PlanFor("push", push); err != nil || p.Scope != ScopeChange || p.Base != "ccc" || p.Head != "ddd" || p.Commits != 2 {
		t.Errorf("push: %+v %v", p, err)
	}
	newBranch := &Event{Before: strings.Repeat("0", 40), After: "ddd"}
	if p, err := PlanFor("push", newBranch); err != nil || p.Scope != ScopeAll {
		t.Errorf("push of a new branch: %+v %v", p, err)
	}
	if p, err := PlanFor("schedule", nil); err != nil || p.Scope != ScopeAll {
		t.Errorf("schedule: %+v %v", p, err)
	}
	if _, err := PlanFor("pull_request", &Event{}); err == nil {
		t.Error("pull_request without SHAs: want an error")
	}
}

func TestAnnotateLimitsAndEscaping(t *testing.T) {
	var rs []Result
	for i := 0; i < 30; i++ {
		rs = append(rs, Result{RuleID: "secret/x", Level: "error", Message: "m", Path: fmt.Sprintf("e%d.go", i), StartLine: 1, New: true, Counts: true})
	}
	for i := 0; i < 5; i++ {
		rs = append(rs, Result{RuleID: "plainhttp/url", Level: "warning", Message: "w", Path: "w.go", StartLine: i + 1, New: true, Counts: true})
	}
	rs = append(rs, Result{RuleID: "r", Level: "note", Message: "100%\nsure, a: b", Path: "dir,x/a:b.go", StartLine: 3, EndLine: 4, New: true, Counts: true})
	var buf bytes.Buffer
	omitted, err := Annotate(&buf, rs)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	count := map[string]int{}
	for _, l := range lines {
		count[strings.SplitN(l, " ", 2)[0]]++
	}
	if count["::error"] != 10 || count["::warning"] != 5 || count["::notice"] != 1 || omitted != 20 {
		t.Errorf("per-level counts %v, omitted %d; want 10 errors, 5 warnings, 1 notice, 20 omitted", count, omitted)
	}
	if last := lines[len(lines)-1]; last != "::notice file=dir%2Cx/a%3Ab.go,line=3,endLine=4,title=authvet r::100%25%0Asure, a: b" {
		t.Errorf("escaping: %s", last)
	}

	// The job-wide cap of 50.
	rs = rs[:0]
	for _, lvl := range []string{"error", "warning", "note"} {
		for i := 0; i < 30; i++ {
			rs = append(rs, Result{RuleID: "r", Level: lvl, Path: "a.go", StartLine: 1})
		}
	}
	buf.Reset()
	if omitted, _ := Annotate(&buf, rs); omitted != 60 {
		t.Errorf("omitted %d, want 60 (10 per level)", omitted)
	}
}

// sarifDoc is a minimal authvet-shaped SARIF log with n results.
func sarifDoc(levels ...string) []byte {
	var results []string
	for i, l := range levels {
		results = append(results, fmt.Sprintf(`{"ruleId":"plainhttp/url","level":%q,"message":{"text":"m%d"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a%%20b.go"},"region":{"startLine":%d}}}],
		"codeFlows":[{"threadFlows":[{"locations":[{"location":{"physicalLocation":{"artifactLocation":{"uri":"src.go"},"region":{"startLine":%d}}}}]}]}]}`, l, i, i+1, 100+i))
	}
	return []byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"authvet","rules":[{"id":"plainhttp/url","properties":{"security-severity":"7.5"}}]}},
	"automationDetails":{"id":"authvet/scan/"},"invocations":[{"executionSuccessful":true}],"results":[` + strings.Join(results, ",") + `]}]}`)
}

func TestPrepareUploadCapsAndSetsCategory(t *testing.T) {
	out, dropped, err := PrepareUpload(sarifDoc("note", "error", "warning", "note", "error"), 3)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			AutomationDetails struct{ ID string } `json:"automationDetails"`
			Results           []struct {
				Level   string `json:"level"`
				Message struct{ Text string }
			} `json:"results"`
			Invocations []struct {
				Notes []struct {
					Message struct{ Text string }
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.AutomationDetails.ID != "authvet/" || dropped != 2 || len(run.Results) != 3 {
		t.Fatalf("id %q, dropped %d, %d results", run.AutomationDetails.ID, dropped, len(run.Results))
	}
	var got []string
	for _, r := range run.Results {
		got = append(got, r.Message.Text+":"+r.Level)
	}
	if strings.Join(got, " ") != "m1:error m2:warning m4:error" {
		t.Errorf("kept %v, want the most severe in file order", got)
	}
	if len(run.Invocations[0].Notes) != 1 || !strings.Contains(run.Invocations[0].Notes[0].Message.Text, "2 less severe results left out") {
		t.Errorf("no notification of the cap: %+v", run.Invocations)
	}
	if _, dropped, _ := PrepareUpload(sarifDoc("note"), 3); dropped != 0 {
		t.Errorf("dropped %d under the cap", dropped)
	}
}

func TestClassifyUsesFlowSteps(t *testing.T) {
	rep, err := ReadSARIF(sarifDoc("warning", "warning"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Results[0].Path != "a b.go" || rep.Results[0].Severity != 7.5 {
		t.Errorf("result 0 = %+v", rep.Results[0])
	}
	changed := diffscope.NewSet()
	changed.AddRange("src.go", 101, 101) // the second result's flow step
	rep.Classify(changed, false)
	if rep.Results[0].New || !rep.Results[1].New {
		t.Errorf("new = %v, %v; want false, true", rep.Results[0].New, rep.Results[1].New)
	}
	rep.Classify(nil, false)
	if !rep.Results[0].New {
		t.Error("a whole-repository scan makes every result new")
	}
}
