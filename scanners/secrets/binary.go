package secrets

import (
	"context"
	"sort"
	"strings"

	"github.com/authvet/authvet/scanners/gitleaksrules"
)

// A binary file is scanned for secrets of a specific format
// (fileFragment): a key pasted into a keystore or compiled into a
// program is still a key. Such a key is a printable string, and no rule
// matches fewer bytes than the set's MinMatch, so only the runs of
// printable ASCII (with tabs and line breaks) at least that long can
// hold one. The rules run over those runs alone, joined by newlines,
// and the hits are mapped back to the file's offsets. On histories that
// commit media, fonts and archives this skips most of the bytes the
// scan reads (ntfy: 31 of 46 MB): the regular expressions no longer walk
// compressed data. A match that spans non-printable bytes is not a
// credential of any format and is not reported.

// detectFragment runs the set over f, a binary file by its printable runs.
func detectFragment(ctx context.Context, set *gitleaksrules.Set, f *fragment, commit string) []gitleaksrules.Hit {
	if !f.binary {
		return set.Detect(ctx, gitleaksrules.Fragment{Text: f.text, Path: f.path, Commit: commit, Decode: true})
	}
	text, runs := printableRuns(f.text, max(set.MinMatch(), 1))
	// The set runs even on no text: a rule that matches a file by its
	// name alone still applies.
	hits := set.Detect(ctx, gitleaksrules.Fragment{Text: text, Path: f.path, Commit: commit})
	for i := range hits {
		h := &hits[i]
		if h.PathOnly {
			continue
		}
		h.Start, h.End = runs.raw(h.Start), runs.raw(h.End)
	}
	return hits
}

// runMap maps offsets in the joined runs back to the file: run k starts
// at joined[k] in the joined text and at rawAt[k] in the file.
type runMap struct {
	joined, rawAt []int
}

// raw is the file offset of offset j of the joined text. The newline
// that joins two runs maps to the end of the run before it.
func (m runMap) raw(j int) int {
	k := sort.SearchInts(m.joined, j+1) - 1
	if k < 0 {
		return j
	}
	return m.rawAt[k] + j - m.joined[k]
}

// printableRuns returns the runs of at least minRun printable bytes of
// data, joined by newlines, and where each run came from. It reads
// mostly one byte in minRun of binary data: when the byte at i+minRun-1
// is not printable, no run that long starts at or after i before it.
func printableRuns(data string, minRun int) (string, runMap) {
	var (
		b strings.Builder
		m runMap
	)
	// i is 0 or follows a byte that is not printable.
	for i := 0; i+minRun <= len(data); {
		p := i + minRun - 1
		if !printableByte(data[p]) {
			i = p + 1
			continue
		}
		s := p
		for s > i && printableByte(data[s-1]) {
			s--
		}
		j := p + 1
		for j < len(data) && printableByte(data[j]) {
			j++
		}
		if j-s >= minRun {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			m.joined = append(m.joined, b.Len())
			m.rawAt = append(m.rawAt, s)
			b.WriteString(data[s:j])
		}
		i = j + 1
	}
	return b.String(), m
}

// printableByte reports printable ASCII, tab, line breaks, vertical tab
// and form feed: the bytes a key's text format is written with.
func printableByte(c byte) bool {
	return (' ' <= c && c <= '~') || ('\t' <= c && c <= '\r')
}
