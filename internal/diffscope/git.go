package diffscope

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// ErrShallow is wrapped by FromRev's error when the revision or the merge
// base is missing because the clone is shallow: the caller must fetch more
// history, never go on with a partial diff.
var ErrShallow = errors.New("shallow clone")

// FromRev returns the lines of dir's working tree that differ from the
// merge base of rev and HEAD (what a pull request from HEAD into rev
// changes, plus uncommitted edits), with untracked files counted whole.
// Paths are relative to the repository's top level. It also returns the
// merge base's commit name.
func FromRev(ctx context.Context, dir, rev string) (*Set, string, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, "", fmt.Errorf("revision %q looks like a flag", rev)
	}
	top, err := Git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, "", fmt.Errorf("changed lines since %s: %w", rev, err)
	}
	top = strings.TrimSpace(top)
	shallow := func() bool {
		out, err := Git(ctx, top, "rev-parse", "--is-shallow-repository")
		return err == nil && strings.TrimSpace(out) == "true"
	}
	if _, err := Git(ctx, top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		if shallow() {
			return nil, "", fmt.Errorf("revision %s is not in this %w: fetch it (git fetch origin %s, or actions/checkout with fetch-depth: 0) and run again", rev, ErrShallow, rev)
		}
		return nil, "", fmt.Errorf("unknown revision %s: name a commit, branch or tag of this repository (git fetch it first if it is on a remote)", rev)
	}
	base, err := Git(ctx, top, "merge-base", "--end-of-options", rev, "HEAD")
	if err != nil {
		if shallow() {
			return nil, "", fmt.Errorf("the merge base of %s and HEAD is not in this %w: fetch full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0) and run again", rev, ErrShallow)
		}
		return nil, "", fmt.Errorf("%s and HEAD have no common history: %w", rev, err)
	}
	base = strings.TrimSpace(base)
	// Explicit prefixes and no renames across unrelated files: a user's
	// diff.noprefix or diff.external must not change what is parsed.
	out, err := Git(ctx, top, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
		"--src-prefix=a/", "--dst-prefix=b/", "-U0", "-M", base, "--")
	if err != nil {
		return nil, "", fmt.Errorf("changed lines since %s: %w", rev, err)
	}
	s, err := Parse(strings.NewReader(out))
	if err != nil {
		return nil, "", fmt.Errorf("changed lines since %s: git diff: %w", rev, err)
	}
	untracked, err := Git(ctx, top, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, "", fmt.Errorf("changed lines since %s: %w", rev, err)
	}
	for _, p := range strings.Split(untracked, "\x00") {
		if p != "" {
			s.AddFile(p)
		}
	}
	return s, base, nil
}

// Git runs git in dir and returns its stdout; the error carries git's own
// message from stderr.
func Git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", args[0], msg)
	}
	return stdout.String(), nil
}
