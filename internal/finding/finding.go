// Package finding is authvet's single findings model. Every analyzer
// diagnostic and every secret found by the scanner becomes a Finding, and
// every reporter (text, JSON, SARIF) reads only Findings and the rule
// catalogue. Values that hold a secret are redacted before a Finding is
// built, so no writer ever sees them.
package finding

import (
	"fmt"
	"sort"
	"strings"
)

// Level is the severity of a finding, in SARIF's vocabulary.
type Level string

// The levels, from most to least severe.
const (
	LevelError   Level = "error"
	LevelWarning Level = "warning"
	LevelNote    Level = "note"
	LevelNone    Level = "none"
)

// Rank orders levels: a higher rank is more severe. Unknown levels rank
// below none.
func (l Level) Rank() int {
	switch l {
	case LevelError:
		return 3
	case LevelWarning:
		return 2
	case LevelNote:
		return 1
	case LevelNone:
		return 0
	}
	return -1
}

// AtLeast reports whether l is at least as severe as min.
func (l Level) AtLeast(min Level) bool { return l.Rank() >= min.Rank() }

// ParseLevel parses a level name.
func ParseLevel(s string) (Level, error) {
	l := Level(strings.ToLower(strings.TrimSpace(s)))
	if l.Rank() < 0 {
		return "", fmt.Errorf("unknown level %q (want error, warning, note or none)", s)
	}
	return l, nil
}

// Location is a region of a file. Path is slash-separated and relative to
// the scanned root. Lines and columns are 1-based; columns count bytes, as
// go/token does. End fields may be zero when unknown.
type Location struct {
	Path        string `json:"path"`
	StartLine   int    `json:"startLine"`
	StartColumn int    `json:"startColumn,omitempty"`
	EndLine     int    `json:"endLine,omitempty"`
	EndColumn   int    `json:"endColumn,omitempty"`
	// Message describes the location's part in the finding (related
	// locations and code-flow steps); empty for the primary location.
	Message string `json:"message,omitempty"`
}

func (l Location) String() string {
	if l.StartColumn > 0 {
		return fmt.Sprintf("%s:%d:%d", l.Path, l.StartLine, l.StartColumn)
	}
	return fmt.Sprintf("%s:%d", l.Path, l.StartLine)
}

// Edit replaces the bytes [Start, End) of a file with NewText. Line and
// column positions are kept beside the offsets for formats (SARIF) that
// address text by region.
type Edit struct {
	Path        string `json:"path"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	StartLine   int    `json:"startLine"`
	StartColumn int    `json:"startColumn"`
	EndLine     int    `json:"endLine"`
	EndColumn   int    `json:"endColumn"`
	NewText     string `json:"newText"`
}

// Fix is a suggested change that resolves a finding.
type Fix struct {
	Description string `json:"description"`
	Edits       []Edit `json:"edits"`
}

// Suppression records why a finding is not counted.
type Suppression struct {
	Kind          string `json:"kind"` // "inSource" or "external"
	Justification string `json:"justification,omitempty"`
}

// Provenance ties a finding to the commit that introduced it.
type Provenance struct {
	Commit  string `json:"commit"`
	Author  string `json:"author,omitempty"`
	Email   string `json:"email,omitempty"`
	Date    string `json:"date,omitempty"` // RFC 3339
	Subject string `json:"subject,omitempty"`
}

// Baseline states, as SARIF names them.
const (
	BaselineNew       = "new"
	BaselineUnchanged = "unchanged"
)

// Finding is one problem authvet reports.
type Finding struct {
	RuleID   string   `json:"ruleId"`
	Level    Level    `json:"level"`
	Message  string   `json:"message"`
	Location Location `json:"location"`
	// Snippet is the flagged source line, redacted where it holds a secret.
	Snippet string `json:"snippet,omitempty"`
	// Fingerprint identifies the finding across unrelated edits.
	Fingerprint string `json:"fingerprint"`
	Fixes       []Fix  `json:"fixes,omitempty"`
	// Suppression is set when an in-source comment or an ignore file
	// suppresses the finding; suppressed findings do not fail a run.
	Suppression *Suppression `json:"suppression,omitempty"`
	// BaselineState is set when a baseline is in use: new or unchanged.
	BaselineState string      `json:"baselineState,omitempty"`
	Provenance    *Provenance `json:"provenance,omitempty"`
	// Related lists further locations, such as other occurrences of a
	// secret.
	Related []Location `json:"related,omitempty"`
	// Flow is the path a value takes from its source to the sink, in order.
	Flow []Location `json:"flow,omitempty"`
	// Properties carries rule-specific facts (secret status, context,
	// confidence, ...). Values must be JSON-encodable and never secret.
	Properties map[string]any `json:"properties,omitempty"`
}

// Counts reports whether the finding counts against a run: it is neither
// suppressed nor unchanged since the baseline.
func (f *Finding) Counts() bool {
	return f.Suppression == nil && f.BaselineState != BaselineUnchanged
}

// Sort orders findings by path, position, rule and message, so every
// output is deterministic.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Location.Path != b.Location.Path {
			return a.Location.Path < b.Location.Path
		}
		if a.Location.StartLine != b.Location.StartLine {
			return a.Location.StartLine < b.Location.StartLine
		}
		if a.Location.StartColumn != b.Location.StartColumn {
			return a.Location.StartColumn < b.Location.StartColumn
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		if a.Message != b.Message {
			return a.Message < b.Message
		}
		return a.Fingerprint < b.Fingerprint
	})
}

// Baseline is the set of fingerprints of an earlier run (sarif.ReadBaseline
// reads one).
type Baseline map[string]bool

// Apply marks each finding new or unchanged against the baseline.
func (b Baseline) Apply(fs []Finding) {
	for i := range fs {
		if b[fs[i].Fingerprint] {
			fs[i].BaselineState = BaselineUnchanged
		} else {
			fs[i].BaselineState = BaselineNew
		}
	}
}
