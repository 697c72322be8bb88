package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/authvet/authvet/internal/atomicfile"
)

// This file writes the files authvet writes: the report (-o) and, with
// --fix, source files (through internal/fix). Only a regular file (or a path that does not exist
// yet) is replaced atomically, by a temporary file renamed over it; a
// symlink is followed and its target written, and a device, pipe or
// socket is written in place. Renaming over /dev/null would replace the
// machine's null device with a regular file.

// checkOutput finds a report path that cannot be written before any work
// is done: a missing directory, a directory, a path below a file, or a
// place authvet may not write. It creates nothing that stays.
func checkOutput(path string) error {
	target, info, err := atomicfile.Target(path)
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
	target, info, err := atomicfile.Target(path)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	switch {
	case info == nil:
		return atomicfile.Write(target, data, 0o644)
	case info.Mode().IsRegular():
		return atomicfile.Write(target, data, info.Mode().Perm())
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
