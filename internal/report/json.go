package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/authvet/authvet/internal/finding"
)

// JSONSchemaVersion is the version of the JSON output's schema. Keys never
// change meaning; a change that would break a script bumps this number.
const JSONSchemaVersion = 1

// jsonReport is the JSON document, documented in README ("JSON output").
type jsonReport struct {
	SchemaVersion int               `json:"schemaVersion"`
	Tool          Tool              `json:"tool"`
	Success       bool              `json:"success"`
	Coverage      Coverage          `json:"coverage"`
	Summary       Summary           `json:"summary"`
	VCS           *VCS              `json:"vcs,omitempty"`
	Findings      []finding.Finding `json:"findings"`
	Notifications []Notification    `json:"notifications"`
	Rules         []jsonRuleSummary `json:"rules"`
}

// jsonRuleSummary names each rule that has a finding, so a script can
// show descriptions without calling `authvet rules`.
type jsonRuleSummary struct {
	ID               string        `json:"id"`
	Short            string        `json:"shortDescription"`
	Level            finding.Level `json:"defaultLevel"`
	SecuritySeverity float64       `json:"securitySeverity"`
}

// WriteJSON writes r as the stable JSON document. Every finding is kept,
// suppressed and baseline ones included, with their state.
func WriteJSON(w io.Writer, r *Report) error {
	r = r.Redacted()
	doc := jsonReport{
		SchemaVersion: JSONSchemaVersion,
		Tool:          r.Tool,
		Success:       r.Success,
		Coverage:      r.Coverage,
		VCS:           r.VCS,
		Findings:      r.Findings,
		Notifications: r.Notifications,
	}
	if doc.Findings == nil {
		doc.Findings = []finding.Finding{}
	}
	if doc.Notifications == nil {
		doc.Notifications = []Notification{}
	}
	doc.Summary = r.Summarize()
	seen := map[string]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if !seen[f.RuleID] && r.Rules != nil {
			seen[f.RuleID] = true
			if rule, ok := r.Rules.Lookup(f.RuleID); ok {
				doc.Rules = append(doc.Rules, jsonRuleSummary{rule.ID, rule.Short, rule.Level, rule.SecuritySeverity})
			}
		}
	}
	if doc.Rules == nil {
		doc.Rules = []jsonRuleSummary{}
	}
	sort.Slice(doc.Rules, func(i, j int) bool { return doc.Rules[i].ID < doc.Rules[j].ID })
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("writing JSON report: %w", err)
	}
	return nil
}
