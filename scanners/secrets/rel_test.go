package secrets

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/authvet/authvet/scanners/testkeys"
)

// TestCacheKeyCoversSettings: a history scan served from the cache gives
// what a scan without it would. A rescan with a larger --max-file-size
// must read the file the first scan skipped, and a change to a config
// the repository's config extends must rescan (issue 16, item 8).
func TestCacheKeyCoversSettings(t *testing.T) {
	r := newRepo(t)
	k := testkeys.GitHub(801)
	r.write("big.txt", strings.Repeat("filler line\n", 200)+"token="+k+"\n")
	r.commit("add a large file")
	cache := t.TempDir()

	small := scanRepo(t, Options{Root: r.dir, CacheDir: cache, MaxFileSize: 500})
	if len(small.Findings) != 0 || small.Coverage.SkippedCount != 1 {
		t.Fatalf("with a 500-byte limit: %d findings, %d skipped", len(small.Findings), small.Coverage.SkippedCount)
	}
	large := scanRepo(t, Options{Root: r.dir, CacheDir: cache, MaxFileSize: 1 << 20})
	if findByPath(large, "big.txt") == nil {
		dumpFindings(t, large)
		t.Errorf("a rescan with a larger --max-file-size does not find the secret (cached %d commits)", large.Coverage.CommitsCached)
	}

	// The repository's config extends another file; changing only that
	// file changes the rules.
	extra := filepath.Join(t.TempDir(), "extra.toml")
	cfg := "[extend]\nuseDefault = true\n"
	if err := os.WriteFile(extra, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	r.write(".gitleaks.toml", "[extend]\npath = \""+extra+"\"\n")
	acme := "acme_" + strings.ToLower(testkeys.Hex(802, 20))
	r.write("acme.txt", "acme="+acme+"\n")
	r.commit("config and an acme key")
	first := scanRepo(t, Options{Root: r.dir, CacheDir: cache})
	if findByPath(first, "big.txt") == nil {
		t.Fatal("the extended config loses the default rules")
	}
	if f := findByPath(first, "acme.txt"); f != nil && f.RuleID == "secret/acme-token" {
		t.Fatal("acme-token reported before the rule exists")
	}
	cfg += "\n[[rules]]\nid = \"acme-token\"\ndescription = \"Acme token\"\nregex = '''acme_[a-f0-9]{20}'''\nkeywords = [\"acme_\"]\n"
	if err := os.WriteFile(extra, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	second := scanRepo(t, Options{Root: r.dir, CacheDir: cache})
	if f := findByPath(second, "acme.txt"); f == nil || f.RuleID != "secret/acme-token" {
		dumpFindings(t, second)
		t.Errorf("a rule added to the extended config is not applied (cached %d commits)", second.Coverage.CommitsCached)
	}
}

// failFS is a directory's files with errors injected where a real file
// system would fail (a directory its reader may not list, a file that
// fails mid-read): root can read anything on a real one.
type failFS struct {
	fs.FS
	fail map[string]error
}

func (f failFS) Open(name string) (fs.File, error) {
	if err := f.fail[name]; err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f.FS.Open(name)
}

// TestDirectoryUnreadableIsIncomplete: a directory scan that cannot read
// a subdirectory or a file is incomplete, names every one of them, and
// FailOnIncomplete makes it an error (issue 16, item 7).
func TestDirectoryUnreadableIsIncomplete(t *testing.T) {
	dir := t.TempDir()
	k := testkeys.GitHub(701)
	files := map[string]string{
		"ok.txt":         "token=" + k + "\n",
		"locked/a.txt":   "nothing\n",
		"broken/one.txt": "x\n",
	}
	for i := range 7 {
		files[fmt.Sprintf("many/f%d.txt", i)] = "x\n"
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fail := map[string]error{"locked": fs.ErrPermission, "broken/one.txt": syscall.EIO}
	for i := range 7 {
		fail[fmt.Sprintf("many/f%d.txt", i)] = fs.ErrPermission
	}
	opts := Options{Root: dir, Mode: Directory, fsys: failFS{os.DirFS(dir), fail}}
	res, err := Scan(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Incomplete {
		t.Error("a scan that could not read a directory says it is complete")
	}
	if findByPath(res, "ok.txt") == nil {
		t.Error("the readable file's secret is lost")
	}
	named := map[string]bool{}
	for _, x := range res.Coverage.Skipped {
		named[x.Path] = true
		if x.Kind() != NotifyUnreadableFile {
			t.Errorf("%s, unreadable, is of kind %q", x.Path, x.Kind())
		}
	}
	for name := range fail {
		if !named[name] {
			t.Errorf("%s is not in the coverage's skipped list: %+v", name, res.Coverage.Skipped)
		}
	}
	if res.Coverage.SkippedCount != len(fail) {
		t.Errorf("SkippedCount = %d, want %d", res.Coverage.SkippedCount, len(fail))
	}
	var note string
	for _, n := range res.Notifications {
		if n.Kind == "unreadable-file" {
			note = n.Message
		}
	}
	if !strings.Contains(note, "9 files") || !strings.Contains(note, "locked") || !strings.Contains(note, "and 4 more") {
		t.Errorf("notification does not count and name them: %q", note)
	}
	opts.FailOnIncomplete = true
	res, err = Scan(context.Background(), opts)
	if !errors.Is(err, ErrIncomplete) || res == nil {
		t.Errorf("FailOnIncomplete: err = %v, result %v", err, res != nil)
	}
}

// TestBinaryFilesAreScanned: a key inside a binary file is found in
// directory, history (a file added whole, and a binary file modified
// later) and staged scans, as gitleaks finds it; generic-api-key does
// not fire on binary bytes (issue 16, item 10).
func TestBinaryFilesAreScanned(t *testing.T) {
	r := newRepo(t)
	k1, k2, k3 := testkeys.GitHub(1001), testkeys.AWS(1002), testkeys.Stripe(1003)
	bin := func(k string) string {
		return "\x7fELF\x02\x01\x00\x00\x00" + strings.Repeat("\x13\x37\x00", 40) + k + "\n\x00api_key=" + testkeys.Generic(1004) + "\x00\xff\xfe"
	}
	r.write("keystore.dat", bin(k1))
	r.commit("add keystore")
	r.write("keystore.dat", bin(k1)+bin(k2)) // a modified binary file: only "Binary files differ"
	r.commit("rotate keystore")

	hist := scanRepo(t, Options{Root: r.dir})
	got := map[string]bool{}
	for _, f := range hist.Findings {
		got[f.RuleID] = true
		if f.Location.Path != "keystore.dat" {
			t.Errorf("finding at %s", f.Location.Path)
		}
		if strings.Contains(f.Snippet, "\x00") {
			t.Errorf("snippet quotes binary bytes: %q", f.Snippet)
		}
	}
	if !got["secret/github-pat"] || !got["secret/aws-access-token"] {
		dumpFindings(t, hist)
		t.Errorf("history: keys in the binary file not found: %v", got)
	}
	if got["secret/generic-api-key"] {
		t.Error("generic-api-key fired on binary data")
	}
	assertNoLeak(t, hist, k1, k2)

	dirRes := scanRepo(t, Options{Root: r.dir, Mode: Directory})
	if len(dirRes.Findings) != 2 {
		dumpFindings(t, dirRes)
		t.Errorf("directory: %d findings, want 2", len(dirRes.Findings))
	}

	r.write("keystore.dat", bin(k1)+bin(k2)+bin(k3))
	r.git("add", "keystore.dat")
	staged := scanRepo(t, Options{Root: r.dir, Mode: Staged})
	found := false
	for _, f := range staged.Findings {
		found = found || f.RuleID == "secret/stripe-access-token"
	}
	if !found {
		dumpFindings(t, staged)
		t.Error("staged: the key in the modified binary file is not found")
	}
}

// TestRevealFromCache: with Reveal set, a warm scan served from the
// cache still reveals every secret, read again from its commit
// (issue 16, item 4).
func TestRevealFromCache(t *testing.T) {
	h := buildHistory(t)
	cache := t.TempDir()
	reveal := func() (map[string]string, *Result) {
		got := map[string]string{}
		res := scanRepo(t, Options{Root: h.r.dir, CacheDir: cache, Reveal: func(fp, v string) { got[fp] = v }})
		return got, res
	}
	cold, coldRes := reveal()
	warm, warmRes := reveal()
	if warmRes.Coverage.CommitsCached == 0 || warmRes.Coverage.CommitsScanned != 0 {
		t.Fatalf("second scan not served from the cache: %+v", warmRes.Coverage)
	}
	if len(cold) == 0 || len(cold) != len(coldRes.Findings) {
		t.Fatalf("cold scan revealed %d of %d", len(cold), len(coldRes.Findings))
	}
	for fp, v := range cold {
		if warm[fp] != v {
			t.Errorf("finding %s: warm scan revealed %q…, cold %q…", fp, trunc(warm[fp]), trunc(v))
		}
	}
}

func trunc(s string) string { return s[:min(len(s), 4)] }

// TestPresentSecretReportedWhereItIsNow: a secret still at the tip is
// reported at its place there, after the lines above it changed, with
// the commit that introduced it as provenance; one finding, also when
// served from the cache and after later drift (issue 16, item 9).
func TestPresentSecretReportedWhereItIsNow(t *testing.T) {
	r := newRepo(t)
	k := testkeys.GitHub(901)
	r.write("app/config.go", "package app\n\nvar token = \""+k+"\"\n")
	intro := r.commit("config")
	r.write("app/config.go", "package app\n\n// a\n// b\n// c\n\nvar token = \""+k+"\"\n")
	r.commit("comments above")
	r.git("mv", "app/config.go", "app/settings.go")
	r.commit("rename")
	cache := t.TempDir()

	check := func(name string, res *Result, line int) {
		t.Helper()
		if len(res.Findings) != 1 {
			dumpFindings(t, res)
			t.Fatalf("%s: %d findings, want 1", name, len(res.Findings))
		}
		f := res.Findings[0]
		if f.Location.Path != "app/settings.go" || f.Location.StartLine != line || f.Location.StartColumn != 14 {
			t.Errorf("%s: reported at %s:%d:%d, want app/settings.go:%d:14 (where it is now)", name, f.Location.Path, f.Location.StartLine, f.Location.StartColumn, line)
		}
		if f.Provenance == nil || f.Provenance.Commit != intro {
			t.Errorf("%s: provenance %+v, want the introducing commit %s", name, f.Provenance, intro)
		}
		in, _ := prop(&f, "introducedAt").(string)
		if !strings.HasPrefix(in, "app/config.go:3 ") {
			t.Errorf("%s: introducedAt = %q, want app/config.go:3 in %s", name, in, intro[:7])
		}
		if !strings.Contains(f.Snippet, "var token") || strings.Contains(f.Snippet, k) {
			t.Errorf("%s: snippet %q", name, f.Snippet)
		}
	}
	check("cold", scanRepo(t, Options{Root: r.dir, CacheDir: cache}), 7)
	check("warm", scanRepo(t, Options{Root: r.dir, CacheDir: cache}), 7)
	r.write("app/settings.go", "package app\n\n// moved down again\n\n// a\n// b\n// c\n\nvar token = \""+k+"\"\n")
	r.commit("more drift")
	check("incremental", scanRepo(t, Options{Root: r.dir, CacheDir: cache}), 9)
	check("full", scanRepo(t, Options{Root: r.dir}), 9)
}

// TestAllowAtTipSuppresses: a secret committed without a marker and
// marked gitleaks:allow since is reported where it is now as suppressed
// in source (kept, not counted), cold and warm; a second secret without
// the marker in the same file still counts.
func TestAllowAtTipSuppresses(t *testing.T) {
	r := newRepo(t)
	k1, k2 := testkeys.GitHub(911), testkeys.GitHub(912)
	r.write("app/keys.go", "package app\n\nvar a = \""+k1+"\"\nvar b = \""+k2+"\"\n")
	r.commit("keys")
	r.write("app/keys.go", "package app\n\n// docs\nvar a = \""+k1+"\" // gitleaks:allow (published sample)\nvar b = \""+k2+"\"\n")
	r.commit("allow a")
	cache := t.TempDir()
	for _, name := range []string{"cold", "warm"} {
		res := scanRepo(t, Options{Root: r.dir, CacheDir: cache})
		if len(res.Findings) != 2 {
			dumpFindings(t, res)
			t.Fatalf("%s: %d findings, want 2", name, len(res.Findings))
		}
		var allowed, counted int
		for _, f := range res.Findings {
			switch {
			case f.Suppression != nil:
				allowed++
				if f.Suppression.Kind != "inSource" || f.Location.StartLine != 4 {
					t.Errorf("%s: allowed secret %+v at line %d, want inSource at line 4", name, f.Suppression, f.Location.StartLine)
				}
			default:
				counted++
				if f.Location.StartLine != 5 {
					t.Errorf("%s: unmarked secret at line %d, want 5", name, f.Location.StartLine)
				}
			}
		}
		if allowed != 1 || counted != 1 {
			t.Errorf("%s: %d suppressed and %d counted, want 1 and 1", name, allowed, counted)
		}
		assertNoLeak(t, res, k1, k2)
	}
}

// TestAllowAtTipWhenTheRuleNoLongerMatches: the marker comment itself can
// stop a rule's match at the tip (generic-api-key takes a value from the
// line after "…key",); the value, still there on a marked line, is
// suppressed in source, and its snippet stays redacted.
func TestAllowAtTipWhenTheRuleNoLongerMatches(t *testing.T) {
	r := newRepo(t)
	v := "9f3b2c7d1e8a4f60b5c2d9e7a1f3b8c4"
	r.write("doc.go", "package doc\n\nvar m = map[string]string{\n\t\"a\": \"the sample key\",\n\t\""+v+"\": \"x\",\n}\n")
	r.commit("map")
	before := scanRepo(t, Options{Root: r.dir})
	if len(before.Findings) != 1 || before.Findings[0].Suppression != nil {
		dumpFindings(t, before)
		t.Fatalf("before the marker: want one counted finding")
	}
	r.write("doc.go", "package doc\n\nvar m = map[string]string{\n\t\"a\": \"the sample key\", // gitleaks:allow (a hash, not a key)\n\t\""+v+"\": \"x\", // gitleaks:allow\n}\n")
	r.commit("marked")
	res := scanRepo(t, Options{Root: r.dir})
	if len(res.Findings) != 1 {
		dumpFindings(t, res)
		t.Fatalf("%d findings, want 1", len(res.Findings))
	}
	f := res.Findings[0]
	if f.Suppression == nil || f.Location.StartLine != 5 {
		t.Errorf("suppression %+v at line %d, want inSource at line 5", f.Suppression, f.Location.StartLine)
	}
	assertNoLeak(t, res, v)
}
