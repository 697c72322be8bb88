package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/pflag"

	"github.com/authvet/authvet/internal/diffscope"
	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/internal/report"
)

// diffFlags are --new-from-rev and --new-from-patch: report only the
// findings on lines a change added or modified.
type diffFlags struct {
	rev, patch string
}

// registerDiffFlags adds the changed-lines flags to a command.
func registerDiffFlags(fs *pflag.FlagSet) *diffFlags {
	d := &diffFlags{}
	fs.StringVar(&d.rev, "new-from-rev", "", "report only findings on lines changed since the merge base of `REV` and HEAD (uncommitted and untracked files count)")
	fs.StringVar(&d.patch, "new-from-patch", "", "report only findings on lines a unified diff `FILE` adds (paths relative to the repository root)")
	return d
}

// changedScope is the changed lines a run is limited to; a nil scope keeps
// everything.
type changedScope struct {
	set  *diffscope.Set
	what string // "since <rev> (merge base <sha>)" or "in <patch>"
}

// load reads the changed lines, before any analysis runs, so that a
// missing revision fails fast. dir is where the repository is.
func (d *diffFlags) load(ctx context.Context, dir string) (*changedScope, error) {
	switch {
	case d == nil || (d.rev == "" && d.patch == ""):
		return nil, nil
	case d.rev != "" && d.patch != "":
		return nil, usageErrorf("--new-from-rev and --new-from-patch both name the change; use one")
	case d.rev != "":
		set, base, err := diffscope.FromRev(ctx, dir, d.rev)
		if err != nil {
			// Never a silently partial result: a shallow clone without
			// the base is an error that says what to fetch.
			if errors.Is(err, diffscope.ErrShallow) {
				return nil, &exitError{ExitError, fmt.Errorf("--new-from-rev: %w", err)}
			}
			return nil, usageErrorf("--new-from-rev: %v", err)
		}
		return &changedScope{set: set, what: fmt.Sprintf("since %s (merge base %.12s)", d.rev, base)}, nil
	}
	f, err := os.Open(d.patch)
	if err != nil {
		return nil, usageErrorf("--new-from-patch: %v", err)
	}
	defer f.Close()
	set, err := diffscope.Parse(f)
	if err != nil {
		return nil, usageErrorf("--new-from-patch %s: %v", d.patch, err)
	}
	return &changedScope{set: set, what: "in " + d.patch}, nil
}

// spans lists every place a finding points at: its location, its data
// flow and its related locations.
func spans(f *finding.Finding) []diffscope.Span {
	out := []diffscope.Span{{Path: f.Location.Path, Start: f.Location.StartLine, End: f.Location.EndLine}}
	for _, locs := range [][]finding.Location{f.Flow, f.Related} {
		for _, l := range locs {
			out = append(out, diffscope.Span{Path: l.Path, Start: l.StartLine, End: l.EndLine})
		}
	}
	return out
}

// keep drops the report's findings that touch no changed line, and says
// in a notification how many were left out.
func (c *changedScope) keep(r *report.Report) {
	if c == nil {
		return
	}
	kept := r.Findings[:0]
	dropped := 0
	for i := range r.Findings {
		if c.set.Touches(spans(&r.Findings[i])...) {
			kept = append(kept, r.Findings[i])
		} else {
			dropped++
		}
	}
	r.Findings = kept
	if dropped > 0 {
		r.Notifications = append(r.Notifications, report.Notification{Level: finding.LevelNote, Kind: "changed-lines-only",
			Message: fmt.Sprintf("%d finding(s) on lines not changed %s left out", dropped, c.what)})
	}
}
