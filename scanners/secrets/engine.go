package secrets

import (
	"context"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/gitleaksrules"
)

// This file matches: fragments go to a pool of workers running the rule
// set; each hit becomes an occurrence with its position and a redacted
// snippet. It plays the part of gitleaks' detect package.

// occurrence is one place a secret was found. It holds no raw secret.
type occurrence struct {
	rule       string // gitleaks rule id
	secretHash string
	commit     *commitInfo
	path       string
	line, col  int
	endLine    int
	endCol     int
	snippet    string // redacted
	red        string // the secret, redacted
	decoded    bool
	entropy    float64
	// role is what the text around the secret makes of it (lineRole),
	// such as an example in help text; "" for none.
	role string
	// hexLike marks values that could be git object names, checked
	// against the repository when the scan ends.
	hexLike bool
}

// pathOccurrence is the place of a file found by its name alone (a
// PKCS#12 keystore, a .p8 key): the file is the secret, so its hash is
// the path's.
func pathOccurrence(rule, path string, c *commitInfo) occurrence {
	return occurrence{
		rule: rule, secretHash: pathHash(path), commit: c, path: path, line: 1,
		snippet: "(file detected by its name)", red: "(file " + path + ")",
	}
}

// pathHash is the secret hash of a file found by its name alone.
func pathHash(path string) string { return finding.Hash("path", path)[:32] }

// engine runs detection concurrently.
type engine struct {
	set     *gitleaksrules.Set
	workers int

	in chan []fragment
	wg sync.WaitGroup

	mu       sync.Mutex
	occs     []occurrence
	pemEdits []pemEdit         // pemedit.go
	secrets  map[string]string // secret hash → raw value, in memory only
	benign   int

	bytes atomic.Int64
	// internal holds the first panics recovered (internalerr.go),
	// internalCount all of them; guarded by mu.
	internal      []string
	internalCount int
}

func newEngine(set *gitleaksrules.Set, workers int) *engine {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	e := &engine{set: set, workers: workers, in: make(chan []fragment, workers*4), secrets: map[string]string{}}
	return e
}

func (e *engine) start(ctx context.Context) {
	for range e.workers {
		e.wg.Add(1)
		go func() {
			defer e.wg.Done()
			var local []occurrence
			for batch := range e.in {
				if ctx.Err() != nil || e.set == nil {
					continue // drain
				}
				for i := range batch {
					local = e.detect(ctx, &batch[i], local)
				}
				if len(local) > 0 {
					e.mu.Lock()
					e.occs = append(e.occs, local...)
					e.mu.Unlock()
					local = local[:0]
				}
			}
		}()
	}
}

// finish waits for the workers after the input is closed.
func (e *engine) finish() {
	close(e.in)
	e.wg.Wait()
}

// batcher groups fragments to keep channel traffic low.
type batcher struct {
	e     *engine
	batch []fragment
	size  int
}

func (b *batcher) add(f fragment) {
	b.batch = append(b.batch, f)
	b.size += len(f.text)
	if len(b.batch) >= 256 || b.size >= 1<<20 {
		b.flush()
	}
}

func (b *batcher) flush() {
	if len(b.batch) > 0 {
		b.e.in <- b.batch
		b.batch, b.size = nil, 0
	}
}

func (e *engine) detect(ctx context.Context, f *fragment, out []occurrence) (res []occurrence) {
	// A bug in detection or triage must not end the scan or lose what
	// was found: the fragment's occurrences so far are kept, the
	// failure is reported (internalerr.go) and the scan is incomplete.
	defer func() {
		if r := recover(); r != nil {
			e.crashed(f.path, r)
			res = out
		}
	}()
	e.bytes.Add(int64(len(f.text)))
	hits := detectFragment(ctx, e.set, f, sha(f.commit))
	if f.keysOnly {
		kept := hits[:0]
		for _, h := range hits {
			if h.RuleID == "private-key" {
				kept = append(kept, h)
			}
		}
		hits = kept
	}
	if len(hits) == 0 {
		return out
	}
	tokLine, tokens := -1, [][]int(nil) // the hash tokens of the last line looked at
	for i := range hits {
		h := &hits[i]
		if h.PathOnly {
			out = append(out, pathOccurrence(h.RuleID, f.path, f.commit))
			continue
		}
		if h.Secret == "" || (f.binary && gitleaksrules.IsGeneric(h.RuleID)) {
			continue
		}
		ls, le := lineBounds(f.text, h.Start)
		if ls != tokLine {
			tokLine, tokens = ls, hashToken.FindAllStringIndex(f.text[ls:le], -1)
		}
		if knownBenignTokens(f.path, f.text[ls:le], tokens, h) {
			e.mu.Lock()
			e.benign++
			e.mu.Unlock()
			continue
		}
		o := hitOccurrence(f, h, hits, ls, le)
		if e.roles(ctx, f, h, ls, le, &o) {
			o.rule = gitleaksrules.GenericRuleID
		}
		e.mu.Lock()
		if _, ok := e.secrets[o.secretHash]; !ok {
			e.secrets[o.secretHash] = h.Secret
		}
		e.mu.Unlock()
		out = append(out, o)
	}
	return out
}

// hitOccurrence is where hit h is in fragment f, whose line
// text[ls:le] holds it.
func hitOccurrence(f *fragment, h *gitleaksrules.Hit, hits []gitleaksrules.Hit, ls, le int) occurrence {
	line, col := position(f.text, h.Start)
	endLine, endCol := position(f.text, h.End)
	role := ""
	if !f.binary {
		role = lineRole(f.path, f.text, h.Start)
		if role == "" && f.startLine > 1 && !blockSeen(f.path, f.text, h.Start) {
			// A diff's added lines without the block they were added
			// to: what holds the value is not known here.
			role = roleUnseen
		}
		if (role == "" || role == roleUnseen) && encryptedPEM(h.Secret) {
			role = roleEncryptedKey
		}
	}
	return occurrence{
		rule: h.RuleID, secretHash: secretHash(h.Secret), commit: f.commit, path: f.path,
		line: f.startLine + line - 1, col: col,
		endLine: f.startLine + endLine - 1, endCol: endCol,
		snippet: snippetOf(f, ls, le, h.Start, hits),
		red:     finding.Redact(h.Secret),
		decoded: h.Decoded, entropy: h.Entropy,
		hexLike: gitObjectName.MatchString(h.Secret),
		role:    role,
	}
}

// secretHash is the key a raw secret is known by: in groups, the cache
// and fingerprints.
func secretHash(secret string) string { return finding.Hash("secret", secret)[:32] }

// lineBounds returns the line of text holding offset i, without its
// newline.
func lineBounds(text string, i int) (int, int) {
	ls, le := fullLineBounds(text, i)
	// A line longer than a screenful (minified JSON or JavaScript, a
	// generated one-line schema) is judged by the lineWindow bytes on
	// each side of i: every hit's triage reads its line with several
	// regular expressions, and a 2 MB line with thousands of hits made
	// that quadratic (a history scan that did not finish in 45
	// minutes). The window starts and ends on a UTF-8 boundary.
	return gitleaksrules.Window(text, ls, le, i, i, lineWindow)
}

// fullLineBounds returns the start and end of the whole line around i.
func fullLineBounds(text string, i int) (int, int) {
	ls := strings.LastIndexByte(text[:i], '\n') + 1
	le := strings.IndexByte(text[i:], '\n')
	if le < 0 {
		le = len(text)
	} else {
		le += i
	}
	return ls, le
}

// lineWindow bounds the part of a long line read around a value.
const lineWindow = 1024

// position returns the 1-based line and byte column of offset i.
func position(text string, i int) (int, int) {
	line := 1 + strings.Count(text[:i], "\n")
	col := i - (strings.LastIndexByte(text[:i], '\n') + 1) + 1
	return line, col
}

// valueBounds widens the span [s, e) of a match to the value it is part
// of, within [lo, hi): a rule whose pattern stops at a character the
// value goes on with (a base64 match cut at "_", a key whose prefix the
// pattern left out) would otherwise print the rest of the value beside
// its redacted form. A value's characters are letters, digits and
// _ - + / . ~, and trailing = (base64 padding); quotes, spaces, colons,
// commas and a leading = end it, and so does a / before the match (a
// URL's path around a token).
func valueBounds(text string, s, e, lo, hi int) (int, int) {
	for s > lo && valueByte(text[s-1]) && text[s-1] != '/' {
		s--
	}
	for e < hi && (valueByte(text[e]) || text[e] == '=') {
		e++
	}
	return s, e
}

func valueByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return c == '_' || c == '-' || c == '+' || c == '/' || c == '.' || c == '~'
}

// maxSnippet bounds snippets: minified files put whole programs on one
// line.
const maxSnippet = 160

// snippetOf is the redacted line of a hit; in a binary file, where
// lines mean nothing, the byte offset.
func snippetOf(f *fragment, ls, le, start int, hits []gitleaksrules.Hit) string {
	if f.binary {
		return fmt.Sprintf("(binary file, byte offset %d)", start)
	}
	return redactLineAt(f.text, ls, le, start, hits)
}

// redactLine returns text[ls:le] with every hit's bytes on it replaced
// by the hit's redacted form, then shortened around the first redaction.
// Redacting by position (not by searching for the value) also covers
// decoded secrets, whose raw form is the encoded text.
func redactLine(text string, ls, le int, hits []gitleaksrules.Hit) string {
	return redactLineAt(text, ls, le, -1, hits)
}

// redactLineAt is redactLine shortened around the redaction of the hit
// that starts at start instead, when there is one: on a long line with
// many hits (a one-line JSON index), each finding's snippet shows its own
// value, not the line's first.
func redactLineAt(text string, ls, le, start int, hits []gitleaksrules.Hit) string {
	var b strings.Builder
	pos := ls
	first := -1
	own := -1
	for _, h := range hits { // hits are sorted by Start
		if h.PathOnly || h.End <= pos || h.Start >= le {
			continue
		}
		// A value longer than the window (a PEM key on one line of an
		// env file) is redacted whole, so that its length agrees with
		// the message's.
		end := min(h.End, len(text))
		s, e := valueBounds(text, max(h.Start, pos), end, pos, max(le, end))
		if e <= s {
			continue // inside a value already redacted (two rules, one key)
		}
		b.WriteString(text[pos:s])
		if first < 0 {
			first = b.Len()
		}
		if own < 0 && start >= 0 && h.Start <= start && start < max(h.End, e) {
			own = b.Len()
		}
		b.WriteString(finding.Redact(text[s:e]))
		pos = e
	}
	if pos < le {
		b.WriteString(text[pos:le])
	}
	out := b.String()
	if own >= 0 {
		first = own
	}
	if first >= 0 {
		// Only the part around the first redaction is shown (below):
		// a long line is cut to it, with a margin as long as the
		// longest secret, before the copies are looked for, so that
		// a one-line file with thousands of hits does not search its
		// whole line once per hit and secret.
		pad := 0
		for _, h := range hits {
			pad = max(pad, len(h.Secret))
		}
		if lo, hi := max(0, first-maxSnippet-pad), min(len(out), first+2*maxSnippet+pad); hi-lo < len(out) {
			for lo > 0 && !isRuneStart(out[lo]) {
				lo--
			}
			for hi < len(out) && !isRuneStart(out[hi]) {
				hi++
			}
			out, first = out[lo:hi], first-lo
		}
	}
	// Belt and braces: any other copy of a secret on the line.
	for _, h := range hits {
		if len(h.Secret) > finding.RedactKeep*2 {
			out = finding.RedactIn(out, h.Secret)
		}
	}
	out = strings.TrimRight(out, "\r")
	if len(out) > maxSnippet {
		if first < 0 {
			first = 0
		}
		from := max(0, first-maxSnippet/3)
		to := min(len(out), from+maxSnippet)
		for from > 0 && from < len(out) && !isRuneStart(out[from]) {
			from++
		}
		for to < len(out) && !isRuneStart(out[to]) {
			to--
		}
		prefix, suffix := "", ""
		if from > 0 {
			prefix = "…"
		}
		if to < len(out) {
			suffix = "…"
		}
		out = prefix + out[from:to] + suffix
	}
	return out
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// gitObjectName matches full SHA-1 and SHA-256 object names.
var gitObjectName = regexp.MustCompile(`^(?:[0-9a-f]{40}|[0-9a-f]{64})$`)

// hashToken matches module and package hashes: go.sum's h1:, Terraform
// lock files' h1:/zh:, npm/yarn integrity strings, sha256:… digests.
var hashToken = regexp.MustCompile(`(?i)(?:\b(?:h1|zh|go):|\bsha(?:1|224|256|384|512)[-:]|\bmd5[-:]|\bsha-(?:1|256|512):)[A-Za-z0-9+/_=-]{16,}`)

// lockfile names whose hash lines are benign whatever rule matched.
var lockfiles = regexp.MustCompile(`(?:^|/)(?:go\.sum|go\.work\.sum|Gopkg\.lock|Cargo\.lock|composer\.lock|Gemfile\.lock|pubspec\.lock|mix\.lock|flake\.lock|bun\.lockb?|yarn\.lock|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|packages\.lock\.json|\.terraform\.lock\.hcl|poetry\.lock|Pipfile\.lock|uv\.lock|gradle\.lockfile|modules\.txt)$`)

// commitWords on a line, as words or as parts of identifiers
// (openapi_commit, commitSHA, gitRev), make a bare 40- or 64-hex value a
// git object name or a content hash.
var commitWords = map[string]bool{
	"commit": true, "sha": true, "sha1": true, "sha256": true, "rev": true,
	"revision": true, "ref": true, "hash": true, "digest": true,
	"checksum": true, "tree": true, "parent": true, "oid": true, "head": true,
}

// hasCommitWord reports whether line holds one of commitWords, splitting
// identifiers at underscores, dashes, dots and lower-to-upper case
// changes.
func hasCommitWord(line string) bool {
	word := make([]byte, 0, 16)
	check := func() bool {
		ok := commitWords[string(word)]
		word = word[:0]
		return ok
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			word = append(word, c)
		case 'A' <= c && c <= 'Z':
			if i > 0 && 'a' <= line[i-1] && line[i-1] <= 'z' && check() {
				return true
			}
			word = append(word, c+'a'-'A')
		default:
			if check() {
				return true
			}
		}
	}
	return check()
}

// knownBenign reports matches that are hashes, not secrets: go.sum and
// lockfile hashes, and git object names beside words that say so.
// (Values that name objects of the repository are dropped later, when
// the repository can be asked.)
func knownBenign(path, line string, h *gitleaksrules.Hit) bool {
	return knownBenignTokens(path, line, hashToken.FindAllStringIndex(line, -1), h)
}

// knownBenignTokens is knownBenign given the hash tokens of the line
// (hashToken's matches): a line with many hits (a long generated line)
// is searched for them once.
func knownBenignTokens(path, line string, tokens [][]int, h *gitleaksrules.Hit) bool {
	if h.Decoded {
		return false
	}
	for _, m := range tokens {
		if strings.Contains(line[m[0]:m[1]], h.Secret) {
			return true
		}
	}
	if lockfiles.MatchString(path) && (gitleaksrules.IsGeneric(h.RuleID) || gitObjectName.MatchString(h.Secret)) {
		// A lock file pins revisions: a bare git object name there
		// (Gopkg.lock's revision = "<40 hex>") is a commit, whichever
		// rule's pattern it also fits (sourcegraph's legacy tokens are
		// 40 hex too).
		return true
	}
	if gitleaksrules.IsGeneric(h.RuleID) && gitObjectName.MatchString(h.Secret) && hasCommitWord(line) {
		return true
	}
	return false
}
