package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/authvet/authvet/internal/finding"
)

// applyFixes applies the first suggested fix of every counted finding, in
// place, like go fix. Fixes whose edits overlap an edit already taken are
// skipped (the finding stays reported). Fixed findings are marked with the
// property "fixed". It returns the number of fixes and of files changed.
func applyFixes(root string, fs []finding.Finding) (int, int, error) {
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
	files := 0
	for _, p := range paths {
		edits := byFile[p]
		sort.SliceStable(edits, func(i, j int) bool {
			if edits[i].Start != edits[j].Start {
				return edits[i].Start < edits[j].Start
			}
			return edits[i].End < edits[j].End
		})
		abs := filepath.Join(root, filepath.FromSlash(p))
		src, err := os.ReadFile(abs)
		if err != nil {
			return 0, 0, fmt.Errorf("applying fixes: %w", err)
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
		if err := writeFileAtomic(abs, out.Bytes(), 0o644); err != nil {
			return 0, 0, fmt.Errorf("applying fixes: %w", err)
		}
		files++
		for _, e := range taken {
			fixed[e.owner] = true
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
