package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// This file writes the files authvet writes: the report (-o) and, with
// --fix, source files. Only a regular file (or a path that does not exist
// yet) is replaced atomically, by a temporary file renamed over it; a
// symlink is followed and its target written, and a device, pipe or
// socket is written in place. Renaming over /dev/null would replace the
// machine's null device with a regular file.

// maxSymlinks bounds how many symlinks are followed to reach a target.
const maxSymlinks = 40

// outputTarget follows symlinks from path and returns the file to write
// and what it is now: nil info when it does not exist yet.
func outputTarget(path string) (string, fs.FileInfo, error) {
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

// checkOutput finds a report path that cannot be written before any work
// is done: a missing directory, a directory, a path below a file, or a
// place authvet may not write. It creates nothing that stays.
func checkOutput(path string) error {
	target, info, err := outputTarget(path)
	if err != nil {
		return err
	}
	switch {
	case info == nil:
		dir := filepath.Dir(target)
		st, err := os.Stat(dir)
		if err != nil {
			return fmt.Errorf("cannot create %s: %w", target, err)
		}
		if !st.IsDir() {
			return fmt.Errorf("cannot create %s: %s is not a directory", target, dir)
		}
		return probeDir(dir, target)
	case info.IsDir():
		return fmt.Errorf("%s is a directory; name a file", target)
	case info.Mode().IsRegular():
		// The report replaces the file by a rename, which needs write
		// access to its directory.
		return probeDir(filepath.Dir(target), target)
	case info.Mode()&fs.ModeNamedPipe != 0:
		// Opening a pipe for writing blocks until it has a reader; check
		// the permission bits instead.
		return canWrite(target)
	default:
		f, err := openNoBlock(target)
		if err != nil {
			return err
		}
		return f.Close()
	}
}

// probeDir checks that a file can be created in dir.
func probeDir(dir, target string) error {
	f, err := os.CreateTemp(dir, ".authvet-probe-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", target, err)
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// writeOutput writes data to path: atomically when path is (or will be) a
// regular file, in place when it is a device, pipe or socket, and to the
// target when it is a symlink. A replaced regular file keeps its mode.
func writeOutput(path string, data []byte) error {
	target, info, err := outputTarget(path)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	switch {
	case info == nil:
		return writeFileAtomic(target, data, 0o644)
	case info.Mode().IsRegular():
		return writeFileAtomic(target, data, info.Mode().Perm())
	case info.IsDir():
		return fmt.Errorf("writing %s: %s is a directory", path, target)
	}
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so a reader never sees a half-written file. Callers make
// sure path is a regular file or does not exist (writeOutput).
func writeFileAtomic(path string, data []byte, perm fs.FileMode) error {
	tmp, err := createTemp(path, data, perm)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// createTemp writes data to a new temporary file beside path, with mode
// perm, and returns its name.
func createTemp(path string, data []byte, perm fs.FileMode) (string, error) {
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
