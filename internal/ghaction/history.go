package ghaction

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/authvet/authvet/internal/diffscope"
)

// EnsureHistory makes sure dir's clone holds what a change's scan needs:
// the base and head commits, and their merge bases with each other and
// with HEAD (a pull request's checkout is a merge commit). actions/checkout
// fetches one commit by default, so a shallow clone is deepened from
// origin, a few times, as far as needed; if that fails the error says to
// set fetch-depth: 0. The scan never goes on with part of the history.
func EnsureHistory(ctx context.Context, dir string, p Plan, log io.Writer) error {
	if p.Scope != ScopeChange {
		return nil
	}
	complete := func() bool {
		for _, args := range [][]string{
			{"cat-file", "-e", p.Base + "^{commit}"},
			{"cat-file", "-e", p.Head + "^{commit}"},
			{"merge-base", p.Base, p.Head},
			{"merge-base", p.Base, "HEAD"},
		} {
			if _, err := diffscope.Git(ctx, dir, args...); err != nil {
				return false
			}
		}
		return true
	}
	if complete() {
		return nil
	}
	out, err := diffscope.Git(ctx, dir, "rev-parse", "--is-shallow-repository")
	if err != nil {
		return fmt.Errorf("checking the clone: %w", err)
	}
	shallow := strings.TrimSpace(out) == "true"
	head, err := diffscope.Git(ctx, dir, "rev-parse", "--verify", "--quiet", "HEAD")
	if err != nil {
		return fmt.Errorf("checking the clone: %w", err)
	}
	head = strings.TrimSpace(head)
	// Depths to try: the change's own commits and its merge base first,
	// then more, for a base branch that moved on since the fork.
	var depths []string
	if shallow {
		first := max(p.Commits+2, 2)
		depths = []string{fmt.Sprint(first), "100", "1000"}
	} else {
		depths = []string{""} // a full clone only lacks the commits themselves
	}
	var lastErr error
	for _, d := range depths {
		args := []string{"fetch", "--no-tags", "--quiet", "--no-recurse-submodules"}
		if d != "" {
			args = append(args, "--depth="+d)
		}
		args = append(args, "origin", p.Base, p.Head)
		if head != "" && head != p.Head {
			// A pull request's checkout is a merge commit: deepen it too,
			// down to its first parent, the base.
			args = append(args, head)
		}
		fmt.Fprintf(log, "authvet: fetching history for %.7s..%.7s: git %s\n", p.Base, p.Head, strings.Join(args, " "))
		if _, err := diffscope.Git(ctx, dir, args...); err != nil {
			lastErr = err
			break
		}
		if complete() {
			return nil
		}
	}
	why := "the fetched history does not reach their merge base"
	if lastErr != nil {
		why = lastErr.Error()
	}
	return fmt.Errorf("the commits %.12s..%.12s and their merge base are not in this clone and could not be fetched (%s): set fetch-depth: 0 on actions/checkout so that the whole history is there", p.Base, p.Head, why)
}
