package secrets

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// This file reads git: it runs git commands and parses the patches of
// `git diff-tree --stdin -p -U0`, `git log -p -U0` and `git diff -U0`
// into fragments of added text. It plays the part of gitleaks'
// sources/git.go, with its own streaming diff parser (no per-file
// allocations of go-gitdiff, and it can resume past an object git
// cannot read).

// gitBase are the options every git invocation gets, so that a user's
// configuration cannot change the output format we parse.
var gitBase = []string{
	"-c", "core.quotePath=false",
	"-c", "diff.noprefix=false",
	"-c", "diff.mnemonicPrefix=false",
	"-c", "log.showSignature=false",
	"-c", "gc.auto=0",
}

// patchOpts make the patch output parseable.
var patchOpts = []string{
	"-p", "-U0", "--no-color", "--no-ext-diff", "--no-textconv",
	"--src-prefix=a/", "--dst-prefix=b/", "-M",
	// Full blob ids on "index" lines: a binary file's patch is only
	// "Binary files … differ", and its new blob is read by that id.
	"--full-index",
}

// diffOpts are patches limited to added text: no deleted files, type
// changes, unmerged or broken pairs.
var diffOpts = append(patchOpts[:len(patchOpts):len(patchOpts)], "--diff-filter=tuxdb")

// commitFormat starts each commit with a record separator so that it
// cannot be confused with diff output, whose lines start with a diff
// character.
const commitFormat = "--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%ct%x1f%s"

type gitRepo struct {
	dir string // repository top level (work tree) or git dir
}

// gitError is a git command that failed, with its stderr.
type gitError struct {
	args   []string
	stderr string
	err    error
}

func (e *gitError) Error() string {
	msg := strings.TrimSpace(e.stderr)
	if msg == "" {
		msg = e.err.Error()
	}
	return fmt.Sprintf("git %s: %s", strings.Join(e.args, " "), msg)
}

func (e *gitError) Unwrap() error { return e.err }

func (r *gitRepo) command(ctx context.Context, args ...string) *exec.Cmd {
	full := append(append([]string{"-C", r.dir}, gitBase...), args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Env = append(cmd.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C", mallocTunables())
	return cmd
}

// mallocTunables keeps glibc's allocator from handing large blocks back
// to the kernel. git inflates every version of every changed file; with
// glibc's defaults each large blob is a fresh mmap whose pages fault in
// anew, and on histories with large generated files that page faulting
// was over a third of `git log -p`'s time (measured: 5.3 s to 3.0 s on a
// 3,000-commit repository, with the same output). Other C libraries
// ignore the variable. Settings the user already has win: glibc applies
// a repeated tunable's last value, and theirs come last.
func mallocTunables() string {
	const ours = "glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=1073741824"
	if v := os.Getenv("GLIBC_TUNABLES"); v != "" {
		return "GLIBC_TUNABLES=" + ours + ":" + v
	}
	return "GLIBC_TUNABLES=" + ours
}

// output runs git and returns its stdout.
func (r *gitRepo) output(ctx context.Context, args ...string) (string, error) {
	cmd := r.command(ctx, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), &gitError{args: args, stderr: stderr.String(), err: err}
	}
	return stdout.String(), nil
}

// commitInfo is one commit's provenance.
type commitInfo struct {
	SHA     string
	Author  string
	Email   string
	Date    string // RFC 3339, author date
	Time    int64  // committer time, unix seconds
	Subject string
	// Seq orders commits from the newest (0) as git listed them.
	Seq int
}

// fragment is added text from one file: a diff hunk, or a whole file.
type fragment struct {
	commit    *commitInfo // nil outside history
	path      string
	startLine int // 1-based line of the first byte of text
	text      string
	// binary marks the content of a binary file (a NUL in its first
	// 8000 bytes): only rules for key formats apply (fileFragment).
	binary bool
	// keysOnly keeps only private-key matches: a whole file read
	// because a commit rewrote a key's body in place (pemedit.go).
	keysOnly bool
}

// fileFragment is a whole file's content as a fragment. A binary file is
// scanned too, as gitleaks scans files whatever they hold: a key pasted
// into a keystore, a compiled binary or a database dump is still a key.
// Its matches count only for rules of a specific format (generic-api-key
// on binary data is noise), without decoding, and its snippets name the
// byte offset rather than quote binary bytes.
func fileFragment(path string, data []byte) fragment {
	return fragment{path: path, startLine: 1, text: string(data), binary: isBinary(data)}
}

// skipped is a file the scan did not read, and why.
type skipped struct {
	Path   string `json:"path"`
	Commit string `json:"commit,omitempty"`
	Reason string `json:"reason"`
	Size   int64  `json:"size,omitempty"`
	// Detail is the error that made a file unreadable.
	Detail string `json:"detail,omitempty"`

	blob   string      // a binary file's new blob, read by readBinaryBlobs
	commit *commitInfo // the commit that blob is in
}

// Reasons a file was not scanned.
const (
	reasonTooLarge   = "larger than the maximum file size"
	reasonUnreadable = "unreadable file"
	reasonBinary     = "binary file" // in a patch; read whole unless git cannot
)

// Kind is the kind of notification a skipped file makes:
// NotifyUnreadableFile when it could not be read (the scan is incomplete),
// else NotifySkippedFile.
func (s skipped) Kind() string {
	if s.Reason == reasonUnreadable {
		return NotifyUnreadableFile
	}
	return NotifySkippedFile
}

// diffSink receives what the parser finds.
type diffSink interface {
	commit(c *commitInfo)
	fragment(f fragment)
	skip(s skipped)
	bytesRead(n int64)
}

// newStart parses the new file's start line from a hunk header,
// "@@ -a,b +c,d @@" (or a combined diff's "@@@ -a -b +c @@@").
func newStart(line []byte) (int, bool) {
	i := bytes.Index(line, []byte(" +"))
	if i < 0 || !bytes.HasPrefix(line, []byte("@@")) {
		return 0, false
	}
	n, ok := 0, false
	for _, c := range line[i+2:] {
		if c < '0' || c > '9' {
			break
		}
		n, ok = n*10+int(c-'0'), true
	}
	return n, ok
}

// parseDiff reads patches (diff-tree, log -p or diff output) from r. maxFile
// bounds the added bytes taken from one file in one commit: a file
// that adds more is skipped and reported.
func parseDiff(r io.Reader, maxFile int64, seqBase int, sink diffSink) error {
	br := bufio.NewReaderSize(r, 256<<10)
	var (
		cur       *commitInfo
		seq       = seqBase
		path      string
		inFile    bool // between "+++" and the next file or commit
		fileBytes int64
		fileSkip  bool
		hunk      bytes.Buffer
		hunkStart int
		hunkOpen  bool
		lastPlus  bool // the previous line was an added line
		long      []byte
		indexNew  string // the new blob id of the file's "index" line
	)
	flush := func() {
		if hunkOpen && hunk.Len() > 0 && !fileSkip {
			sink.fragment(fragment{commit: cur, path: path, startLine: hunkStart, text: hunk.String()})
		}
		hunk.Reset()
		hunkOpen = false
	}
	for {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A line longer than the buffer: gather it whole (bounded by
			// the file size limit, past which the file is skipped).
			long = append(long[:0], line...)
			n := int64(len(line))
			for err == bufio.ErrBufferFull {
				line, err = br.ReadSlice('\n')
				n += int64(len(line))
				if maxFile <= 0 || int64(len(long)) <= maxFile+1 {
					long = append(long, line...)
				}
			}
			sink.bytesRead(n - int64(len(long)))
			line = long
		}
		if len(line) == 0 && err != nil {
			flush()
			if err == io.EOF {
				return nil
			}
			return err
		}
		sink.bytesRead(int64(len(line)))
		switch {
		case line[0] == '+' && hunkOpen:
			if fileSkip {
				break
			}
			fileBytes += int64(len(line) - 1)
			if maxFile > 0 && fileBytes > maxFile {
				fileSkip = true
				hunk.Reset()
				sink.skip(skipped{Path: path, Commit: sha(cur), Reason: "larger than the maximum file size", Size: fileBytes})
				break
			}
			hunk.Write(line[1:])
			lastPlus = true
			continue
		case line[0] == '-' && hunkOpen:
			lastPlus = false
			continue
		case line[0] == '\\':
			// "\ No newline at end of file" after an added line: the file
			// ends without a newline, so the text must too.
			if lastPlus && hunk.Len() > 0 && hunk.Bytes()[hunk.Len()-1] == '\n' {
				hunk.Truncate(hunk.Len() - 1)
			}
			continue
		case line[0] == '@' && inFile:
			flush()
			if n, ok := newStart(line); ok {
				hunkStart, hunkOpen = n, true
			}
		case line[0] == 0x1e:
			flush()
			inFile = false
			c := parseCommitHeader(line[1:])
			c.Seq = seq
			seq++
			cur = c
			sink.commit(c)
		case bytes.HasPrefix(line, []byte("diff ")):
			flush()
			inFile, path, fileBytes, fileSkip, indexNew = false, "", 0, false, ""
		case bytes.HasPrefix(line, []byte("index ")) && !inFile:
			// "index <old>..<new>[ <mode>]"
			if _, ids, ok := bytes.Cut(line, []byte("..")); ok {
				if f := bytes.Fields(ids); len(f) > 0 {
					indexNew = string(f[0])
				}
			}
		case bytes.HasPrefix(line, []byte("+++ ")):
			flush()
			p := strings.TrimRight(string(line[4:]), "\r\n")
			if p == "/dev/null" {
				inFile = false
				break
			}
			path = unquotePath(p)
			path = strings.TrimPrefix(path, "b/")
			inFile = true
		case bytes.HasPrefix(line, []byte("Binary files ")):
			flush()
			if p := binaryPath(string(line)); p != "" {
				sink.skip(skipped{Path: p, Commit: sha(cur), Reason: reasonBinary, blob: indexNew, commit: cur})
			}
		}
		lastPlus = false
		if err != nil {
			flush()
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

func sha(c *commitInfo) string {
	if c == nil {
		return ""
	}
	return c.SHA
}

func parseCommitHeader(b []byte) *commitInfo {
	s := strings.TrimRight(string(b), "\r\n")
	f := strings.SplitN(s, "\x1f", 6)
	for len(f) < 6 {
		f = append(f, "")
	}
	t, _ := strconv.ParseInt(f[4], 10, 64)
	return &commitInfo{SHA: f[0], Author: f[1], Email: f[2], Date: f[3], Time: t, Subject: f[5]}
}

// unquotePath undoes git's C-style quoting of unusual path names.
func unquotePath(p string) string {
	if len(p) >= 2 && p[0] == '"' {
		if u, err := strconv.Unquote(p); err == nil {
			return u
		}
	}
	return p
}

// binaryPath extracts the new path from "Binary files a/x and b/y differ".
func binaryPath(line string) string {
	line = strings.TrimSuffix(strings.TrimRight(line, "\r\n"), " differ")
	i := strings.LastIndex(line, " and ")
	if i < 0 {
		return ""
	}
	p := unquotePath(line[i+5:])
	if p == "/dev/null" {
		return ""
	}
	return strings.TrimPrefix(p, "b/")
}

// unreadable matches git's messages for an object it cannot read.
var (
	unreadableRE = regexp.MustCompile(`unable to read|missing blob|missing tree|bad object|could not read|invalid object|loose object .* is corrupt|packed object .* is corrupt`)
	objectIDRE   = regexp.MustCompile(`\b[0-9a-f]{64}\b|\b[0-9a-f]{40}\b`)
)

// objectError extracts the object id from git's stderr, if it reports an
// unreadable object.
func objectError(stderr string) (object string, ok bool) {
	for _, l := range strings.Split(stderr, "\n") {
		if unreadableRE.MatchString(l) {
			return objectIDRE.FindString(l), true
		}
	}
	return "", false
}

// stderrBuffer keeps the first 64 KiB of a command's stderr.
type stderrBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *stderrBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.buf.Len() < 64<<10 {
		b.buf.Write(p)
	}
	return len(p), nil
}

func (b *stderrBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// stream runs git with args, feeding stdin if non-nil, and parses its
// output with parseDiff. It returns git's stderr and its error.
func (r *gitRepo) stream(ctx context.Context, args []string, stdin io.Reader, maxFile int64, seqBase int, sink diffSink) (string, error) {
	cmd := r.command(ctx, args...)
	cmd.Stdin = stdin
	return r.streamCmd(ctx, cmd, args, maxFile, seqBase, sink)
}

// streamCmd is stream for a command already made (with its input set).
func (r *gitRepo) streamCmd(ctx context.Context, cmd *exec.Cmd, args []string, maxFile int64, seqBase int, sink diffSink) (string, error) {
	var stderr stderrBuffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil {
		return "", err
	}
	perr := parseDiff(out, maxFile, seqBase, sink)
	if perr != nil {
		// The rest cannot be read: stop git (it may be waiting for more
		// input) and drain so that it can exit.
		_ = cmd.Process.Kill()
		_, _ = io.Copy(io.Discard, out)
	}
	werr := cmd.Wait()
	if ctx.Err() != nil {
		return stderr.String(), ctx.Err()
	}
	if werr != nil {
		return stderr.String(), &gitError{args: args, stderr: stderr.String(), err: werr}
	}
	return stderr.String(), perr
}

var errNoGit = errors.New("git is not installed or not on PATH")

func lookGit() error {
	if _, err := exec.LookPath("git"); err != nil {
		return errNoGit
	}
	return nil
}
