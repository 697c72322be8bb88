package secrets

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/authvet/authvet/internal/finding"
)

// scanDirectory scans the files under Root as they are now. Paths the
// rule set's allowlists exclude (gitleaks' own list covers go.sum,
// lockfiles, node_modules, images and fonts, and a user config can add
// more) are not read at all; .git is skipped; symlinks are not followed.
func (s *scan) scanDirectory(ctx context.Context) error {
	cov := &s.res.Coverage
	cov.Ref = "files"
	if err := s.rulesReady(); err != nil {
		return err
	}
	eng := newEngine(s.set, s.opts.Workers)
	eng.start(ctx)
	b := batcher{e: eng}
	var (
		sk    []skipped
		files int
	)
	root := s.opts.Root
	fsys := s.opts.fsys
	if fsys == nil {
		fsys = os.DirFS(root)
	}
	// unreadable records a file or directory the walk could not read:
	// the scan is then incomplete, and says which.
	unreadable := func(rel string, err error) {
		s.res.Incomplete = true
		sk = append(sk, skipped{Path: rel, Reason: reasonUnreadable, Detail: errText(err)})
	}
	err := fs.WalkDir(fsys, ".", func(rel string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			if rel == "." {
				return err // the root itself: nothing can be scanned
			}
			unreadable(rel, err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if d.Name() == ".git" || (rel != "." && s.set.PathAllowed(rel)) {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || s.set.PathAllowed(rel) {
			return nil // symlinks, devices and pipes are not followed or read
		}
		info, err := d.Info()
		if err != nil {
			unreadable(rel, err)
			return nil
		}
		if s.opts.MaxFileSize > 0 && info.Size() > s.opts.MaxFileSize {
			sk = append(sk, skipped{Path: rel, Reason: reasonTooLarge, Size: info.Size()})
			return nil
		}
		data, err := fs.ReadFile(fsys, rel)
		if err != nil {
			unreadable(rel, err)
			return nil
		}
		files++
		if len(data) > 0 {
			b.add(fileFragment(rel, data))
		}
		return nil
	})
	b.flush()
	eng.finish()
	s.engineErrors(eng)
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("walking %s: %w", root, err)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	cov.FilesScanned = files
	cov.BytesScanned = eng.bytes.Load()
	cov.KnownBenign = eng.benign
	s.addSkipped(sk)
	groups := groupOccurrences(eng.occs)
	assessGroups(groups, eng.secrets, nil)
	s.secrets = eng.secrets
	s.res.Findings = s.makeFindings(ctx, groups)
	if files == 0 && len(sk) == 0 {
		s.notify(NotifyNothingToScan, finding.LevelNote, "no files to scan under %s", root)
	}
	return nil
}

// errText is an error's message without the path, which the report
// names already (fs.PathError repeats it).
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// isBinary reports content git would call binary: a NUL byte in the
// first 8000 bytes. Archives are binary too; they are reported as
// skipped rather than unpacked.
func isBinary(data []byte) bool {
	n := min(len(data), 8000)
	return bytes.IndexByte(data[:n], 0) >= 0
}
