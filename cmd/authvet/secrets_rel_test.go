package main

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/scanners/testkeys"
)

// TestUnreadableDirectoryFailsOnIncomplete runs the built binary on a
// directory with a subdirectory it may not read (issue 16, item 7): the
// secret in the readable part is reported, the report says the scan is
// incomplete and names the directory, and --fail-on-incomplete exits 2
// even though there are findings (which alone exit 1).
//
// root reads anything whatever its mode, so as root the binary runs as
// nobody (setpriv, from util-linux); the tree and the binary are made
// readable to it.
func TestUnreadableDirectoryFailsOnIncomplete(t *testing.T) {
	var prefix []string
	if os.Geteuid() == 0 {
		sp, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("running as root without setpriv (util-linux): cannot make a directory unreadable to authvet")
		}
		prefix = []string{sp, "--reuid=65534", "--regid=65534", "--clear-groups"}
	}
	base, err := os.MkdirTemp("", "authvet-unreadable-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.Chmod(filepath.Join(base, "tree", "locked"), 0o755)
		os.RemoveAll(base)
	})
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(base, "authvet")
	copyFile(t, binary, bin, 0o755)
	tree := filepath.Join(base, "tree")
	key := testkeys.GitHub(701)
	for name, body := range map[string]string{
		"deploy.sh":       "export GITHUB_TOKEN=" + key + "\n",
		"locked/creds.sh": "nothing to see\n",
	} {
		p := filepath.Join(tree, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(filepath.Join(tree, "locked"), 0o000); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, string, int) {
		argv := append(append(prefix, bin, "secrets", "--no-git", "--no-cache"), args...)
		cmd := exec.Command(argv[0], append(argv[1:], tree)...)
		cmd.Dir = base
		cmd.Env = append(os.Environ(), "HOME="+base)
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("running authvet: %v", err)
		}
		return out.String(), errb.String(), code
	}

	out, stderr, code := run("--format", "json")
	if code != 1 {
		t.Errorf("without --fail-on-incomplete: exit %d, want 1 (findings)\n%s", code, stderr)
	}
	var rep struct {
		Findings []struct {
			RuleID string `json:"ruleId"`
		} `json:"findings"`
		Coverage struct {
			Incomplete bool `json:"incomplete"`
		} `json:"coverage"`
		Notifications []struct {
			Kind string `json:"kind"`
			Path string `json:"path"`
		} `json:"notifications"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	if len(rep.Findings) != 1 {
		t.Errorf("%d findings, want the one in deploy.sh", len(rep.Findings))
	}
	if !rep.Coverage.Incomplete {
		t.Error("coverage.incomplete is false with an unreadable directory")
	}
	named := false
	for _, n := range rep.Notifications {
		named = named || (n.Kind == "unreadable-file" && n.Path == "locked")
	}
	if !named {
		t.Errorf("no notification names the unreadable directory: %+v", rep.Notifications)
	}
	if !strings.Contains(stderr, "locked") {
		t.Errorf("stderr does not name the unreadable directory: %s", stderr)
	}

	_, stderr, code = run("--fail-on-incomplete")
	if code != 2 {
		t.Errorf("--fail-on-incomplete: exit %d, want 2\n%s", code, stderr)
	}
	if strings.Contains(stderr, key) {
		t.Error("stderr leaks the key")
	}
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}
