package secrets

import (
	"context"
	"sort"
	"strings"

	"github.com/authvet/authvet/internal/finding"
)

// resolveUnseen judges the places that a diff showed without the block
// they sit in (roleUnseen: a hunk that changed only the value's line,
// such as a token rotated in place under an "encrypted" key). It reads
// the whole file as the commit left it, in one `git cat-file --batch`
// for all such places, and asks lineRole there. A place whose file
// cannot be read stays unseen: it then says nothing either way, as
// before.
func (s *scan) resolveUnseen(ctx context.Context, groups []*group) {
	type place struct {
		g *group
		i int
	}
	byName := map[string][]place{}
	for _, g := range groups {
		for i, o := range g.occs {
			if o.role != roleUnseen || o.commit == nil || o.commit.SHA == "" || o.line < 1 || strings.ContainsAny(o.path, "\n\r") {
				continue
			}
			name := o.commit.SHA + ":" + o.path
			byName[name] = append(byName[name], place{g, i})
		}
	}
	if len(byName) == 0 || s.repo == nil {
		return
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	s.eachBlob(ctx, names, func(i int, data []byte) {
		_, p, _ := strings.Cut(names[i], ":")
		f := fileFragment(p, data)
		if f.binary {
			return
		}
		for _, pl := range byName[names[i]] {
			o := &pl.g.occs[pl.i]
			if at, ok := offsetOf(f.text, o.line, o.col); ok {
				o.role = lineRole(p, f.text, at)
			}
		}
	})
}

// eachBlob reads the objects names ("<rev>:<path>") in one `git cat-file
// --batch` and calls fn with the index and content of each that exists
// and is within the maximum file size. It stops at the first read error:
// what it could not read is left as it was.
func (s *scan) eachBlob(ctx context.Context, names []string, fn func(i int, data []byte)) {
	cf, err := startCatFile(ctx, s.repo)
	if err != nil {
		s.blobsUnread(ctx, len(names), err)
		return
	}
	defer cf.close()
	cf.request(names)
	for i := range names {
		b, err := cf.readOne(s.opts.MaxFileSize)
		cf.pending--
		if err != nil {
			s.blobsUnread(ctx, len(names)-i, err)
			return
		}
		if b.missing || b.tooBig {
			continue
		}
		fn(i, b.data)
	}
}

// blobsUnread says that n files triage reads from git could not be
// read: the scan is incomplete, and the findings that depend on them
// are judged without them.
func (s *scan) blobsUnread(ctx context.Context, n int, err error) {
	if ctx.Err() != nil {
		return // the run was cancelled, and says so
	}
	s.res.Incomplete = true
	s.notify(NotifyUnreadableObject, finding.LevelWarning, "could not read %d file(s) from git to judge findings (%v); the findings that depend on them are judged without them", n, err)
}

// offsetOf returns the byte offset of 1-based line and column in text.
func offsetOf(text string, line, col int) (int, bool) {
	at := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[at:], '\n')
		if i < 0 {
			return 0, false
		}
		at += i + 1
	}
	end := strings.IndexByte(text[at:], '\n')
	if end < 0 {
		end = len(text) - at
	}
	if col < 1 || col-1 > end {
		return 0, false
	}
	return at + col - 1, true
}
