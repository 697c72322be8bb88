package cli

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOutputToDeviceWritesInPlace is the regression test for -o
// /dev/null replacing the machine's null device with a regular file: a
// character device made in a temporary directory (the same device as
// /dev/null, never the real node) must still be that device afterwards.
func TestOutputToDeviceWritesInPlace(t *testing.T) {
	dir := writeTree(t, fixture)
	dev := filepath.Join(t.TempDir(), "null")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skipf("skipped: making a device node needs root (mknod: %v)", err)
	}
	_, stderr, code := authvet(t, dir, "lint", "--format", "json", "-o", dev)
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	st, err := os.Lstat(dev)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("-o replaced the device node with a %v", st.Mode())
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dev), ".*tmp")); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

// TestOutputToPipe writes the report into a FIFO that a reader drains:
// the FIFO stays a FIFO and the reader gets the whole report.
func TestOutputToPipe(t *testing.T) {
	dir := writeTree(t, fixture)
	fifo := filepath.Join(t.TempDir(), "report.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("skipped: mkfifo: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until authvet opens it to write
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	_, stderr, code := authvet(t, dir, "lint", "--format", "json", "-o", fifo)
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		// The reader waits on the old FIFO for ever; leave it.
		t.Fatalf("-o replaced the FIFO: %v %v", st.Mode(), err)
	}
	select {
	case out := <-got:
		if !strings.Contains(out, `"plainhttp/url"`) || !strings.HasSuffix(out, "}\n") {
			t.Errorf("the reader got %q", out)
		}
	case <-time.After(time.Minute):
		t.Fatal("the reader got nothing within a minute")
	}
}

// TestOutputThroughSymlink writes the symlink's target and keeps the
// link; the target is replaced atomically and keeps its mode.
func TestOutputThroughSymlink(t *testing.T) {
	dir := writeTree(t, fixture)
	tmp := t.TempDir()
	target := filepath.Join(tmp, "real.json")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(tmp, "link.json")
	if err := os.Symlink("real.json", link); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := authvet(t, dir, "lint", "--format", "json", "-o", link)
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("-o replaced the symlink: %v %v", st.Mode(), err)
	}
	data, err := os.ReadFile(target)
	if err != nil || !strings.Contains(string(data), `"plainhttp/url"`) {
		t.Errorf("the target holds %q (%v)", data, err)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o600 {
		t.Errorf("the target's mode changed to %v", st.Mode().Perm())
	}
	// A dangling symlink is followed too: the report is created where it
	// points.
	dangling := filepath.Join(tmp, "dangling.json")
	if err := os.Symlink("new.json", dangling); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := authvet(t, dir, "lint", "--format", "json", "-o", dangling); code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(tmp, "new.json")); err != nil {
		t.Errorf("dangling symlink: the target was not created: %v", err)
	}
	if st, err := os.Lstat(dangling); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("-o replaced the dangling symlink")
	}
}

// TestBadOutputPathFailsBeforeTheRun checks that a report path that
// cannot be written stops the run at once with exit 2 and a message
// naming it. The runs happen in a directory with no Go module: a run that
// got as far as loading packages would fail with a different message.
func TestBadOutputPathFailsBeforeTheRun(t *testing.T) {
	empty := t.TempDir()
	tmp := t.TempDir()
	file := filepath.Join(tmp, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	for name, out := range map[string]string{
		"missing directory": filepath.Join(tmp, "no", "such", "dir", "r.json"),
		"a directory":       tmp,
		"below a file":      filepath.Join(file, "r.json"),
	} {
		for _, cmd := range []string{"lint", "scan", "secrets"} {
			_, stderr, code := authvet(t, empty, cmd, "-o", out)
			if code != ExitError {
				t.Errorf("%s %s: exit %d, want 2\n%s", cmd, name, code, stderr)
			}
			if !strings.Contains(stderr, "--output "+out+":") || strings.Contains(stderr, "go.mod") || strings.Contains(stderr, "not a git repository") {
				t.Errorf("%s %s: stderr does not name the output path first:\n%s", cmd, name, stderr)
			}
		}
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(tmp, "ro")
		os.Mkdir(ro, 0o500)
		_, stderr, code := authvet(t, empty, "lint", "-o", filepath.Join(ro, "r.json"))
		if code != ExitError || !strings.Contains(stderr, "permission denied") {
			t.Errorf("read-only directory: exit %d\n%s", code, stderr)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(tmp, ".authvet-probe-*")); len(leftovers) > 0 {
		t.Errorf("probe files left behind: %v", leftovers)
	}
}
