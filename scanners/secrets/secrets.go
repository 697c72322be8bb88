// Package secrets finds credentials committed to a repository: in its
// whole git history, a pull request's commits, what is staged for the
// next commit, or the files of a directory. It runs gitleaks' rules
// (through scanners/gitleaksrules) and returns authvet findings, one per
// distinct secret, with every place it occurs, where it was first
// introduced, whether it is still present, and what to do about it.
//
// The package follows gitleaks' split: git.go and files.go read
// (gitleaks' sources), engine.go matches (detect), and findings.go turns
// matches into findings (report). Secrets are redacted as findings are
// made; raw values live only in memory during a scan and never reach a
// Finding, a Notification, the cache or an error.
package secrets

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/gitleaksrules"
)

// Mode selects what is scanned.
type Mode int

const (
	// Auto scans history when Root is a repository's top level (or a
	// bare repository's git directory) and the directory otherwise.
	Auto Mode = iota
	// History scans every commit reachable from all refs (or Branch).
	History
	// Directory scans the files under Root as they are now.
	Directory
	// Staged scans what is staged for the next commit.
	Staged
	// Range scans the commits of Range (BASE..HEAD) or after SinceCommit.
	Range
)

func (m Mode) String() string {
	switch m {
	case History:
		return "history"
	case Directory:
		return "directory"
	case Staged:
		return "staged"
	case Range:
		return "range"
	}
	return "auto"
}

// DefaultMaxFileSize is the default limit on the bytes read from one
// file (or added to one file in one commit).
const DefaultMaxFileSize = 5 << 20

// Options configure a scan.
type Options struct {
	// Root is the path to scan: a repository's top level or a directory.
	Root string
	Mode Mode
	// Branch limits a history scan to the commits reachable from a ref.
	Branch string
	// Range is "BASE..HEAD" (or "BASE...HEAD"): the commits reachable
	// from HEAD and not from the merge base of BASE and HEAD.
	Range string
	// SinceCommit scans the commits after SHA up to HEAD.
	SinceCommit string
	// MaxCommits bounds a history scan (0: no bound).
	MaxCommits int
	// ConfigPath is a gitleaks config file; empty uses Root's
	// .gitleaks.toml if there is one, else gitleaks' default rules.
	ConfigPath string
	// MaxFileSize skips (and reports) files larger than this many bytes;
	// 0 means DefaultMaxFileSize, negative means no limit.
	MaxFileSize int64
	// CacheDir holds incremental history-scan state; empty means the
	// user cache directory. NoCache disables the cache.
	CacheDir string
	NoCache  bool
	// MinConfidence ("low", "medium", "high"; default "medium"): findings
	// below it are lowered to note.
	MinConfidence string
	// FailOnShallow and FailOnIncomplete turn a shallow clone or an
	// unreadable object into an error (the result is still returned).
	FailOnShallow, FailOnIncomplete bool
	// Progress receives progress lines; nil is silent.
	Progress io.Writer
	// Workers is the number of matching goroutines (0: GOMAXPROCS).
	Workers int
	// Reveal, when set, is called once per finding with the raw secret
	// (for --show-secrets on a terminal). Findings themselves never hold
	// it; a secret known only from the cache is read again from the
	// commit and path it was found at.
	Reveal func(fingerprint, secret string)
	// GitProcs is the number of concurrent `git diff-tree` processes a
	// history scan's commits are handed out to (0: automatic).
	GitProcs int
	// fsys, when set, is what a directory scan walks instead of Root
	// (tests inject file-system errors through it).
	fsys fs.FS
	// onCommitRead, when set, is called with the number of commits a
	// history scan has read so far (tests interrupt the scan from it).
	onCommitRead func(read int64)
	// Version is authvet's version; with the running executable's
	// identity it keys the history cache, so that a new authvet never
	// serves an older one's results.
	Version string
}

// Coverage states what a scan read, out of what was in scope.
type Coverage struct {
	Mode string `json:"mode"`
	// Ref is what a history scan walked ("--all", a branch, a range).
	Ref       string `json:"ref,omitempty"`
	MergeBase string `json:"mergeBase,omitempty"`
	Head      string `json:"head,omitempty"`
	// CommitsInScope and CommitsScanned count commits; CommitsCached are
	// those whose results came from the cache.
	CommitsInScope int `json:"commitsInScope"`
	CommitsScanned int `json:"commitsScanned"`
	CommitsCached  int `json:"commitsCached,omitempty"`
	// BytesScanned is the bytes of diff or file content read.
	BytesScanned int64 `json:"bytesScanned"`
	FilesScanned int   `json:"filesScanned"`
	// Skipped lists every file not read; SkippedCount counts them.
	Skipped      []skipped `json:"skipped,omitempty"`
	SkippedCount int       `json:"skippedCount"`
	// KnownBenign counts matches dropped as go.sum/lockfile hashes or git
	// object names.
	KnownBenign int    `json:"knownBenign,omitempty"`
	RuleSet     string `json:"ruleSet"`
	Elapsed     string `json:"elapsed"`
}

// Notification is something the reader of a report must know about the
// scan itself: a shallow clone, an unreadable object, skipped files.
type Notification struct {
	Level finding.Level `json:"level"`
	// Kind is one of the Notify constants, set where the notification is
	// made, so that no reader has to guess it from the message.
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// Notification kinds.
const (
	NotifyShallowClone     = "shallow-clone"
	NotifyUnreadableObject = "unreadable-object"
	NotifySkippedFile      = "skipped-file"
	NotifyUnreadableFile   = "unreadable-file"
	NotifyUnusedIgnore     = "unused-ignore"
	NotifyNothingToScan    = "nothing-to-scan"
	NotifyTipSearch        = "tip-search-failed"
	NotifyInterrupted      = "interrupted"
)

// Result is the outcome of a scan.
type Result struct {
	Findings      []finding.Finding `json:"findings"`
	Rules         []finding.Rule    `json:"-"`
	Coverage      Coverage          `json:"coverage"`
	Notifications []Notification    `json:"notifications,omitempty"`
	// Incomplete is set when some content could not be read.
	Incomplete bool `json:"incomplete"`
	// Shallow is set when the repository is a shallow clone.
	Shallow bool `json:"shallow"`
}

// Error kinds Scan returns; test with errors.Is.
var (
	// ErrShallow: FailOnShallow was set and the clone is shallow.
	ErrShallow = errors.New("shallow clone: history is incomplete")
	// ErrIncomplete: FailOnIncomplete was set and content was unreadable.
	ErrIncomplete = errors.New("scan incomplete: some objects could not be read")
	// ErrNothingScanned: something was expected to be scanned and nothing
	// was (an empty range, a staged scan that read no bytes).
	ErrNothingScanned = errors.New("nothing was scanned")
	// ErrNotRepository: a git mode was asked for outside a repository.
	ErrNotRepository = errors.New("not a git repository")
	// ErrConfig: the gitleaks config does not parse.
	ErrConfig = errors.New("invalid gitleaks config")
	// ErrInterrupted: the caller's context was cancelled (Ctrl-C) while
	// history was read; the Result holds what the commits read gave.
	ErrInterrupted = errors.New("scan interrupted before the end of history")
)

// Scan runs a scan. It returns an error for operational failures (no
// git, not a repository, a bad config, a missing range base). With
// ErrShallow, ErrIncomplete or ErrInterrupted, the Result is returned
// too. A history scan whose ctx is cancelled while it reads stops
// reading, judges what it read (the git steps that finish the report
// run on a context that is not cancelled) and returns ErrInterrupted;
// the incremental cache is not written.
func Scan(ctx context.Context, opts Options) (res *Result, err error) {
	// A bug met outside the detection workers (triage, the tip's
	// search) ends the scan with an error naming it, not a crash.
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: %v (at %s)", ErrInternal, r, panicSite())
		}
	}()
	start := time.Now()
	if opts.Root == "" {
		opts.Root = "."
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", opts.Root, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("scan %s: not a directory", opts.Root)
	}
	opts.Root = root
	if opts.MaxFileSize == 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	minConf, err := parseConfidence(opts.MinConfidence)
	if err != nil {
		return nil, err
	}
	if opts.Range != "" && opts.SinceCommit != "" {
		return nil, errors.New("--range and --since-commit cannot be used together")
	}
	var top string // the repository's top level, when already known
	if opts.Mode == Auto {
		switch {
		case opts.Range != "" || opts.SinceCommit != "":
			opts.Mode = Range
		default:
			opts.Mode = Directory
			if t, err := historyRoot(ctx, root); err == nil && sameDir(t, root) {
				opts.Mode, top = History, t
			}
		}
	}
	if opts.Mode == Range && opts.Range == "" && opts.SinceCommit == "" {
		return nil, errors.New("range mode needs --range BASE..HEAD or --since-commit SHA")
	}

	s := &scan{opts: opts, minConf: minConf, top: top, rulesDone: make(chan struct{})}
	// Compiling gitleaks' rules takes longer than asking git what to
	// scan: both go on at once, and the scan waits for the rules only
	// where it needs them (rulesReady).
	cfgPath, ruleHash := s.configPath(root)
	s.ruleHash = ruleHash
	// A config that does not load stops the git work at once: nothing
	// could be matched, and the error is all the run reports (a gitleaks
	// v7 config on a 16,000-commit history otherwise failed after the
	// whole history was read).
	s.finishCtx = context.WithoutCancel(ctx)
	s.callerCtx = ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(s.rulesDone)
		s.rulesErr = s.loadRules(root, cfgPath)
		if s.rulesErr != nil {
			cancel()
		}
	}()
	s.res = &Result{}
	s.unread.more = -1
	s.res.Coverage.Mode = opts.Mode.String()

	switch opts.Mode {
	case Directory:
		err = s.scanDirectory(ctx)
	case History, Range:
		err = s.scanHistory(ctx)
	case Staged:
		err = s.scanStaged(ctx)
	default:
		err = fmt.Errorf("unknown mode %d", opts.Mode)
	}
	// A bad config is reported first, even when git failed too.
	if rerr := s.rulesReady(); rerr != nil {
		return nil, rerr
	}
	if err != nil {
		return nil, err
	}
	s.res.Rules = s.set.Rules()
	s.res.Coverage.RuleSet = s.set.Source()
	s.res.Coverage.Elapsed = time.Since(start).Round(time.Millisecond).String()
	switch {
	case s.interrupted:
		return s.res, ErrInterrupted
	case opts.FailOnShallow && s.res.Shallow:
		return s.res, ErrShallow
	case s.internalErr():
		return s.res, ErrInternal
	case opts.FailOnIncomplete && s.res.Incomplete:
		return s.res, ErrIncomplete
	}
	return s.res, nil
}

// scan is one run's state.
type scan struct {
	opts    Options
	minConf confidence
	set     *gitleaksrules.Set
	res     *Result
	repo    *gitRepo
	ignore  *ignoreList
	secrets map[string]string // secret hash → raw value, this run only
	// contexts remembers contextOf per path (makeFinding).
	contexts map[string][2]string
	// buildTest holds the Go files ("<rev>:<path>") built only under a
	// test tag, and why (resolveBuildTags).
	buildTest map[string]string
	// devKept holds the keys in a development environment's directory
	// ("<rev>:<path>") that what lies beside them keeps production, and
	// why (resolveDevKeys).
	devKept map[string]string
	// localKey holds the key files ("<rev>:<path>") that are a local
	// machine's keys, and why (resolveLocalhostKeys).
	localKey map[string]string
	// testRef holds the key files ("<rev>:<path>") that only test code
	// names, and why (resolveTestRefs).
	testRef map[string]string
	// siteTree says, per commit read, whether its tree is a built
	// documentation site (resolveSiteTrees).
	siteTree map[string]bool
	mu       sync.Mutex // guards res during a scan

	// callerCtx is Scan's context; finishCtx is it without its
	// cancellation, for the steps that finish the report of a history
	// scan interrupted while it read (interrupted).
	callerCtx, finishCtx context.Context
	interrupted          bool

	top       string        // repository top level found by Scan, if any
	ruleHash  string        // the rule set's Hash, known before it compiles
	rulesDone chan struct{} // closed when set and ignore are loaded
	rulesErr  error

	unread unreadCount // objects git could not read (history.go)
}

// rulesReady waits for the rule set and the ignore file, and returns the
// error loading them, if any.
func (s *scan) rulesReady() error {
	<-s.rulesDone
	return s.rulesErr
}

// configPath returns the gitleaks config to use ("" for the default
// rules), and the hash of the rule set it compiles to.
func (s *scan) configPath(root string) (path, hash string) {
	path = s.opts.ConfigPath
	if path == "" {
		p := filepath.Join(root, ".gitleaks.toml")
		if _, err := os.Stat(p); err == nil {
			path = p
		}
	}
	if path == "" {
		return "", gitleaksrules.DefaultHash()
	}
	data, err := gitleaksrules.ReadConfig(path)
	if err != nil {
		return path, "" // loadRules reports it
	}
	return path, gitleaksrules.HashOf(path, data)
}

// loadRules loads the rule set at path and the ignore file of the
// scanned directory root. It runs while the scan asks git what to scan,
// so it reads nothing the scan changes.
func (s *scan) loadRules(root, path string) error {
	if path == "" {
		s.set = gitleaksrules.Default()
	} else {
		set, err := gitleaksrules.Load(path)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
		s.set = set
	}
	il, err := loadIgnore(filepath.Join(root, ".gitleaksignore"))
	if err != nil {
		return err
	}
	s.ignore = il
	return nil
}

func (s *scan) notify(kind string, level finding.Level, format string, args ...any) {
	s.res.Notifications = append(s.res.Notifications, Notification{Level: level, Kind: kind, Message: fmt.Sprintf(format, args...)})
}

// repoTop returns the work tree top level of the repository holding dir.
func repoTop(ctx context.Context, dir string) (string, error) {
	if err := lookGit(); err != nil {
		return "", err
	}
	r := &gitRepo{dir: dir}
	out, err := r.output(ctx, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// historyRoot returns the directory a history scan runs git in: the work
// tree top level of the repository holding dir, or, for a bare
// repository (a mirror, a server's copy), its git directory. A bare
// repository has history and no work tree; every history read goes
// through git objects, so it is scanned like a clone. Its files on disk
// (objects/, packs) are never what the user meant by its content.
func historyRoot(ctx context.Context, dir string) (string, error) {
	top, err := repoTop(ctx, dir)
	if err == nil {
		return top, nil
	}
	r := &gitRepo{dir: dir}
	out, berr := r.output(ctx, "rev-parse", "--is-bare-repository", "--absolute-git-dir")
	if berr != nil {
		return "", err
	}
	lines := strings.Fields(out)
	if len(lines) != 2 || lines[0] != "true" {
		return "", err
	}
	return lines[1], nil
}

func sameDir(a, b string) bool {
	ra, err1 := filepath.EvalSymlinks(a)
	rb, err2 := filepath.EvalSymlinks(b)
	if err1 != nil || err2 != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	return ra == rb
}
