package secrets

import (
	"context"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/authvet/authvet/internal/testsupport"
)

// resolveBuildTags finds the Go files among the places that triage the
// groups whose build constraint requires a test tag (//go:build e2etest,
// integration, testing: testsupport.BuildConstraint): such a file is
// compiled into test binaries only, test support by how it is built
// rather than where it is, and the analyzers judge it so too. Each file
// is read as the place's commit left it (a place at the tip as the tip
// has it: the scanned head, the index for a staged scan, the disk for a
// directory scan), in one `git cat-file --batch`. Only places whose path
// alone says more than test code are read. A file that cannot be read is
// judged by its path, as before.
func (s *scan) resolveBuildTags(ctx context.Context, groups []*group) {
	want := map[string]bool{}
	add := func(o occurrence) {
		if !strings.HasSuffix(o.path, ".go") || strings.ContainsAny(o.path, "\n\r") {
			return
		}
		if c, _ := s.contextOf(o.path); contextRank(c) <= contextRank(ctxTest) {
			return
		}
		want[s.placeRev(o)+":"+o.path] = true
	}
	s.eachJudgedPlace(groups, add)
	if len(want) == 0 {
		return
	}
	if s.buildTest == nil {
		s.buildTest = map[string]string{}
	}
	names := make([]string, 0, len(want))
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	s.readPlaces(ctx, names, func(i int, data []byte) { s.noteBuildTag(names[i], data) })
}

// readPlaces reads the files "<rev>:<path>" names (placeRev's form) and
// calls f with each one it could read: from the directory scanned (rev
// "" there), else in one `git cat-file --batch`.
func (s *scan) readPlaces(ctx context.Context, ids []string, f func(i int, data []byte)) {
	if s.opts.Mode == Directory || s.repo == nil {
		fsys := s.opts.fsys
		if fsys == nil {
			fsys = os.DirFS(s.opts.Root)
		}
		for i, id := range ids {
			if data, err := fs.ReadFile(fsys, strings.TrimPrefix(id, ":")); err == nil {
				f(i, data)
			}
		}
		return
	}
	s.eachBlob(ctx, ids, f)
}

func (s *scan) noteBuildTag(name string, data []byte) {
	if why, ok := testsupport.BuildConstraint(data); ok {
		s.buildTest[name] = why
	}
}

// placeRev is the revision a place's file is read at: its commit, else
// the tip (the scanned head, or the index of a staged scan; "" in a
// directory scan, read from disk).
func (s *scan) placeRev(o occurrence) string {
	if o.commit != nil && o.commit.SHA != "" {
		return o.commit.SHA
	}
	if s.opts.Mode == Directory || s.repo == nil {
		return ""
	}
	if s.opts.Mode == Staged {
		return "" // ":<path>" names the staged blob
	}
	return s.res.Coverage.Head
}

// buildTagOf is why the file of place o is built only under a test tag,
// if it is.
func (s *scan) buildTagOf(o occurrence) (string, bool) {
	if s.buildTest == nil || !strings.HasSuffix(o.path, ".go") {
		return "", false
	}
	why, ok := s.buildTest[s.placeRev(o)+":"+o.path]
	return why, ok
}

// eachJudgedPlace calls f with every place triage may judge a group by:
// its first occurrence, its places at the tip (allowed or not) and the
// places triagePlaces picks for its status.
func (s *scan) eachJudgedPlace(groups []*group, f func(occurrence)) {
	for _, g := range groups {
		status := s.status(g)
		if len(g.occs) > 0 {
			f(g.occs[0])
		}
		for _, o := range g.here {
			f(o)
		}
		for _, o := range g.allowedHere {
			f(o)
		}
		for _, o := range s.triagePlaces(g, status) {
			f(o)
		}
	}
}
