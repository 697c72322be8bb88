// Package fix applies findings' suggested fixes to source files, in
// place, like go fix: all or nothing across files, keeping each file's
// mode.
package fix

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/authvet/authvet/internal/atomicfile"
	"github.com/authvet/authvet/internal/finding"
)

// Apply applies the first suggested fix of every counted finding, in
// place, like go fix. Fixes whose edits overlap an edit already taken are
// skipped (the finding stays reported). Fixed findings are marked with the
// property "fixed". It returns the number of fixes and of files changed.
//
// It is all or nothing across files: every file's new content is computed
// first, then written (see fileSet.commit); on any error no file is left
// changed. Files keep their modes.
// Edit paths are relative to root.
func Apply(root string, fs []finding.Finding) (int, int, error) {
	return applyWith(root, fs, os.Rename)
}

// applyWith is Apply with the rename step given, so tests can
// make it fail part way.
func applyWith(root string, fs []finding.Finding, rename func(old, new string) error) (int, int, error) {
	type edit struct {
		finding.Edit
		owner int
	}
	byFile := map[string][]edit{}
	for i := range fs {
		f := &fs[i]
		if !f.Counts() || len(f.Fixes) == 0 {
			continue
		}
		for _, e := range f.Fixes[0].Edits {
			byFile[e.Path] = append(byFile[e.Path], edit{e, i})
		}
	}
	var paths []string
	for p := range byFile {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	fixed := map[int]bool{}
	rejected := map[int]bool{}
	var plan []fileChange
	var takenBy [][]int
	for _, p := range paths {
		edits := byFile[p]
		sort.SliceStable(edits, func(i, j int) bool {
			if edits[i].Start != edits[j].Start {
				return edits[i].Start < edits[j].Start
			}
			return edits[i].End < edits[j].End
		})
		abs, info, err := atomicfile.Target(filepath.Join(root, filepath.FromSlash(p)))
		if err == nil && (info == nil || !info.Mode().IsRegular()) {
			err = fmt.Errorf("%s is not a regular file", abs)
		}
		if err != nil {
			return 0, 0, fmt.Errorf("applying fixes (no file changed): %w", err)
		}
		src, err := os.ReadFile(abs)
		if err != nil {
			return 0, 0, fmt.Errorf("applying fixes (no file changed): %w", err)
		}
		var out bytes.Buffer
		last := 0
		var taken []edit
		for _, e := range edits {
			if rejected[e.owner] {
				continue
			}
			if e.Start < last || e.End > len(src) || e.Start > e.End {
				// Overlapping fixes (two findings editing one import
				// block, say): keep the first, leave the other reported.
				// An identical edit (both add the same import) is shared.
				if len(taken) > 0 {
					prev := taken[len(taken)-1]
					if prev.Start == e.Start && prev.End == e.End && prev.NewText == e.NewText {
						continue
					}
				}
				rejected[e.owner] = true
				continue
			}
			out.Write(src[last:e.Start])
			out.WriteString(e.NewText)
			last = e.End
			taken = append(taken, e)
		}
		out.Write(src[last:])
		if len(taken) == 0 {
			continue
		}
		plan = append(plan, fileChange{path: abs, old: src, new: out.Bytes(), mode: info.Mode().Perm()})
		var owners []int
		for _, e := range taken {
			owners = append(owners, e.owner)
		}
		takenBy = append(takenBy, owners)
	}
	if err := commitChanges(plan, rename); err != nil {
		return 0, 0, fmt.Errorf("applying fixes: %w", err)
	}
	files := len(plan)
	for _, owners := range takenBy {
		for _, o := range owners {
			fixed[o] = true
		}
	}
	n := 0
	for i := range fixed {
		if rejected[i] {
			continue // part of its fix was not applied
		}
		if fs[i].Properties == nil {
			fs[i].Properties = map[string]any{}
		}
		fs[i].Properties["fixed"] = true
		n++
	}
	return n, files, nil
}

// fileChange is one file's new content, with what it held before.
type fileChange struct {
	path     string
	old, new []byte
	mode     os.FileMode
}

// commitChanges writes every change or none. Each new content goes to a
// temporary file beside its target first; only when all are written are
// they renamed into place. If a rename fails, the files already replaced
// get their old content back (atomically too) and the temporary files
// are removed.
func commitChanges(plan []fileChange, rename func(old, new string) error) error {
	temps := make([]string, len(plan))
	cleanup := func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
	}
	for i, c := range plan {
		t, err := atomicfile.CreateTemp(c.path, c.new, c.mode)
		if err != nil {
			cleanup()
			return fmt.Errorf("no file changed: %w", err)
		}
		temps[i] = t
	}
	for i, c := range plan {
		if err := rename(temps[i], c.path); err != nil {
			cleanup()
			var failed []string
			for _, done := range plan[:i] {
				if rerr := atomicfile.Write(done.path, done.old, done.mode); rerr != nil {
					failed = append(failed, fmt.Sprintf("%s (%v)", done.path, rerr))
				}
			}
			if len(failed) > 0 {
				return fmt.Errorf("writing %s: %w; and could not restore %s", c.path, err, strings.Join(failed, ", "))
			}
			return fmt.Errorf("writing %s: %w; the %d file(s) already fixed were restored, no file changed", c.path, err, i)
		}
		temps[i] = ""
	}
	return nil
}
