package secrets

import (
	"bytes"
	"strings"
	"testing"
)

// recordSink keeps what parseDiff reports.
type recordSink struct {
	commits []*commitInfo
	frags   []fragment
	skips   []skipped
	read    int64
}

func (r *recordSink) commit(c *commitInfo) { r.commits = append(r.commits, c) }
func (r *recordSink) fragment(f fragment)  { r.frags = append(r.frags, f) }
func (r *recordSink) skip(s skipped)       { r.skips = append(r.skips, s) }
func (r *recordSink) bytesRead(n int64)    { r.read += n }

const seedPatch = "\x1e0123456789abcdef0123456789abcdef01234567\x1fAda\x1fada@example.com\x1f2021-01-02T12:00:00Z\x1f1609588800\x1fsubject\n" +
	"diff --git a/x.go b/x.go\nindex 1111111111111111111111111111111111111111..2222222222222222222222222222222222222222 100644\n--- a/x.go\n+++ b/x.go\n@@ -1,0 +2,2 @@\n+var a = 1\n+var key = \"abc\"\n\\ No newline at end of file\n" +
	"diff --git a/\"sp ace\" b/\"sp ace\"\nnew file mode 100644\n--- /dev/null\n+++ \"b/sp ace\"\n@@@ -0,0 -0,0 +1 @@@\n+x\n" +
	"diff --git a/b.dat b/b.dat\nindex 3333333333333333333333333333333333333333..4444444444444444444444444444444444444444 100644\nBinary files a/b.dat and b/b.dat differ\n"

// FuzzParseDiff feeds the patch parser arbitrary git output (commit
// messages, paths and file contents are all attacker-chosen in a
// repository under scan): it must not panic, must report only text the
// input holds, and with a size limit must never return a fragment over it.
func FuzzParseDiff(f *testing.F) {
	f.Add([]byte(seedPatch), int64(0))
	f.Add([]byte(seedPatch), int64(5))
	f.Add([]byte("@@ -1 +1 @@\n+x\n"), int64(0))
	f.Add([]byte("+++ b/x\n@@ +\n+y"), int64(0))
	f.Add([]byte("\x1e\n\x1e\x1f\x1f\x1f\x1f\x1f\n"), int64(0))
	f.Add([]byte("index ..\nBinary files  and  differ\n"), int64(0))
	f.Add(append([]byte("diff --git a/l b/l\n+++ b/l\n@@ -0,0 +1 @@\n+"), bytes.Repeat([]byte("y"), 300<<10)...), int64(1000))
	f.Fuzz(func(t *testing.T, data []byte, maxFile int64) {
		var sink recordSink
		if err := parseDiff(bytes.NewReader(data), maxFile, 0, &sink); err != nil {
			t.Fatalf("parseDiff on an in-memory reader: %v", err)
		}
		total := 0
		for _, fr := range sink.frags {
			total += len(fr.text)
			if maxFile > 0 && int64(len(fr.text)) > maxFile {
				t.Fatalf("fragment of %d bytes over the %d-byte limit", len(fr.text), maxFile)
			}
			if fr.startLine < 0 {
				t.Fatalf("start line %d", fr.startLine)
			}
			for _, line := range strings.SplitAfter(fr.text, "\n") {
				if line != "" && !bytes.Contains(data, []byte(strings.TrimSuffix(line, "\n"))) {
					t.Fatalf("fragment text %q is not in the input", line)
				}
			}
		}
		if total > len(data) {
			t.Fatalf("%d bytes of fragments from %d bytes of input", total, len(data))
		}
	})
}

// FuzzParseRaw feeds the `git log --raw -z` parser arbitrary output.
func FuzzParseRaw(f *testing.F) {
	f.Add([]byte("\x1eabc\x1fA\x1fa@x\x1f2021\x1f1\x1fs\n\x00:000000 100644 0000000000000000000000000000000000000000 1111111111111111111111111111111111111111 A\x00new.go\x00:100644 100644 1 2 R100\x00old\x00new\x00"))
	f.Add([]byte(":000000 160000 0 1 A\x00sub\x00"))
	f.Add([]byte("\x1e\x00:\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		last, err := parseRaw(bytes.NewReader(data), func(c *rawCommit) {
			if c == nil || c.info == nil {
				t.Fatal("emitted a nil commit")
			}
			n++
		})
		if err != nil {
			t.Fatalf("parseRaw on an in-memory reader: %v", err)
		}
		_ = last
	})
}

// FuzzParseRawTree feeds the `git diff-tree --raw -z` parser (perFile).
func FuzzParseRawTree(f *testing.F) {
	f.Add(":100644 100644 1111111111111111111111111111111111111111 2222222222222222222222222222222222222222 M\x00a.go\x00")
	f.Add(":1 2 3\x00")
	f.Add("\x00\x00")
	f.Fuzz(func(t *testing.T, raw string) {
		for _, tf := range parseRawTree(raw) {
			if !strings.Contains(raw, tf.path) {
				t.Fatalf("path %q not in the input", tf.path)
			}
		}
	})
}
