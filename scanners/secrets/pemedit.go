package secrets

import (
	"context"
	"strings"
)

// Keys rewritten in place. A private key replaced by another in the
// same file changes only the base64 lines between its BEGIN and END
// lines, so the commit's patch never shows a whole PEM block and the
// private-key rule, which needs the BEGIN line, never sees the new key
// (fulcio's test keys and nginx-ui's development key were rotated so).
// A hunk of two or more base64 lines of PEM width with no BEGIN line is
// such an edit; after the patches, the file as that commit left it is
// read and scanned for private keys only (other rules would credit the
// commit with lines it did not add).

// pemEdit is a file whose PEM body a commit changed.
type pemEdit struct {
	commit *commitInfo
	path   string
}

// pemBodyEdit reports whether added text holds two or more lines of a
// PEM body (40 to 76 base64 characters each) and no armour line.
func pemBodyEdit(text string) bool {
	if strings.Contains(text, "-----BEGIN") {
		return false
	}
	n := 0
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, "\r")
		if len(l) < 40 || len(l) > 76 || !isBase64Line(l) {
			continue
		}
		n++
		if n >= 2 {
			return true
		}
	}
	return false
}

func isBase64Line(l string) bool {
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/', c == '=':
		default:
			return false
		}
	}
	return true
}

// notePEMEdit records f when it edits a PEM body in place.
func (e *engine) notePEMEdit(f *fragment) {
	if f.commit == nil || f.binary || f.keysOnly || !pemBodyEdit(f.text) {
		return
	}
	e.mu.Lock()
	e.pemEdits = append(e.pemEdits, pemEdit{commit: f.commit, path: f.path})
	e.mu.Unlock()
}

// readPEMEdits scans, for private keys only, the files whose PEM bodies
// commits changed in place, as those commits left them.
func (s *scan) readPEMEdits(ctx context.Context, eng *engine) {
	eng.mu.Lock()
	edits := eng.pemEdits
	eng.pemEdits = nil
	eng.mu.Unlock()
	if len(edits) == 0 || s.repo == nil || s.rulesReady() != nil {
		return
	}
	seen := map[string]bool{}
	var names []string
	var keep []pemEdit
	for _, ed := range edits {
		if ed.commit.SHA == "" || strings.ContainsAny(ed.path, "\n\r") {
			continue
		}
		name := ed.commit.SHA + ":" + ed.path
		if seen[name] {
			continue
		}
		seen[name] = true
		names = append(names, name)
		keep = append(keep, ed)
	}
	b := batcher{e: eng}
	s.eachBlob(ctx, names, func(i int, data []byte) {
		f := fileFragment(keep[i].path, data)
		if f.binary {
			return
		}
		f.commit = keep[i].commit
		f.keysOnly = true
		b.add(f)
	})
	b.flush()
}
