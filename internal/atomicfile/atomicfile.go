// Package atomicfile replaces files so that a reader never sees one
// half-written: new content goes to a temporary file beside the target,
// which is then renamed over it. It also follows symlinks to the file a
// write should reach.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// maxSymlinks bounds how many symlinks are followed to reach a target.
const maxSymlinks = 40

// Target follows symlinks from path and returns the file to write and
// what it is now: nil info when it does not exist yet.
func Target(path string) (string, fs.FileInfo, error) {
	for i := 0; i < maxSymlinks; i++ {
		info, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil, nil
		}
		if err != nil {
			return "", nil, err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return path, info, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", nil, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", nil, fmt.Errorf("%s: too many levels of symbolic links", path)
}

// Write writes data to a temporary file beside path and renames it into
// place, so a reader never sees a half-written file. Callers make sure
// path is a regular file or does not exist.
func Write(path string, data []byte, perm fs.FileMode) error {
	tmp, err := CreateTemp(path, data, perm)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// CreateTemp writes data to a new temporary file beside path, with mode
// perm, and returns its name.
func CreateTemp(path string, data []byte, perm fs.FileMode) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	fail := func(err error) (string, error) {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	return tmp.Name(), nil
}
