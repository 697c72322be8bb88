package ghaction

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// GitHub's annotation limits: it shows at most 10 annotations of each kind
// per step and 50 per job, and drops the rest without a word. The action
// emits the most severe first and counts the rest in the summary.
const (
	MaxAnnotationsPerLevel = 10
	MaxAnnotations         = 50
)

// command maps a SARIF level to a workflow command.
func command(level string) string {
	switch level {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "notice"
}

// escapeData and escapeProperty follow the runner's workflow-command
// escaping, so a message cannot end the command or inject another.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Counted returns the new results that count (not suppressed, not in a
// baseline), most severe first.
func (rep *Report) Counted() []Result {
	var out []Result
	for _, r := range rep.Results {
		if r.New && r.Counts {
			out = append(out, r)
		}
	}
	bySeverity(out)
	return out
}

// Annotate writes workflow-command annotations for rs (most severe first),
// within GitHub's limits, and returns how many it left out.
func Annotate(w io.Writer, rs []Result) (omitted int, err error) {
	perLevel := map[string]int{}
	total := 0
	for _, r := range rs {
		cmd := command(r.Level)
		if total == MaxAnnotations || perLevel[cmd] == MaxAnnotationsPerLevel {
			omitted++
			continue
		}
		perLevel[cmd]++
		total++
		props := []string{"file=" + escapeProperty(r.Path)}
		if r.StartLine > 0 {
			props = append(props, fmt.Sprintf("line=%d", r.StartLine))
			if r.EndLine > r.StartLine {
				props = append(props, fmt.Sprintf("endLine=%d", r.EndLine))
			} else if r.StartCol > 0 {
				props = append(props, fmt.Sprintf("col=%d", r.StartCol))
			}
		}
		props = append(props, "title="+escapeProperty("authvet "+r.RuleID))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(r.Message)); err != nil {
			return omitted, fmt.Errorf("writing annotations: %w", err)
		}
	}
	return omitted, nil
}

// maxSummaryFindings is how many findings the job summary lists; the rest
// are in the SARIF file and the log.
const maxSummaryFindings = 20

// SummaryInput is what the job summary reports.
type SummaryInput struct {
	Plan      Plan
	Report    *Report
	Dropped   int // results left out of the upload
	Omitted   int // findings not annotated
	Annotated bool
	SARIFFile string
	FailOn    string
}

// WriteSummary writes the Markdown job summary: what was scanned, counts
// per rule, the most severe findings (messages are authvet's, redacted),
// and what was not annotated or uploaded.
func WriteSummary(w io.Writer, in SummaryInput) error {
	var b strings.Builder
	counted := in.Report.Counted()
	all := 0
	for _, r := range in.Report.Results {
		if r.Counts {
			all++
		}
	}
	b.WriteString("## authvet\n\n")
	fmt.Fprintf(&b, "Scanned: %s.\n\n", in.Plan.Describe)
	if !in.Report.Success {
		b.WriteString("> [!WARNING]\n> The scan was incomplete; its findings are partial:\n")
		for _, n := range in.Report.Notes {
			fmt.Fprintf(&b, "> - %s\n", cell(n))
		}
		b.WriteString("\n")
	}
	levels := map[string]int{}
	for _, r := range counted {
		levels[r.Level]++
	}
	if in.Plan.Scope == ScopeChange {
		fmt.Fprintf(&b, "**%d new findings** (%d errors, %d warnings, %d notes); %d in the repository in all.\n\n",
			len(counted), levels["error"], levels["warning"], levels["note"], all)
	} else {
		fmt.Fprintf(&b, "**%d findings** (%d errors, %d warnings, %d notes).\n\n",
			len(counted), levels["error"], levels["warning"], levels["note"])
	}
	if len(counted) > 0 {
		perRule := map[string]int{}
		level := map[string]string{}
		for _, r := range counted {
			perRule[r.RuleID]++
			level[r.RuleID] = r.Level
		}
		rules := make([]string, 0, len(perRule))
		for id := range perRule {
			rules = append(rules, id)
		}
		sort.Slice(rules, func(i, j int) bool {
			if perRule[rules[i]] != perRule[rules[j]] {
				return perRule[rules[i]] > perRule[rules[j]]
			}
			return rules[i] < rules[j]
		})
		b.WriteString("| Rule | Level | Findings |\n|---|---|---|\n")
		for _, id := range rules {
			fmt.Fprintf(&b, "| `%s` | %s | %d |\n", id, level[id], perRule[id])
		}
		b.WriteString("\n### Most severe\n\n| Level | Rule | Where | Message |\n|---|---|---|---|\n")
		for i, r := range counted {
			if i == maxSummaryFindings {
				fmt.Fprintf(&b, "\n%d more findings are in the SARIF file and the step's log.\n", len(counted)-maxSummaryFindings)
				break
			}
			fmt.Fprintf(&b, "| %s | `%s` | `%s:%d` | %s |\n", r.Level, r.RuleID, r.Path, r.StartLine, cell(r.Message))
		}
		b.WriteString("\n")
	}
	switch {
	case !in.Annotated:
		b.WriteString("Annotations are turned off (`annotations: false`).\n\n")
	case in.Omitted > 0:
		fmt.Fprintf(&b, "%d findings were not annotated: GitHub shows at most %d annotations of each level per step and %d per job. All of them are listed in the SARIF file.\n\n", in.Omitted, MaxAnnotationsPerLevel, MaxAnnotations)
	}
	if in.Dropped > 0 {
		fmt.Fprintf(&b, "%d less severe results were left out of the SARIF upload (GitHub keeps the %d most severe).\n\n", in.Dropped, MaxUploadResults)
	}
	fmt.Fprintf(&b, "Secrets are redacted. Report: `%s`; the run fails on new findings at or above `%s`.\n", in.SARIFFile, in.FailOn)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing the job summary: %w", err)
	}
	return nil
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.NewReplacer("\r", " ", "\n", " ", "|", `\|`).Replace(s)
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "…"
	}
	return s
}

// WriteOutputs appends step outputs in GITHUB_OUTPUT's name=value form.
func WriteOutputs(w io.Writer, outputs [][2]string) error {
	for _, kv := range outputs {
		if strings.ContainsAny(kv[1], "\r\n") {
			return fmt.Errorf("output %s holds a line break", kv[0])
		}
		if _, err := fmt.Fprintf(w, "%s=%s\n", kv[0], kv[1]); err != nil {
			return fmt.Errorf("writing outputs: %w", err)
		}
	}
	return nil
}
