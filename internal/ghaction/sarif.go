package ghaction

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strconv"

	"github.com/authvet/authvet/internal/diffscope"
)

// Category is the code-scanning category the action uploads under. It
// never changes between runs, so a later analysis that no longer reports
// an alert closes it.
const Category = "authvet/"

// MaxUploadResults caps the results uploaded: GitHub keeps only the 5,000
// most severe results of a run (it rejects a run over 25,000), so more
// only make the upload bigger and slower.
const MaxUploadResults = 5000

// Result is one SARIF result, as the action reads it.
type Result struct {
	RuleID    string
	Level     string // error, warning, note
	Message   string // redacted, as authvet writes it
	Path      string // relative to the repository root
	StartLine int
	EndLine   int
	StartCol  int
	// Severity is the rule's security-severity (0 when unknown).
	Severity float64
	// Counts is false for suppressed results and results already in a
	// baseline.
	Counts bool
	// New is set by Classify: the result belongs to the change.
	New   bool
	spans []diffscope.Span
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine   int `json:"startLine"`
			EndLine     int `json:"endLine"`
			StartColumn int `json:"startColumn"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

func (l *sarifLocation) span() diffscope.Span {
	p, err := url.PathUnescape(l.PhysicalLocation.ArtifactLocation.URI)
	if err != nil {
		p = l.PhysicalLocation.ArtifactLocation.URI
	}
	r := l.PhysicalLocation.Region
	return diffscope.Span{Path: p, Start: r.StartLine, End: r.EndLine}
}

type sarifResult struct {
	RuleID  string `json:"ruleId"`
	Level   string `json:"level"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations"`
	CodeFlows        []struct {
		ThreadFlows []struct {
			Locations []struct {
				Location sarifLocation `json:"location"`
			} `json:"locations"`
		} `json:"threadFlows"`
	} `json:"codeFlows"`
	Suppressions  []json.RawMessage `json:"suppressions"`
	BaselineState string            `json:"baselineState"`
}

type sarifRun struct {
	Tool struct {
		Driver struct {
			Rules []struct {
				ID                   string `json:"id"`
				DefaultConfiguration struct {
					Level string `json:"level"`
				} `json:"defaultConfiguration"`
				Properties map[string]any `json:"properties"`
			} `json:"rules"`
		} `json:"driver"`
	} `json:"tool"`
	Results     []sarifResult `json:"results"`
	Invocations []struct {
		ExecutionSuccessful bool `json:"executionSuccessful"`
		Notifications       []struct {
			Level   string `json:"level"`
			Message struct {
				Text string `json:"text"`
			} `json:"message"`
		} `json:"toolExecutionNotifications"`
	} `json:"invocations"`
}

// Report is what the action reads from authvet's SARIF file.
type Report struct {
	Results []Result
	// Notes are the run's warning and error notifications.
	Notes []string
	// Success is false when the run was incomplete.
	Success bool
}

// ReadSARIF reads the results of authvet's SARIF file, in the file's order.
func ReadSARIF(data []byte) (*Report, error) {
	var log struct {
		Runs []sarifRun `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return nil, fmt.Errorf("reading SARIF: %w", err)
	}
	rep := &Report{Success: true}
	for _, run := range log.Runs {
		sev := map[string]float64{}
		defLevel := map[string]string{}
		for _, r := range run.Tool.Driver.Rules {
			defLevel[r.ID] = r.DefaultConfiguration.Level
			if s, ok := r.Properties["security-severity"].(string); ok {
				sev[r.ID], _ = strconv.ParseFloat(s, 64)
			}
		}
		for _, inv := range run.Invocations {
			if !inv.ExecutionSuccessful {
				rep.Success = false
			}
			for _, n := range inv.Notifications {
				if n.Level == "error" || n.Level == "warning" {
					rep.Notes = append(rep.Notes, n.Message.Text)
				}
			}
		}
		for _, sr := range run.Results {
			r := Result{
				RuleID: sr.RuleID, Level: sr.Level, Message: sr.Message.Text, Severity: sev[sr.RuleID],
				Counts: len(sr.Suppressions) == 0 && sr.BaselineState != "unchanged",
			}
			if r.Level == "" {
				r.Level = defLevel[sr.RuleID]
			}
			if r.Level == "" {
				r.Level = "warning" // SARIF's default
			}
			for i := range sr.Locations {
				sp := sr.Locations[i].span()
				if i == 0 {
					r.Path, r.StartLine, r.EndLine = sp.Path, sp.Start, sp.End
					r.StartCol = sr.Locations[i].PhysicalLocation.Region.StartColumn
				}
				r.spans = append(r.spans, sp)
			}
			for i := range sr.RelatedLocations {
				r.spans = append(r.spans, sr.RelatedLocations[i].span())
			}
			for _, cf := range sr.CodeFlows {
				for _, tf := range cf.ThreadFlows {
					for i := range tf.Locations {
						r.spans = append(r.spans, tf.Locations[i].Location.span())
					}
				}
			}
			rep.Results = append(rep.Results, r)
		}
	}
	return rep, nil
}

// Classify marks the results that belong to the change: those with a
// location, flow step or related location on a changed line and, when
// secretsInChange says the secret scan covered only the change's commits,
// every secret (one added and removed again within the change is still
// leaked). A nil set (a whole-repository scan) makes every result new.
func (rep *Report) Classify(changed *diffscope.Set, secretsInChange bool) {
	for i := range rep.Results {
		r := &rep.Results[i]
		r.New = changed == nil || (secretsInChange && isSecret(r.RuleID)) || changed.Touches(r.spans...)
	}
}

func isSecret(rule string) bool { return len(rule) > 7 && rule[:7] == "secret/" }

// levelRank orders levels, most severe highest.
func levelRank(l string) int {
	switch l {
	case "error":
		return 3
	case "warning":
		return 2
	case "note":
		return 1
	}
	return 0
}

// bySeverity sorts results most severe first: level, then the rule's
// security severity, then file order.
func bySeverity(rs []Result) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := &rs[i], &rs[j]
		if levelRank(a.Level) != levelRank(b.Level) {
			return levelRank(a.Level) > levelRank(b.Level)
		}
		return a.Severity > b.Severity
	})
}

// PrepareUpload rewrites authvet's SARIF for upload: the stable category,
// and at most max results (the most severe), with a notification saying
// how many were left out. It keeps every other field as authvet wrote it.
func PrepareUpload(data []byte, max int) ([]byte, int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var log map[string]any
	if err := dec.Decode(&log); err != nil {
		return nil, 0, fmt.Errorf("reading SARIF: %w", err)
	}
	runs, _ := log["runs"].([]any)
	if len(runs) != 1 {
		return nil, 0, fmt.Errorf("SARIF has %d runs, want authvet's one", len(runs))
	}
	run, _ := runs[0].(map[string]any)
	if run == nil {
		return nil, 0, fmt.Errorf("SARIF run is not an object")
	}
	run["automationDetails"] = map[string]any{"id": Category}
	dropped := 0
	if results, _ := run["results"].([]any); len(results) > max {
		idx := make([]int, len(results))
		for i := range idx {
			idx[i] = i
		}
		level := func(i int) int {
			m, _ := results[i].(map[string]any)
			l, _ := m["level"].(string)
			return levelRank(l)
		}
		sort.SliceStable(idx, func(a, b int) bool { return level(idx[a]) > level(idx[b]) })
		keep := idx[:max]
		sort.Ints(keep) // the file's own order
		kept := make([]any, 0, max)
		for _, i := range keep {
			kept = append(kept, results[i])
		}
		dropped = len(results) - max
		run["results"] = kept
		note := map[string]any{
			"level":      "warning",
			"message":    map[string]any{"text": fmt.Sprintf("%d less severe results left out of the upload: GitHub code scanning keeps the %d most severe of a run", dropped, max)},
			"descriptor": map[string]any{"id": "results-truncated"},
		}
		invs, _ := run["invocations"].([]any)
		if len(invs) == 0 {
			invs = []any{map[string]any{"executionSuccessful": true}}
			run["invocations"] = invs
		}
		if inv, ok := invs[0].(map[string]any); ok {
			ns, _ := inv["toolExecutionNotifications"].([]any)
			inv["toolExecutionNotifications"] = append(ns, note)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return nil, 0, fmt.Errorf("writing SARIF: %w", err)
	}
	return buf.Bytes(), dropped, nil
}
