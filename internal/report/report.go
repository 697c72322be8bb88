// Package report holds what one authvet run produced, in the form every
// writer reads (text, JSON and, in package sarif, SARIF), and the text and
// JSON writers themselves. Writers read only the Report and the rule
// catalogue, never the analyzers or the scanner.
package report

import (
	"time"

	"github.com/authvet/authvet/internal/finding"
)

// Tool identifies authvet in reports.
type Tool struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	InformationURI string `json:"informationUri"`
}

// Notification is something the run wants a reader to know that is not a
// finding: a package that did not load, a shallow clone, a skipped file.
type Notification struct {
	Level   finding.Level `json:"level"` // error, warning or note
	Kind    string        `json:"kind"`  // e.g. "load-error", "shallow-clone", "skipped-file"
	Message string        `json:"message"`
	Path    string        `json:"path,omitempty"`
}

// VCS describes the git checkout a run analyzed.
type VCS struct {
	RepositoryURL string `json:"repositoryUrl,omitempty"`
	Revision      string `json:"revision,omitempty"`
	Branch        string `json:"branch,omitempty"`
}

// Coverage says how much a run looked at, so that a reader can tell a
// clean result from a run that read nothing.
type Coverage struct {
	Packages       int `json:"packages"`
	PackagesFailed int `json:"packagesFailed"`
	// Unlisted is set when the go command could not even list the
	// packages in scope (a go.mod this toolchain refuses, a module the
	// proxy will not serve): none was analyzed, and how many there are
	// is unknown, so packagesFailed cannot count them.
	Unlisted       bool  `json:"unlisted,omitempty"`
	Commits        int   `json:"commits,omitempty"`
	CommitsInScope int   `json:"commitsInScope,omitempty"`
	Files          int   `json:"files,omitempty"`
	Bytes          int64 `json:"bytes,omitempty"`
	// Incomplete is set when the run knows it did not read everything in
	// scope (a shallow clone, an unreadable object, a package that failed
	// to load).
	Incomplete bool `json:"incomplete"`
}

// Report is the outcome of one run.
type Report struct {
	Tool Tool
	// Root is the absolute directory that finding paths are relative to.
	Root          string
	Findings      []finding.Finding
	Rules         *finding.Catalogue
	Notifications []Notification
	Coverage      Coverage
	VCS           *VCS
	// Success is false when the run hit an operational error (a package
	// that failed to load, a git failure): its findings are partial.
	Success bool
	// Elapsed is shown by the text writer only; other formats omit it so
	// that their output is deterministic.
	Elapsed time.Duration
	// Category is the SARIF automation category (e.g. "authvet/lint").
	Category string
	// Secrets finds the values secret rules match; writers redact them
	// wherever they occur (see Redacted). Nil redacts nothing beyond what
	// the findings' makers did.
	Secrets SecretFinder
}

// Summary counts a report's findings: counted ones by level, and those
// suppressed or already in the baseline.
type Summary struct {
	Error      int `json:"error"`
	Warning    int `json:"warning"`
	Note       int `json:"note"`
	Suppressed int `json:"suppressed"`
	// Unchanged counts findings already in the baseline.
	Unchanged int `json:"unchanged"`
}

// Summarize counts r's findings.
func (r *Report) Summarize() Summary {
	var s Summary
	for i := range r.Findings {
		f := &r.Findings[i]
		switch {
		case f.Suppression != nil:
			s.Suppressed++
		case f.BaselineState == finding.BaselineUnchanged:
			s.Unchanged++
		case f.Level == finding.LevelError:
			s.Error++
		case f.Level == finding.LevelWarning:
			s.Warning++
		case f.Level == finding.LevelNote:
			s.Note++
		}
	}
	return s
}

// Failing reports whether any counted finding is at or above min. A min
// of "none" never fails.
func (r *Report) Failing(min finding.Level) bool {
	if min == finding.LevelNone {
		return false
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Counts() && f.Level.AtLeast(min) {
			return true
		}
	}
	return false
}
