package secrets

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/authvet/authvet/internal/finding"
)

// scanStaged scans what is staged for the next commit: the added lines
// of `git diff --cached`, the pre-commit hook's view.
func (s *scan) scanStaged(ctx context.Context) error {
	if err := lookGit(); err != nil {
		return err
	}
	top, err := repoTop(ctx, s.opts.Root)
	if err != nil {
		return fmt.Errorf("%w: %s: --staged needs a git work tree (%v)", ErrNotRepository, s.opts.Root, err)
	}
	s.repo = &gitRepo{dir: top}
	s.opts.Root = top
	cov := &s.res.Coverage
	cov.Ref = "staged"

	// What is staged, to tell "nothing staged" from "nothing read".
	numstat, err := s.repo.output(ctx, "diff", "--cached", "--numstat", "-z", "--no-ext-diff", "--diff-filter=tuxdb")
	if err != nil {
		return fmt.Errorf("reading the index: %w", err)
	}
	files, added := 0, 0
	for _, rec := range strings.Split(numstat, "\x00") {
		f := strings.Fields(rec)
		if len(f) < 2 {
			continue
		}
		files++
		if n, err := strconv.Atoi(f[0]); err == nil {
			added += n
		}
	}

	if err := s.rulesReady(); err != nil {
		return err
	}
	eng := newEngine(s.set, s.opts.Workers)
	eng.start(ctx)
	sink := &stagedSink{b: batcher{e: eng}, files: map[string]bool{}}
	args := append([]string{"diff", "--cached"}, diffOpts...)
	stderr, err := s.repo.stream(ctx, args, nil, s.opts.MaxFileSize, 0, sink)
	sink.b.flush()
	if err == nil {
		sink.skipped = s.readBinaryBlobs(ctx, eng, sink.skipped)
	}
	eng.finish()
	s.engineErrors(eng)
	if err != nil {
		return fmt.Errorf("reading staged changes: %w", err)
	}
	_ = stderr
	cov.BytesScanned = eng.bytes.Load()
	cov.FilesScanned = len(sink.files)
	s.addSkipped(sink.skipped)
	if files == 0 {
		s.notify(NotifyNothingToScan, finding.LevelNote, "nothing is staged: no changes to scan")
	} else if added > 0 && cov.BytesScanned == 0 && len(sink.skipped) == 0 {
		return fmt.Errorf("%w: %d staged files add %d lines, but no staged content was read", ErrNothingScanned, files, added)
	}
	groups := groupOccurrences(eng.occs)
	assessGroups(groups, eng.secrets, nil)
	s.secrets = eng.secrets
	s.res.Findings = s.makeFindings(ctx, groups)
	return nil
}

type stagedSink struct {
	b       batcher
	files   map[string]bool
	skipped []skipped
}

func (st *stagedSink) commit(*commitInfo) {}
func (st *stagedSink) fragment(f fragment) {
	st.files[f.path] = true
	st.b.add(f)
}
func (st *stagedSink) skip(sk skipped) { st.skipped = append(st.skipped, sk) }
func (st *stagedSink) bytesRead(int64) {}
