package secrets

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/authvet/authvet/internal/finding"
)

// scanHistory scans commits: all refs, a branch, or a range.
func (s *scan) scanHistory(ctx context.Context) error {
	if err := lookGit(); err != nil {
		return err
	}
	top := s.top
	if top == "" {
		t, err := historyRoot(ctx, s.opts.Root)
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrNotRepository, s.opts.Root, err)
		}
		top = t
	}
	s.repo = &gitRepo{dir: top}
	s.opts.Root = top
	cov := &s.res.Coverage

	// The setup asks git several small things; each costs a process
	// start, so those that do not depend on each other run at once.
	shallowCh := make(chan bool, 1)
	go func() {
		out, err := s.repo.output(ctx, "rev-parse", "--is-shallow-repository")
		shallowCh <- err == nil && strings.TrimSpace(out) == "true"
	}()
	joinShallow := sync.OnceFunc(func() { s.res.Shallow = <-shallowCh })
	defer joinShallow()

	// What to walk, and which commit "present" is judged against.
	var revs []string
	switch {
	case s.opts.Mode == Range:
		joinShallow() // the range's errors mention it
		base, head, err := s.resolveRange(ctx)
		if err != nil {
			return err
		}
		mb, err := s.repo.output(ctx, "merge-base", base, head)
		if err != nil {
			return fmt.Errorf("range %s: %s and %s have no merge base (unrelated histories, or a shallow clone: fetch the full history, e.g. actions/checkout with fetch-depth: 0): %v", s.rangeText(), short(base), short(head), err)
		}
		mb = strings.TrimSpace(mb)
		cov.Ref, cov.MergeBase, cov.Head = s.rangeText(), mb, head
		revs = []string{head, "^" + mb}
	case s.opts.Branch != "":
		tip, err := s.resolve(ctx, s.opts.Branch)
		if err != nil {
			return fmt.Errorf("branch %s: %w", s.opts.Branch, err)
		}
		cov.Ref, cov.Head = s.opts.Branch, tip
		revs = []string{tip}
	default:
		cov.Ref = "--all"
		// Resolve the refs once, so that the commits scanned and the
		// tips the cache records are the same set even if refs move
		// during the scan.
		tips, head, err := s.allTips(ctx)
		cov.Head = head
		if err != nil {
			return fmt.Errorf("listing refs: %w", err)
		}
		if len(tips) == 0 {
			s.notify(NotifyNothingToScan, finding.LevelNote, "the repository has no commits yet: nothing to scan in history")
			return nil
		}
		revs = tips
	}

	// The cache covers commits reachable from the tips it has scanned.
	// When the refs still point where they did, there is nothing new to
	// list: the commits in scope are the ones the cache counted, and the
	// two rev-lists below (the larger part of a warm scan's time on a
	// long history) are not run.
	var cached *cacheState
	unchanged := false
	if s.cacheEnabled() {
		joinShallow() // the cache is per shallowness
		cached = s.loadCache(ctx, revs)
		unchanged = cached != nil && cached.InScope > 0 && sameSet(cached.Tips, revs)
	}
	var (
		all []string
		err error
	)
	if unchanged {
		cov.CommitsInScope = cached.InScope
	} else {
		all, err = s.revList(ctx, revs, nil)
		joinShallow()
		if err != nil {
			return fmt.Errorf("listing commits: %w (is the repository corrupt?)", err)
		}
		cov.CommitsInScope = len(all)
	}
	if s.opts.Mode == Range {
		if s.opts.Progress != nil {
			fmt.Fprintf(s.opts.Progress, "authvet: range %s holds %d commits (merge base %s)\n", cov.Ref, len(all), short(cov.MergeBase))
		}
		if len(all) == 0 {
			return fmt.Errorf("%w: range %s holds no commits (merge base %s is %s itself)", ErrNothingScanned, cov.Ref, short(cov.MergeBase), short(cov.Head))
		}
	}

	todo := all
	if cached != nil && !unchanged && len(cached.Tips) > 0 {
		todo, err = s.revList(ctx, revs, cached.Tips)
		if err != nil {
			cached, todo = nil, all
		}
	}
	cov.CommitsCached = cov.CommitsInScope - len(todo)

	// git starts on the history while the rules may still be compiling:
	// the matching workers start once they are ready, and what git
	// reads in the meantime waits in the engine's queue and the pipe.
	eng := newEngine(nil, s.opts.Workers)
	started := make(chan struct{})
	go func() {
		defer close(started)
		if s.rulesReady() == nil {
			eng.set = s.set
		}
		// Without rules, the workers drain the queue. An interrupted
		// scan still matches what it has read: the workers stop only
		// with the rules (a config that does not load).
		eng.start(s.finishCtx)
	}()
	scanned, sk := s.logCommits(ctx, eng, todo)
	sk = s.readBinaryBlobs(ctx, eng, sk)
	s.readPEMEdits(ctx, eng) // keys rewritten in place (pemedit.go)
	<-started
	eng.finish()
	s.engineErrors(eng)
	if err := s.rulesReady(); err != nil {
		return err
	}
	if ctx.Err() != nil {
		if s.callerCtx.Err() == nil {
			return ctx.Err()
		}
		// Interrupted (Ctrl-C): the report holds what was read. The
		// git steps below finish it on a context that is not
		// cancelled; a second interrupt ends the process.
		s.interrupted = true
		s.res.Incomplete = true
		s.notify(NotifyInterrupted, finding.LevelError, "interrupted: %d of %d commits were read; the commits not read were not scanned for secrets; run the scan again to read them all", cov.CommitsCached+scanned, cov.CommitsInScope)
		ctx = s.finishCtx
	}
	cov.CommitsScanned = scanned
	s.addSkipped(sk)
	cov.BytesScanned = eng.bytes.Load()

	occs := eng.occs
	if cached != nil {
		occs = append(occs, cached.occurrences()...)
	}
	s.dropGitObjects(ctx, eng, &occs)
	cov.KnownBenign = eng.benign
	groups := groupOccurrences(occs)
	assessGroups(groups, eng.secrets, cached)
	s.presentAt(ctx, cov.Head, groups, eng.secrets, cached)
	s.markOffHead(ctx, cov.Head, groups)
	// Before the cache keeps the snippets.
	s.redactKnown(groups, eng.secrets)
	if s.cacheEnabled() && s.set.Hash() == s.ruleHash && !s.interrupted { // unless the config changed meanwhile, or history was not read to the end
		s.saveCache(ctx, revs, cov.CommitsInScope, groups)
	}
	s.secrets = eng.secrets
	s.res.Findings = s.makeFindings(ctx, groups)

	if s.res.Shallow {
		s.notify(NotifyShallowClone, finding.LevelWarning, "shallow clone: history is incomplete, %d commits scanned; commits before the clone's depth were not; run 'git fetch --unshallow' (in GitHub Actions, actions/checkout with fetch-depth: 0) to scan all of them", cov.CommitsCached+cov.CommitsScanned)
	}
	return nil
}

// sameSet reports whether a and b hold the same strings.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	in := make(map[string]bool, len(a))
	for _, x := range a {
		in[x] = true
	}
	for _, x := range b {
		if !in[x] {
			return false
		}
	}
	return true
}

// allTips returns the commits every ref (and HEAD) points to, and
// HEAD's commit ("" in a repository without commits).
func (s *scan) allTips(ctx context.Context) (tips []string, head string, err error) {
	headCh := make(chan string, 1)
	go func() {
		h, _ := s.resolve(ctx, "HEAD")
		headCh <- h
	}()
	out, err := s.repo.output(ctx, "for-each-ref", "--format=%(objectname) %(objecttype) %(*objectname) %(*objecttype)")
	head = <-headCh
	if err != nil {
		return nil, "", err
	}
	seen := map[string]bool{}
	add := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			tips = append(tips, t)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		switch {
		case len(f) == 4 && f[3] == "commit": // an annotated tag: its target
			add(f[2])
		case len(f) == 2 && f[1] == "commit":
			add(f[0])
		}
	}
	add(head)
	return tips, head, nil
}

func (s *scan) rangeText() string {
	if s.opts.SinceCommit != "" {
		return s.opts.SinceCommit + "..HEAD"
	}
	return s.opts.Range
}

// resolveRange returns the commits of BASE and HEAD; a base git does
// not have is an error that says to fetch it.
func (s *scan) resolveRange(ctx context.Context) (base, head string, err error) {
	b, h := s.opts.SinceCommit, "HEAD"
	if s.opts.Range != "" {
		r := s.opts.Range
		sep := "..."
		if !strings.Contains(r, sep) {
			sep = ".."
		}
		i := strings.Index(r, sep)
		if i < 0 {
			return "", "", fmt.Errorf("--range %q: want BASE..HEAD", r)
		}
		b, h = r[:i], r[i+len(sep):]
		if h == "" {
			h = "HEAD"
		}
		if b == "" {
			return "", "", fmt.Errorf("--range %q: BASE is empty", r)
		}
	}
	base, err = s.resolve(ctx, b)
	if err != nil {
		hint := "fetch it first (git fetch origin " + b + "; in GitHub Actions, actions/checkout with fetch-depth: 0)"
		if s.res.Shallow {
			hint = "this is a shallow clone; " + hint
		}
		return "", "", fmt.Errorf("range base %s is not in this repository: %s", b, hint)
	}
	head, err = s.resolve(ctx, h)
	if err != nil {
		return "", "", fmt.Errorf("range head %s is not in this repository: %v", h, err)
	}
	return base, head, nil
}

func (s *scan) resolve(ctx context.Context, rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("bad revision %q", rev)
	}
	out, err := s.repo.output(ctx, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("unknown revision %s", rev)
	}
	return strings.TrimSpace(out), nil
}

func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

// revList lists the commits of revs, newest first, excluding those
// reachable from not.
func (s *scan) revList(ctx context.Context, revs, not []string) ([]string, error) {
	args := []string{"rev-list"}
	if s.opts.MaxCommits > 0 {
		args = append(args, "--max-count="+strconv.Itoa(s.opts.MaxCommits))
	}
	args = append(args, "--stdin")
	cmd := s.repo.command(ctx, args...)
	in := strings.Join(revs, "\n") + "\n"
	for _, n := range not {
		in += "^" + n + "\n"
	}
	cmd.Stdin = strings.NewReader(in)
	var stderr stderrBuffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, &gitError{args: args, stderr: stderr.String(), err: err}
	}
	return strings.Fields(string(out)), nil
}

// logSink feeds one git process's output to the engine.
type logSink struct {
	b        batcher
	onCommit func(*commitInfo)
	mu       *sync.Mutex
	skipped  *[]skipped
}

func (l *logSink) commit(c *commitInfo) { l.onCommit(c) }
func (l *logSink) fragment(f fragment) {
	l.b.e.notePEMEdit(&f) // pemedit.go
	l.b.add(f)
}
func (l *logSink) bytesRead(int64) {}
func (l *logSink) skip(sk skipped) {
	l.mu.Lock()
	*l.skipped = append(*l.skipped, sk)
	l.mu.Unlock()
}

// gitProcs chooses how many git processes diff the history. git's diff
// generation is single-threaded and, with matching confined to the
// windows where secrets can be, it is the larger cost: one git process
// per processor (matching runs alongside), fewer for small scans.
func (s *scan) gitProcs(n int) int {
	if p := s.opts.GitProcs; p > 0 {
		return min(p, 8)
	}
	p := min(runtime.GOMAXPROCS(0), 8)
	// Small scans are not worth a second process.
	if n < 200*p {
		p = n / 200
	}
	return max(1, p)
}

// logCommits streams the patches of commits through the engine, read by
// concurrent `git diff-tree --stdin` processes. Each process is handed
// the next commit when it starts printing the one before, so work goes
// to whichever is free: history is uneven, and one commit (a vendored
// dependency, a generated file) can hold most of it. It returns how many
// commits were read and the files skipped.
func (s *scan) logCommits(ctx context.Context, eng *engine, commits []string) (int, []skipped) {
	var (
		wg      sync.WaitGroup
		stopped = make(chan struct{})
		d       = &dispatch{queue: commits, seqOf: make(map[string]int, len(commits)), eng: eng}
	)
	for i, c := range commits {
		d.seqOf[c] = i
	}
	if s.opts.Progress != nil && len(commits) > 0 {
		go s.progress(&d.count, len(commits), stopped)
	}
	for range s.gitProcs(len(commits)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil && d.more() {
				s.diffRun(ctx, d)
			}
		}()
	}
	// Files added whole are read apart from the patches (added.go).
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.readAdded(ctx, eng, commits, d.seqOf, d.skip)
	}()
	wg.Wait()
	close(stopped)
	if s.opts.Progress != nil && len(commits) > 0 {
		fmt.Fprintln(s.opts.Progress)
	}
	if ctx.Err() != nil {
		// Interrupted: the commits git printed (the last one possibly
		// in part), not those it was to read.
		return int(d.count.Load() - d.lost.Load()), d.skipped
	}
	return len(commits) - int(d.lost.Load()), d.skipped
}

// dispatch hands out commits to the git processes.
type dispatch struct {
	mu      sync.Mutex
	queue   []string // in log order
	retry   []string // given back by a process that failed
	seqOf   map[string]int
	eng     *engine
	skipped []skipped
	count   atomic.Int64 // commits read, for progress
	lost    atomic.Int64 // commits git could not read at all
}

func (d *dispatch) pop() (string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if n := len(d.retry); n > 0 {
		c := d.retry[0]
		d.retry = d.retry[1:]
		return c, true
	}
	if len(d.queue) == 0 {
		return "", false
	}
	c := d.queue[0]
	d.queue = d.queue[1:]
	return c, true
}

func (d *dispatch) more() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.queue)+len(d.retry) > 0
}

// skip records a file not scanned.
func (d *dispatch) skip(x skipped) {
	d.mu.Lock()
	d.skipped = append(d.skipped, x)
	d.mu.Unlock()
}

func (d *dispatch) giveBack(cs []string) {
	d.mu.Lock()
	d.retry = append(d.retry, cs...)
	d.mu.Unlock()
}

// diffWindow is how many commits a git process holds at once: a few, so
// that it does not wait for the next while its output is read (2 was 2-4%
// slower on real histories than 8).
const diffWindow = 8

// diffRun runs one git process until the commits run out or git fails.
// When git fails, the commit it failed on is re-read file by file
// (perFile) and the others it held go back to the queue.
func (s *scan) diffRun(ctx context.Context, d *dispatch) {
	args := append([]string{"diff-tree", "--stdin", "--always", "-r", "--root", commitFormat}, historyOpts...)
	cmd := s.repo.command(ctx, args...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return
	}
	var (
		mu      sync.Mutex
		sent    []string // commits written to git, in order
		printed int      // of sent, those git has printed
		slots   = make(chan struct{}, diffWindow)
		quit    = make(chan struct{})
		wrote   = make(chan struct{})
	)
	go func() {
		defer close(wrote)
		defer stdin.Close()
		for {
			select {
			case slots <- struct{}{}:
			case <-quit:
				return
			}
			c, ok := d.pop()
			if !ok {
				return
			}
			mu.Lock()
			sent = append(sent, c)
			mu.Unlock()
			if _, err := io.WriteString(stdin, c+"\n"); err != nil {
				return // git is gone; what it did not print goes back
			}
		}
	}()
	sink := &logSink{b: batcher{e: d.eng}, mu: &d.mu, skipped: &d.skipped, onCommit: func(c *commitInfo) {
		if n, ok := d.seqOf[c.SHA]; ok {
			c.Seq = n
		}
		mu.Lock()
		printed++
		mu.Unlock()
		n := d.count.Add(1)
		if s.opts.onCommitRead != nil {
			s.opts.onCommitRead(n)
		}
		<-slots
	}}
	stderr, err := s.repo.streamCmd(ctx, cmd, args, s.opts.MaxFileSize, 0, sink)
	sink.b.flush()
	close(quit)
	<-wrote
	if err == nil || ctx.Err() != nil {
		return
	}
	// git prints a commit once its files are diffed, and reads their
	// blobs while printing the patch: it failed on the last commit it
	// printed, or (a tree it cannot read) on the next one. The last
	// printed is re-read file by file; the others go back to the queue,
	// where the next one, if it was the culprit, fails again first.
	mu.Lock()
	left := append([]string(nil), sent[max(printed-1, 0):]...)
	wasPrinted := printed > 0
	mu.Unlock()
	if len(left) == 0 {
		// git failed before it was given anything: pass one commit,
		// reported, so that a git that always fails cannot loop.
		c, ok := d.pop()
		if !ok {
			return
		}
		left = []string{c}
	}
	failed := left[0]
	d.giveBack(left[1:])
	if obj, isObj := objectError(stderr); isObj {
		s.perFile(ctx, d.eng, failed, d.seqOf[failed], obj, &d.lost)
	} else {
		// Not an object error: report it and pass the commit so the
		// rest of history is still read.
		s.unreadable(failed, "", "", firstLine(stderr, err))
		d.lost.Add(1)
	}
	if !wasPrinted {
		d.count.Add(1)
	}
}

func (s *scan) progress(count *atomic.Int64, total int, stop <-chan struct{}) {
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	start := time.Now()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			n := count.Load()
			rate := float64(n) / time.Since(start).Seconds()
			fmt.Fprintf(s.opts.Progress, "\rauthvet: scanned %d/%d commits (%.0f commits/s)", n, total, rate)
		}
	}
}

// perFile re-reads one commit after git failed on it, leaving out only
// what cannot be read. It lists the commit's files with their blob ids,
// asks git in one batch which blobs it lacks, reports those files and
// reads the rest in one run. Only when that run fails too (an object
// git has but cannot read, such as a corrupt one) does it fall back to
// reading the remaining files one by one; on a commit of hundreds of
// files (a vendored dependency), one process per file took seconds.
//
// The listing includes the files the commit deletes. Their text is not
// scanned (a deletion adds no line), but rename detection (-M) reads a
// deleted file's blob to pair it with an added one, so a deleted file
// whose blob is absent fails the one run as surely as a changed one: a
// partial clone that lacks old build output (a web bundle replaced by
// its next hashed name in every release) sent each such commit to the
// file-by-file fallback, a git process per file of the commit. Such a
// file is left out of the run, unreported: nothing it held was to be
// read, and an added file it would have been paired with is read whole.
func (s *scan) perFile(ctx context.Context, eng *engine, commit string, seq int, obj string, lost *atomic.Int64) {
	raw, err := s.repo.output(ctx, "diff-tree", "-r", "--root", "--no-commit-id", "--no-renames", "--raw", "-z", "--diff-filter=tuxb", commit)
	if err != nil {
		o, _ := objectError(err.Error())
		if o == "" {
			o = obj
		}
		s.unreadable(commit, "", o, "")
		lost.Add(1)
		return
	}
	files := parseRawTree(raw)
	missing := s.missingBlobs(ctx, files)
	var paths, bad []string
	for _, f := range files {
		if f.deleted() {
			if missing[f.oldID] != "" {
				bad = append(bad, f.path)
			}
			continue
		}
		if o := missing[f.newID]; o != "" {
			s.unreadable(commit, f.path, o, "")
			bad = append(bad, f.path)
			continue
		}
		if o := missing[f.oldID]; o != "" {
			s.unreadable(commit, f.path, o, "")
			bad = append(bad, f.path)
			continue
		}
		paths = append(paths, f.path)
	}
	if len(paths) == 0 {
		return
	}
	args := append([]string{"log", "-1", commitFormat}, diffOpts...)
	if len(bad) <= 64 {
		// Everything but the unreadable files, in one run.
		spec := append(append(args, commit, "--", "."), excludes(bad)...)
		sink := &logSink{b: batcher{e: eng}, onCommit: func(*commitInfo) {}, mu: &sync.Mutex{}, skipped: &[]skipped{}}
		_, err := s.repo.stream(ctx, spec, nil, s.opts.MaxFileSize, seq, sink)
		if err == nil {
			sink.b.flush()
			return
		}
		// The run failed part-way (an object git has but cannot read):
		// the files are read one by one. What the failed run matched
		// is kept; groupOccurrences drops the repeated occurrences.
		sink.b.flush()
	}
	for _, p := range paths {
		sink := &logSink{b: batcher{e: eng}, onCommit: func(*commitInfo) {}, mu: &sync.Mutex{}, skipped: &[]skipped{}}
		stderr, err := s.repo.stream(ctx, append(append(args, commit, "--"), ":(literal)"+p), nil, s.opts.MaxFileSize, seq, sink)
		sink.b.flush()
		if err != nil {
			o, _ := objectError(stderr)
			s.unreadable(commit, p, o, "")
		}
	}
	// When every file read fine, the failure was elsewhere (the next
	// commit's objects) and the resumed run meets it there.
}

// treeFile is one file of `git diff-tree --raw` output.
type treeFile struct {
	oldID, newID, path, status string
}

// deleted reports a file the commit deletes.
func (f treeFile) deleted() bool { return strings.HasPrefix(f.status, "D") }

// parseRawTree parses `git diff-tree -r --raw -z` output:
// ":oldmode newmode oldid newid status\0path\0" records.
func parseRawTree(raw string) []treeFile {
	var out []treeFile
	parts := strings.Split(raw, "\x00")
	for i := 0; i+1 < len(parts); i += 2 {
		f := strings.Fields(strings.TrimPrefix(parts[i], ":"))
		if len(f) < 5 {
			break
		}
		out = append(out, treeFile{oldID: f[2], newID: f[3], path: parts[i+1], status: f[4]})
	}
	return out
}

// missingBlobs returns, for the blobs of files git does not have, their
// ids (mapped to themselves), asked in one `git cat-file` batch.
func (s *scan) missingBlobs(ctx context.Context, files []treeFile) map[string]string {
	var ids []string
	seen := map[string]bool{}
	for _, f := range files {
		for _, id := range []string{f.oldID, f.newID} {
			if id != "" && strings.Trim(id, "0") != "" && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	missing := map[string]string{}
	if len(ids) == 0 {
		return missing
	}
	cmd := s.repo.command(ctx, "cat-file", "--batch-check=%(objectname)")
	cmd.Stdin = strings.NewReader(strings.Join(ids, "\n") + "\n")
	out, err := cmd.Output()
	if err != nil {
		return missing
	}
	for _, l := range strings.Split(string(out), "\n") {
		if id, ok := strings.CutSuffix(l, " missing"); ok {
			missing[id] = id
		}
	}
	return missing
}

// excludes turns paths into literal pathspec excludes.
func excludes(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = ":(exclude,literal)" + p
	}
	return out
}

// unreadable records content the scan could not read.
func (s *scan) unreadable(commit, path, object, detail string) {
	if s.callerCtx != nil && s.callerCtx.Err() != nil {
		// Interrupted: git was stopped, and what it could not read
		// from then on says nothing of the repository. The
		// interrupted notification covers the commits not read.
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.res.Incomplete = true
	if object != "" {
		// One missing blob met again (a file reverted to an earlier
		// version, a merge) is one object git could not read.
		if s.unread.objects[object] {
			return
		}
		if s.unread.objects == nil {
			s.unread.objects = map[string]bool{}
		}
		s.unread.objects[object] = true
	}
	msg := "scan incomplete: git could not read "
	if object != "" {
		msg += "object " + object + " in commit " + short(commit)
	} else {
		msg += "commit " + short(commit)
	}
	if path != "" {
		msg += " (file " + path + ")"
	}
	if detail != "" {
		msg += ": " + detail
	}
	msg += "; the rest of history was scanned (a damaged or partial clone: run 'git fsck', or re-clone)"
	u := &s.unread
	u.count++
	if u.count <= skippedNamed {
		s.res.Notifications = append(s.res.Notifications, Notification{Level: finding.LevelWarning, Kind: NotifyUnreadableObject, Message: msg})
		return
	}
	// A partial clone can miss hundreds of objects: past the first few,
	// one notification counts the rest and names their files.
	if u.more < 0 || u.more >= len(s.res.Notifications) {
		u.more = len(s.res.Notifications)
		s.res.Notifications = append(s.res.Notifications, Notification{Level: finding.LevelWarning, Kind: NotifyUnreadableObject})
	}
	if u.files == nil {
		u.files = map[string]int{}
	}
	name := path
	if name == "" {
		name = "commit " + short(commit)
	}
	if u.files[name] == 0 {
		u.order = append(u.order, name)
	}
	u.files[name]++
	s.res.Notifications[u.more].Message = u.summary()
}

// unreadCount counts the objects git could not read; past the first
// skippedNamed, one notification at index more sums them up.
type unreadCount struct {
	count   int
	more    int
	files   map[string]int // distinct objects per file
	order   []string
	objects map[string]bool
}

func (u *unreadCount) summary() string {
	rest := u.count - skippedNamed
	noun := "objects"
	if rest == 1 {
		noun = "object"
	}
	var names []string
	for _, n := range u.order[:min(len(u.order), skippedNamed)] {
		if k := u.files[n]; k > 1 {
			n = fmt.Sprintf("%s (%d versions)", n, k)
		}
		names = append(names, n)
	}
	ex := strings.Join(names, ", ")
	if len(u.order) > skippedNamed {
		ex += fmt.Sprintf(" and %d more files", len(u.order)-skippedNamed)
	}
	return fmt.Sprintf("scan incomplete: git could not read %d more %s, in %s; the rest of history was scanned (a damaged or partial clone: run 'git fsck', or re-clone)", rest, noun, ex)
}

func firstLine(stderr string, err error) string {
	for _, l := range strings.Split(stderr, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	if err != nil {
		var ge *gitError
		if errors.As(err, &ge) && ge.err != nil {
			return ge.err.Error()
		}
		return err.Error()
	}
	return "unknown error"
}

// addSkipped records files not scanned in the coverage (every one) and
// as one notification per reason, with the count and the first few
// names (the report lists the rest from the coverage).
func (s *scan) addSkipped(sk []skipped) {
	cov := &s.res.Coverage
	cov.SkippedCount += len(sk)
	cov.Skipped = append(cov.Skipped, sk...)
	byReason := map[string][]skipped{}
	for _, x := range sk {
		byReason[x.Reason] = append(byReason[x.Reason], x)
	}
	for _, reason := range []string{reasonTooLarge, reasonUnreadable, reasonBinary} {
		xs := byReason[reason]
		if len(xs) == 0 {
			continue
		}
		var names []string
		for _, x := range xs[:min(len(xs), skippedNamed)] {
			n := x.Path
			if x.Commit != "" {
				n += " in commit " + short(x.Commit)
			}
			if x.Detail != "" {
				n += " (" + x.Detail + ")"
			}
			names = append(names, n)
		}
		ex := strings.Join(names, ", ")
		if len(xs) > skippedNamed {
			ex += fmt.Sprintf(" and %d more", len(xs)-skippedNamed)
		}
		noun := "files"
		if len(xs) == 1 {
			noun = "file"
		}
		switch reason {
		case reasonTooLarge:
			s.notify(NotifySkippedFile, finding.LevelWarning, "%d %s not scanned: larger than the maximum file size (%d bytes; raise it with --max-file-size): %s", len(xs), noun, s.opts.MaxFileSize, ex)
		case reasonUnreadable:
			s.notify(NotifyUnreadableFile, finding.LevelWarning, "scan incomplete: %d %s or directories could not be read: %s", len(xs), noun, ex)
		case reasonBinary:
			s.notify(NotifySkippedFile, finding.LevelWarning, "%d binary %s not scanned: git could not read their contents: %s", len(xs), noun, ex)
		}
	}
}

// skippedNamed is how many skipped files a notification names; the
// coverage lists them all.
const skippedNamed = 5

// dropGitObjects removes generic matches whose value is the name of an
// object in the repository (a commit or blob id is not a secret).
func (s *scan) dropGitObjects(ctx context.Context, eng *engine, occs *[]occurrence) {
	if s.repo == nil {
		return
	}
	var cands []string
	seen := map[string]bool{}
	for _, o := range *occs {
		if o.hexLike && !seen[o.secretHash] {
			if v, ok := eng.secrets[o.secretHash]; ok {
				seen[o.secretHash] = true
				cands = append(cands, v)
			}
		}
	}
	if len(cands) == 0 {
		return
	}
	cmd := s.repo.command(ctx, "cat-file", "--batch-check=%(objectname)")
	cmd.Stdin = strings.NewReader(strings.Join(cands, "\n") + "\n")
	out, err := cmd.Output()
	if err != nil {
		return
	}
	objects := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n") {
		if l != "" && !strings.HasSuffix(l, " missing") {
			objects[secretHash(l)] = true
		}
	}
	kept := (*occs)[:0]
	for _, o := range *occs {
		if o.hexLike && objects[o.secretHash] {
			eng.benign++
			continue
		}
		kept = append(kept, o)
	}
	*occs = kept
}
