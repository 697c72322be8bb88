// Package sarif writes an authvet report as SARIF 2.1.0 that GitHub code
// scanning accepts, and reads earlier SARIF files back as baselines. It is
// the only package that imports go-sarif.
//
// The mapping:
//   - One run (GitHub rejects several runs of one tool and category in a
//     file), with automationDetails.id set to the report's category.
//   - tool.driver.rules holds every rule of the catalogue, sorted by id, with
//     short and full descriptions, Markdown help, the default level, and
//     properties tags ("security" and CWE tags), security-severity (a string,
//     as GitHub reads it) and precision. Results name their rule by ruleId and
//     ruleIndex.
//   - A finding's location is an artifact URI relative to the scanned root
//     with uriBaseId %SRCROOT%, which originalUriBaseIds maps to the root.
//     Snippets are the finding's. Every text is redacted first
//     (report.Report.Redacted), whichever rule reported it.
//   - partialFingerprints carries authvet's line-free fingerprint
//     ("authvet/v1") and, for secrets found in history, the commit
//     ("commitSha"). Suggested fixes become fixes, suppression comments
//     become suppressions of kind inSource, a baseline sets baselineState,
//     and a value's path from source to sink becomes a code flow.
//   - invocations[0] says whether execution succeeded and carries one
//     toolExecutionNotification per package that failed to load or part of
//     history that could not be read.
//   - versionControlProvenance is written when the root is a git checkout.
//
// Output is deterministic: results are sorted and no timestamps are
// written, so the same input gives a byte-identical file.
package sarif

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	gosarif "github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/internal/report"
)

// FingerprintKey is the partialFingerprints key of authvet's fingerprint.
const FingerprintKey = "authvet/v1"

// GitHub's limits (see shared/sarif/GITHUB.md); past them an upload is
// rejected whole, so the writer trims and says so in a notification.
const (
	maxResults          = 25000
	maxRelatedLocations = 1000
	maxFlowLocations    = 1000
	maxTags             = 10
	maxMessageRunes     = 2000
)

// SrcRoot is the uriBaseId that every artifact location is relative to.
const SrcRoot = "%SRCROOT%"

// Build returns the SARIF log for r.
func Build(r *report.Report) (*gosarif.Report, error) {
	r = r.Redacted()
	log, err := gosarif.New(gosarif.Version210)
	if err != nil {
		return nil, fmt.Errorf("creating SARIF log: %w", err)
	}
	driver := &gosarif.ToolComponent{
		Name:           r.Tool.Name,
		Version:        strPtr(r.Tool.Version),
		InformationURI: strPtr(r.Tool.InformationURI),
		Rules:          []*gosarif.ReportingDescriptor{},
	}
	if v := r.Tool.Version; v != "" && v[0] >= '0' && v[0] <= '9' {
		driver.SemanticVersion = strPtr(v)
	}
	run := gosarif.NewRun(gosarif.Tool{Driver: driver})
	run.Results = []*gosarif.Result{}
	if r.Category != "" {
		run.AutomationDetails = &gosarif.RunAutomationDetails{ID: strPtr(strings.TrimSuffix(r.Category, "/") + "/")}
	}
	if r.Root != "" {
		u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(r.Root) + "/"}).String()
		run.OriginalUriBaseIDs = map[string]*gosarif.ArtifactLocation{SrcRoot: {URI: &u}}
	}

	ruleIndex := map[string]int{}
	if r.Rules != nil {
		for i, rule := range r.Rules.All() {
			ruleIndex[rule.ID] = i
			driver.Rules = append(driver.Rules, descriptor(rule))
		}
	}

	findings := r.Findings
	var notes []report.Notification
	if len(findings) > maxResults {
		// Keep the most severe; GitHub would show only 5,000 anyway.
		sorted := append([]finding.Finding(nil), findings...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Level.Rank() > sorted[j].Level.Rank() })
		findings = sorted[:maxResults]
		finding.Sort(findings)
		notes = append(notes, report.Notification{Level: finding.LevelWarning, Kind: "results-truncated",
			Message: fmt.Sprintf("%d results left out of the SARIF file: GitHub accepts at most %d per run", len(r.Findings)-maxResults, maxResults)})
	}
	for i := range findings {
		res, err := result(&findings[i], ruleIndex)
		if err != nil {
			return nil, err
		}
		run.AddResult(res)
	}

	inv := &gosarif.Invocation{ExecutionSuccessful: boolPtr(r.Success)}
	for _, n := range append(append([]report.Notification(nil), r.Notifications...), notes...) {
		sn := &gosarif.Notification{
			Level:      string(n.Level),
			Message:    &gosarif.Message{Text: strPtr(n.Message)},
			Descriptor: &gosarif.ReportingDescriptorReference{Id: strPtr(n.Kind)},
		}
		if n.Path != "" {
			sn.Locations = []*gosarif.Location{{PhysicalLocation: &gosarif.PhysicalLocation{ArtifactLocation: artifact(n.Path)}}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sn)
	}
	run.Invocations = []*gosarif.Invocation{inv}
	run.Properties = gosarif.Properties{"coverage": r.Coverage}

	if v := r.VCS; v != nil && (v.RepositoryURL != "" || v.Revision != "") {
		repo := v.RepositoryURL
		if repo == "" || !strings.Contains(repo, ":") {
			// The schema wants a URI; a checkout with no remote is named
			// by its directory.
			repo = (&url.URL{Scheme: "file", Path: filepath.ToSlash(r.Root)}).String()
		}
		vcd := &gosarif.VersionControlDetails{RepositoryURI: strPtr(repo), RevisionID: strPtrOrNil(v.Revision), Branch: strPtrOrNil(v.Branch)}
		if r.Root != "" {
			vcd.MappedTo = &gosarif.ArtifactLocation{URIBaseId: strPtr(SrcRoot)}
		}
		run.VersionControlProvenance = []*gosarif.VersionControlDetails{vcd}
	}
	log.AddRun(run)
	return log, nil
}

// Write writes r as indented SARIF JSON to w.
func Write(w io.Writer, r *report.Report) error {
	log, err := Build(r)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("writing SARIF: %w", err)
	}
	return nil
}

func descriptor(rule finding.Rule) *gosarif.ReportingDescriptor {
	tags := rule.Tags()
	if len(tags) > maxTags {
		tags = tags[:maxTags]
	}
	props := gosarif.Properties{
		"tags":              tags,
		"security-severity": fmt.Sprintf("%.1f", rule.SecuritySeverity),
		"precision":         rule.Precision,
	}
	if len(rule.CWE) > 0 {
		props["cwe"] = rule.CWE
	}
	d := &gosarif.ReportingDescriptor{
		ID:                   rule.ID,
		Name:                 strPtr(ruleName(rule.ID)),
		ShortDescription:     &gosarif.MultiformatMessageString{Text: strPtr(rule.Short)},
		FullDescription:      &gosarif.MultiformatMessageString{Text: strPtr(rule.Full)},
		Help:                 &gosarif.MultiformatMessageString{Text: strPtr(rule.Full + "\n\n" + plainHelp(rule.Help)), Markdown: strPtr(rule.Help)},
		DefaultConfiguration: &gosarif.ReportingConfiguration{Level: string(rule.Level)},
		Properties:           props,
	}
	if rule.HelpURI != "" {
		d.HelpURI = strPtr(rule.HelpURI)
	}
	return d
}

// ruleName turns "plainhttp/skip-verify" into "PlainhttpSkipVerify", the
// PascalCase name SARIF viewers show beside the id.
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if r == '/' || r == '-' || r == '_' || r == '.' {
			up = true
			continue
		}
		if up && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		up = false
		b.WriteRune(r)
	}
	return b.String()
}

// plainHelp strips Markdown code fences for the help's text form.
func plainHelp(md string) string {
	var out []string
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			continue
		}
		out = append(out, line)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

func result(f *finding.Finding, ruleIndex map[string]int) (*gosarif.Result, error) {
	res := gosarif.NewRuleResult(f.RuleID)
	if i, ok := ruleIndex[f.RuleID]; ok {
		res.WithRuleIndex(i)
	} else {
		return nil, fmt.Errorf("finding of unknown rule %s: every rule must be in the catalogue", f.RuleID)
	}
	res.WithLevel(string(f.Level))
	res.WithMessage(&gosarif.Message{Text: strPtr(truncate(f.Message, maxMessageRunes))})
	loc := location(f.Location, f.Snippet)
	res.Locations = []*gosarif.Location{loc}
	res.PartialFingerprints = map[string]interface{}{FingerprintKey: f.Fingerprint}
	if p := f.Provenance; p != nil && p.Commit != "" {
		res.PartialFingerprints["commitSha"] = p.Commit
	}
	for i, rel := range f.Related {
		if i == maxRelatedLocations {
			break
		}
		l := location(rel, "")
		id := uint(i + 1)
		l.Id = &id
		res.RelatedLocations = append(res.RelatedLocations, l)
	}
	if len(f.Flow) > 0 {
		var tfl []*gosarif.ThreadFlowLocation
		for i, step := range f.Flow {
			if i == maxFlowLocations {
				break
			}
			tfl = append(tfl, &gosarif.ThreadFlowLocation{Location: location(step, "")})
		}
		res.CodeFlows = []*gosarif.CodeFlow{{ThreadFlows: []*gosarif.ThreadFlow{{Locations: tfl}}}}
	}
	for _, fix := range f.Fixes {
		if sf := sarifFix(fix); sf != nil {
			res.Fixes = append(res.Fixes, sf)
		}
	}
	if s := f.Suppression; s != nil {
		res.Suppressions = []*gosarif.Suppression{{
			Kind:          s.Kind,
			Status:        strPtr("accepted"),
			Location:      location(f.Location, ""),
			Guid:          strPtr(guid(f.Fingerprint)),
			Justification: strPtr(s.Justification),
		}}
	}
	if f.BaselineState != "" {
		res.WithBaselineState(f.BaselineState)
	}
	props := gosarif.Properties{}
	for k, v := range f.Properties {
		props[k] = v
	}
	if p := f.Provenance; p != nil {
		props["commit"] = p
	}
	if len(props) > 0 {
		res.Properties = props
	}
	return res, nil
}

func artifact(path string) *gosarif.ArtifactLocation {
	return &gosarif.ArtifactLocation{URI: strPtr(uriPath(path)), URIBaseId: strPtr(SrcRoot)}
}

// uriPath escapes a relative slash path as a URI reference.
func uriPath(p string) string {
	return (&url.URL{Path: strings.TrimPrefix(filepath.ToSlash(p), "./")}).EscapedPath()
}

func location(l finding.Location, snippet string) *gosarif.Location {
	reg := &gosarif.Region{}
	if l.StartLine > 0 {
		reg.StartLine = intPtr(l.StartLine)
	} else {
		reg.StartLine = intPtr(1)
	}
	if l.StartColumn > 0 {
		reg.StartColumn = intPtr(l.StartColumn)
	}
	if l.EndLine >= l.StartLine && l.EndLine > 0 {
		reg.EndLine = intPtr(l.EndLine)
		if l.EndColumn > 0 && (l.EndLine > l.StartLine || l.EndColumn >= l.StartColumn) {
			reg.EndColumn = intPtr(l.EndColumn)
		}
	}
	if snippet != "" {
		reg.Snippet = &gosarif.ArtifactContent{Text: strPtr(snippet)}
	}
	loc := &gosarif.Location{PhysicalLocation: &gosarif.PhysicalLocation{ArtifactLocation: artifact(l.Path), Region: reg}}
	if l.Message != "" {
		loc.Message = &gosarif.Message{Text: strPtr(l.Message)}
	}
	return loc
}

func sarifFix(fix finding.Fix) *gosarif.Fix {
	byPath := map[string][]*gosarif.Replacement{}
	var paths []string
	for _, e := range fix.Edits {
		if _, ok := byPath[e.Path]; !ok {
			paths = append(paths, e.Path)
		}
		text := e.NewText
		byPath[e.Path] = append(byPath[e.Path], &gosarif.Replacement{
			DeletedRegion: gosarif.Region{
				StartLine: intPtr(e.StartLine), StartColumn: intPtr(e.StartColumn),
				EndLine: intPtr(e.EndLine), EndColumn: intPtr(e.EndColumn),
			},
			InsertedContent: &gosarif.ArtifactContent{Text: &text},
		})
	}
	if len(paths) == 0 {
		// GitHub rejects fixes without artifact changes.
		return nil
	}
	sort.Strings(paths)
	sf := &gosarif.Fix{Description: &gosarif.Message{Text: strPtr(fix.Description)}}
	for _, p := range paths {
		sf.ArtifactChanges = append(sf.ArtifactChanges, &gosarif.ArtifactChange{ArtifactLocation: *artifact(p), Replacements: byPath[p]})
	}
	return sf
}

// guid derives a version-5-shaped UUID from a fingerprint, so a
// suppression's guid is stable across runs.
func guid(fp string) string {
	h := finding.Hash("authvet-suppression", fp)
	return fmt.Sprintf("%s-%s-5%s-8%s-%s", h[0:8], h[8:12], h[13:16], h[17:20], h[20:32])
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func strPtr(s string) *string { return &s }

func strPtrOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func intPtr(i int) *int    { return &i }
func boolPtr(b bool) *bool { return &b }
