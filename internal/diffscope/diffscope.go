// Package diffscope knows which lines of which files a change added or
// modified, from a unified diff or from git, so that a report can keep only
// the findings a change is responsible for (authvet's --new-from-rev and
// --new-from-patch, and the GitHub Action on pull requests).
//
// Only lines present in the new version count: a hunk that only deletes
// lines changes nothing a finding could point at. A file added whole (or
// untracked, for a working-tree diff) counts in every line.
package diffscope

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Range is an inclusive range of 1-based line numbers.
type Range struct{ Start, End int }

// Set holds the changed lines of each file, by slash-separated path
// relative to the repository root.
type Set struct {
	lines map[string][]Range // sorted, merged
	whole map[string]bool    // every line counts
}

// NewSet returns an empty set.
func NewSet() *Set {
	return &Set{lines: map[string][]Range{}, whole: map[string]bool{}}
}

// AddFile marks every line of path as changed.
func (s *Set) AddFile(path string) { s.whole[path] = true }

// AddRange marks lines start..end (inclusive) of path as changed.
func (s *Set) AddRange(path string, start, end int) {
	if start < 1 || end < start {
		return
	}
	rs := s.lines[path]
	// Diffs list hunks in order, so appending to the last range is the
	// common case; anything else is merged by normalize.
	if n := len(rs); n > 0 && rs[n-1].End+1 >= start && rs[n-1].Start <= start {
		if end > rs[n-1].End {
			rs[n-1].End = end
		}
		return
	}
	s.lines[path] = append(rs, Range{start, end})
	if n := len(s.lines[path]); n > 1 && s.lines[path][n-2].Start > start {
		s.lines[path] = normalize(s.lines[path])
	}
}

func normalize(rs []Range) []Range {
	sort.Slice(rs, func(i, j int) bool { return rs[i].Start < rs[j].Start })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && out[n-1].End+1 >= r.Start {
			if r.End > out[n-1].End {
				out[n-1].End = r.End
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// Contains reports whether any line start..end (inclusive) of path
// changed. An end before start means the single line start.
func (s *Set) Contains(path string, start, end int) bool {
	if s == nil {
		return false
	}
	if s.whole[path] {
		return true
	}
	if end < start {
		end = start
	}
	rs := s.lines[path]
	// The first range that ends at or after start is the only candidate.
	i := sort.Search(len(rs), func(i int) bool { return rs[i].End >= start })
	return i < len(rs) && rs[i].Start <= end
}

// Files returns the paths with changed lines, sorted.
func (s *Set) Files() []string {
	var out []string
	for p := range s.whole {
		out = append(out, p)
	}
	for p := range s.lines {
		if !s.whole[p] {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// Ranges returns the changed line ranges of path (nil when the whole file
// changed or nothing did).
func (s *Set) Ranges(path string) []Range { return s.lines[path] }

// Whole reports whether every line of path counts as changed.
func (s *Set) Whole(path string) bool { return s.whole[path] }

// ErrMalformed is wrapped by Parse's errors.
var ErrMalformed = errors.New("malformed unified diff")

// Parse reads a unified diff (git's, or diff -u's) and returns the lines it
// adds in the new files. Paths lose git's "a/" and "b/" prefixes; deleted
// files are left out. Context lines do not count, so a patch made with any
// -U is read alike.
func Parse(r io.Reader) (*Set, error) {
	s := NewSet()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 64<<20)
	var (
		path       string // new path of the current file; "" when deleted
		lineNo     int
		oldLeft    int // lines of the current hunk still to read
		newLeft    int
		n          int
		runStart   int // first line of the current run of added lines
		inHunk     bool
		addedWhole bool // the current file is new (--- /dev/null)
	)
	flush := func() {
		if runStart > 0 {
			s.AddRange(path, runStart, lineNo-1)
			runStart = 0
		}
	}
	for sc.Scan() {
		n++
		line := sc.Text()
		if inHunk && (oldLeft > 0 || newLeft > 0) {
			if line == "" {
				// Some tools strip the space of an empty context line.
				line = " "
			}
			switch line[0] {
			case '+':
				if newLeft == 0 {
					return nil, fmt.Errorf("%w: line %d: more added lines than the hunk header says", ErrMalformed, n)
				}
				if runStart == 0 {
					runStart = lineNo
				}
				lineNo++
				newLeft--
			case '-':
				if oldLeft == 0 {
					return nil, fmt.Errorf("%w: line %d: more removed lines than the hunk header says", ErrMalformed, n)
				}
				flush()
				oldLeft--
			case ' ':
				if oldLeft == 0 || newLeft == 0 {
					return nil, fmt.Errorf("%w: line %d: more context lines than the hunk header says", ErrMalformed, n)
				}
				flush()
				lineNo++
				oldLeft--
				newLeft--
			case '\\': // "\ No newline at end of file"
			default:
				return nil, fmt.Errorf("%w: line %d: hunk ends early (%d old and %d new lines missing)", ErrMalformed, n, oldLeft, newLeft)
			}
			if oldLeft == 0 && newLeft == 0 {
				flush()
			}
			continue
		}
		switch {
		case strings.HasPrefix(line, `\`):
			// A no-newline marker after a hunk's last line.
		case strings.HasPrefix(line, "diff --git "):
			flush()
			inHunk, path, addedWhole = false, "", false
		case strings.HasPrefix(line, "--- "):
			flush()
			inHunk = false
			addedWhole = headerPath(line[4:]) == ""
		case strings.HasPrefix(line, "+++ "):
			path = headerPath(line[4:])
		case strings.HasPrefix(line, "@@ "):
			flush()
			o, nw, start, err := parseHunkHeader(line)
			if err != nil {
				return nil, fmt.Errorf("%w: line %d: %v", ErrMalformed, n, err)
			}
			inHunk, oldLeft, newLeft, lineNo = true, o, nw, start
			// A deleted file's hunks are read too, and add nothing.
			if path != "" && addedWhole {
				s.AddFile(path)
			}
		case inHunk:
			// Text between files (git's "index", "new file mode"…, or
			// a non-git tool's "Only in") ends the hunk list.
			inHunk = false
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading diff: %w", err)
	}
	if inHunk && (oldLeft > 0 || newLeft > 0) {
		return nil, fmt.Errorf("%w: the diff ends inside a hunk (%d old and %d new lines missing)", ErrMalformed, oldLeft, newLeft)
	}
	flush()
	delete(s.lines, "")
	delete(s.whole, "")
	return s, nil
}

// headerPath returns the path of a ---/+++ header, without git's a/ or b/
// prefix and any trailing timestamp; "" for /dev/null.
func headerPath(h string) string {
	if strings.HasPrefix(h, `"`) {
		if end := closingQuote(h); end > 0 {
			if u, err := strconv.Unquote(h[:end+1]); err == nil {
				h = u
			}
		}
	} else if i := strings.IndexByte(h, '\t'); i >= 0 {
		// diff -u puts a tab and a timestamp after the name.
		h = h[:i]
	}
	h = strings.TrimRight(h, " \r")
	if h == "/dev/null" {
		return ""
	}
	if strings.HasPrefix(h, "a/") || strings.HasPrefix(h, "b/") {
		h = h[2:]
	}
	return strings.TrimPrefix(h, "./")
}

// closingQuote returns the index of the quote that ends a C-quoted string
// starting at s[0], or -1.
func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// parseHunkHeader reads "@@ -a[,b] +c[,d] @@": the old and new line counts
// and the first new line.
func parseHunkHeader(line string) (oldN, newN, newStart int, err error) {
	rest := strings.TrimPrefix(line, "@@ ")
	end := strings.Index(rest, " @@")
	if end < 0 {
		return 0, 0, 0, fmt.Errorf("hunk header %q has no closing @@", line)
	}
	fields := strings.Fields(rest[:end])
	if len(fields) != 2 || !strings.HasPrefix(fields[0], "-") || !strings.HasPrefix(fields[1], "+") {
		return 0, 0, 0, fmt.Errorf("hunk header %q: want -a,b +c,d", line)
	}
	_, oldN, err = parseSpan(fields[0][1:])
	if err != nil {
		return 0, 0, 0, fmt.Errorf("hunk header %q: %v", line, err)
	}
	newStart, newN, err = parseSpan(fields[1][1:])
	if err != nil {
		return 0, 0, 0, fmt.Errorf("hunk header %q: %v", line, err)
	}
	return oldN, newN, newStart, nil
}

// maxHunkLines bounds a hunk's line counts; no source file has more lines,
// and the bound keeps a corrupt header from promising a billion lines.
const maxHunkLines = 1 << 30

func parseSpan(s string) (start, count int, err error) {
	a, b, hasCount := strings.Cut(s, ",")
	start, err = strconv.Atoi(a)
	if err != nil || start < 0 || start > maxHunkLines {
		return 0, 0, fmt.Errorf("bad line number %q", a)
	}
	count = 1
	if hasCount {
		count, err = strconv.Atoi(b)
		if err != nil || count < 0 || count > maxHunkLines {
			return 0, 0, fmt.Errorf("bad line count %q", b)
		}
	}
	return start, count, nil
}

// Span is a region of a file, as a finding's location names it.
type Span struct {
	Path       string
	Start, End int
}

// Touches reports whether any of the spans covers a changed line: a
// finding counts as new when its location, or any step of its data flow or
// related location, lies on a line the change added or modified.
func (s *Set) Touches(spans ...Span) bool {
	for _, sp := range spans {
		if sp.Path != "" && s.Contains(sp.Path, sp.Start, sp.End) {
			return true
		}
	}
	return false
}
