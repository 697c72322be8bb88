package secrets

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/authvet/authvet/internal/finding"
)

// ignoreList is a .gitleaksignore file. It accepts gitleaks' entries
// ("commit:file:rule-id:line" and "file:rule-id:line", which name one
// occurrence) and authvet fingerprints (32 hex digits, which name a
// secret wherever it occurs).
type ignoreList struct {
	path    string
	entries []*ignoreEntry
}

type ignoreEntry struct {
	raw         string
	line        int
	fingerprint string
	commit      string
	file        string
	rule        string
	lineNo      int
	used        bool
}

var hexFingerprint = regexp.MustCompile(`^[0-9a-f]{32}$`)

func loadIgnore(path string) (*ignoreList, error) {
	il := &ignoreList{path: path}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return il, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		// A trailing comment after the entry.
		if i := strings.Index(line, " #"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		e := &ignoreEntry{raw: line, line: n}
		if hexFingerprint.MatchString(line) {
			e.fingerprint = line
		} else {
			parts := strings.Split(strings.ReplaceAll(line, "\\", "/"), ":")
			switch len(parts) {
			case 3:
				e.file, e.rule = parts[0], parts[1]
				e.lineNo, _ = strconv.Atoi(parts[2])
			case 4:
				e.commit, e.file, e.rule = parts[0], parts[1], parts[2]
				e.lineNo, _ = strconv.Atoi(parts[3])
			default:
				return nil, fmt.Errorf("%s:%d: invalid .gitleaksignore entry (want a fingerprint, file:rule:line or commit:file:rule:line)", path, n)
			}
			e.rule = strings.TrimPrefix(e.rule, "secret/")
		}
		il.entries = append(il.entries, e)
	}
	return il, sc.Err()
}

// match returns the suppression for a finding with the given
// fingerprint and occurrences, if an entry covers it.
func (il *ignoreList) match(fingerprint string, g *group) *finding.Suppression {
	if il == nil {
		return nil
	}
	var hit *ignoreEntry
	for _, e := range il.entries {
		ok := false
		if e.fingerprint != "" {
			ok = e.fingerprint == fingerprint
		} else if e.rule == g.rule {
			// An entry names a place in a commit, or one in the files now.
			for _, o := range append(g.occs[:len(g.occs):len(g.occs)], g.here...) {
				if o.path == e.file && o.line == e.lineNo && (e.commit == "" || (o.commit != nil && strings.HasPrefix(o.commit.SHA, e.commit))) {
					ok = true
					break
				}
			}
		}
		if ok {
			e.used = true
			if hit == nil {
				hit = e
			}
		}
	}
	if hit == nil {
		return nil
	}
	return &finding.Suppression{Kind: "external", Justification: fmt.Sprintf(".gitleaksignore:%d", hit.line)}
}

// reportUnusedIgnores notes entries that matched nothing, as authvet
// does for //authvet:ignore comments that suppress nothing.
func (s *scan) reportUnusedIgnores() {
	if s.ignore == nil {
		return
	}
	// A partial scan (a range, a branch, staged changes, a bounded
	// history) may simply not reach an entry's finding.
	if s.opts.Mode == Range || s.opts.Mode == Staged || s.opts.Branch != "" || s.opts.MaxCommits > 0 {
		return
	}
	for _, e := range s.ignore.entries {
		if !e.used {
			s.notify(NotifyUnusedIgnore, finding.LevelWarning, "%s:%d: ignore entry %q matches no finding; remove it", ".gitleaksignore", e.line, e.raw)
		}
	}
}
