package secrets

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

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
		mu    sync.Mutex
	)
	root := s.opts.Root
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			mu.Lock()
			sk = append(sk, skipped{Path: rel, Reason: "unreadable file"})
			mu.Unlock()
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
			return nil
		}
		info, err := d.Info()
		if err != nil {
			sk = append(sk, skipped{Path: rel, Reason: "unreadable file"})
			return nil
		}
		if s.opts.MaxFileSize > 0 && info.Size() > s.opts.MaxFileSize {
			sk = append(sk, skipped{Path: rel, Reason: "larger than the maximum file size", Size: info.Size()})
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			sk = append(sk, skipped{Path: rel, Reason: "unreadable file"})
			return nil
		}
		if isBinary(data) {
			sk = append(sk, skipped{Path: rel, Reason: "binary file", Size: info.Size()})
			return nil
		}
		files++
		if len(data) > 0 {
			b.add(fragment{path: rel, startLine: 1, text: string(data)})
		}
		return nil
	})
	b.flush()
	eng.finish()
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
	s.res.Findings = s.makeFindings(groups)
	if files == 0 && len(sk) == 0 {
		s.notify(NotifyNothingToScan, finding.LevelNote, "no files to scan under %s", root)
	}
	return nil
}

// isBinary reports content git would call binary: a NUL byte in the
// first 8000 bytes. Archives are binary too; they are reported as
// skipped rather than unpacked.
func isBinary(data []byte) bool {
	n := min(len(data), 8000)
	return bytes.IndexByte(data[:n], 0) >= 0
}
