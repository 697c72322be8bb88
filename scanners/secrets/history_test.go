package secrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// planted keys: built at run time, never in a source file.
var (
	kDeleted  = testkeys.AWS(11)    // added, then deleted
	kSide     = testkeys.AWS(12)    // only on a side branch
	kRenamed  = testkeys.GitHub(13) // in a file later renamed
	kLongLine = testkeys.Slack(14)  // in a minified one-line file
	kAllowed  = testkeys.Generic(15)
	kIgnored  = testkeys.GitHub(16)
	kNoEOL    = testkeys.Stripe(17) // last line, no final newline
	kTest     = testkeys.Generic(18)
	kDup      = testkeys.Stripe(19) // in two files and two commits
)

func allPlanted() []string {
	return []string{kDeleted, kSide, kRenamed, kLongLine, kAllowed, kIgnored, kNoEOL, kTest, kDup}
}

type historyFixture struct {
	r                                 *testRepo
	cDeletedAdd, cDeletedDel, cSide   string
	cRenamedAdd, cDupFirst, cDupAgain string
}

func buildHistory(t *testing.T) *historyFixture {
	r := newRepo(t)
	h := &historyFixture{r: r}
	r.write("README.md", "# demo\n")
	r.write("go.sum", "github.com/x/y v1.0.0 h1:"+testkeys.Generic(90)+"abcDEF12345=\n")
	h.cDeletedAdd = r.commit("initial import")

	r.write("aws.go", "package demo\n\nvar awsKey = \""+kDeleted+"\"\n")
	r.commit("add aws client")
	r.write("aws.go", "package demo\n\nvar awsKey = os.Getenv(\"AWS_ACCESS_KEY_ID\")\n")
	h.cDeletedDel = r.commit("read aws key from env")

	// A side branch, never merged.
	r.git("checkout", "-q", "-b", "feature")
	r.write("side.go", "package demo\n\nconst sideKey = \""+kSide+"\"\n")
	h.cSide = r.commit("wip: side feature")
	r.git("checkout", "-q", "main")

	r.write("creds.txt", "user=admin\ngithub_token="+kRenamed+"\n")
	h.cRenamedAdd = r.commit("add creds")
	os.MkdirAll(filepath.Join(r.dir, "config"), 0o755)
	r.git("mv", "creds.txt", "config/creds.txt")
	r.commit("move creds")

	long := strings.Repeat("var a=1;", 600) + "var t=\"" + kLongLine + "\";" + strings.Repeat("var b=2;", 600) + "\n"
	r.write("static/app.min.js", long)
	r.commit("add bundle")

	r.write("allow.go", "package demo\n\nvar apiKey = \""+kAllowed+"\" // gitleaks:allow\n")
	r.write("ignored.go", "package demo\n\nvar ghToken = \""+kIgnored+"\"\n")
	r.write("placeholders.go", "package demo\n\nvar apiKey = \"your-api-key-here\"\nvar password = \"${DB_PASSWORD}\"\nvar token = \"{{ .Token }}\"\n")
	r.commit("add more")

	r.write("last.go", "package demo\n\nvar stripeKey = \""+kNoEOL+"\"")
	r.write("auth_test.go", "package demo\n\nvar apiSecret = \""+kTest+"\"\n")
	r.commit("add last and test")

	r.write("billing.go", "package demo\n\nvar billingKey = \""+kDup+"\"\n")
	h.cDupFirst = r.commit("billing")
	r.write("payments/pay.go", "package payments\n\nvar key = \""+kDup+"\"\n")
	h.cDupAgain = r.commit("payments")

	r.write(".gitleaksignore", "ignored.go:github-pat:3\n# stale entry:\nnothere.go:github-pat:9\n")
	r.commit("ignore file")
	return h
}

func scanRepo(t *testing.T, opts Options) *Result {
	t.Helper()
	if opts.NoCache == false && opts.CacheDir == "" {
		opts.NoCache = true
	}
	res, err := Scan(context.Background(), opts)
	if err != nil {
		t.Fatalf("Scan: %v", err)
	}
	return res
}

func TestHistoryScan(t *testing.T) {
	h := buildHistory(t)
	res := scanRepo(t, Options{Root: h.r.dir})
	dumpFindings(t, res)
	if res.Coverage.Mode != "history" {
		t.Errorf("mode = %s, want history (auto at a repository's top level)", res.Coverage.Mode)
	}
	if res.Coverage.CommitsInScope != 12 || res.Coverage.CommitsScanned != 12 {
		t.Errorf("coverage %d/%d commits, want 12/12", res.Coverage.CommitsScanned, res.Coverage.CommitsInScope)
	}
	if res.Coverage.BytesScanned == 0 {
		t.Error("no bytes scanned")
	}

	// Added then deleted: only in history, a warning.
	f := findByPath(res, "aws.go")
	if f == nil || f.RuleID != "secret/aws-access-token" {
		t.Fatalf("aws.go finding = %+v", f)
	}
	if prop(f, "status") != StatusHistory || f.Level != finding.LevelWarning {
		t.Errorf("deleted key: status %v level %s, want history-only warning", prop(f, "status"), f.Level)
	}
	if !strings.Contains(f.Message, "only in git history") || !strings.Contains(f.Message, "rotate") || !strings.Contains(f.Message, "filter-repo") {
		t.Errorf("deleted key message: %s", f.Message)
	}
	if f.Provenance == nil || f.Provenance.Subject != "add aws client" || f.Provenance.Author != "Ada Author" || !strings.HasPrefix(f.Provenance.Date, "2021-01-") {
		t.Errorf("provenance = %+v", f.Provenance)
	}
	if f.Location.StartLine != 3 || f.Location.StartColumn != 15 {
		t.Errorf("location %v, want aws.go:3:15", f.Location)
	}

	// Side branch: found (all refs), history-only.
	f = findByPath(res, "side.go")
	if f == nil || f.Provenance.Commit != h.cSide || prop(f, "status") != StatusHistory {
		t.Errorf("side branch finding = %+v", f)
	}

	// Renamed: present at HEAD, so reported at the new path, with the
	// first introduction at the old one.
	f = findByPath(res, "config/creds.txt")
	if f == nil || f.RuleID != "secret/github-pat" {
		t.Fatalf("renamed finding = %+v", f)
	}
	if in, _ := prop(f, "introducedAt").(string); !strings.HasPrefix(in, "creds.txt:2 in ") {
		t.Errorf("renamed: introducedAt = %q", in)
	}
	if prop(f, "status") != StatusPresent || f.Level != finding.LevelError {
		t.Errorf("renamed: status %v level %s", prop(f, "status"), f.Level)
	}
	if ps, _ := prop(f, "presentIn").([]string); len(ps) != 1 || ps[0] != "config/creds.txt" {
		t.Errorf("presentIn = %v", prop(f, "presentIn"))
	}
	if f.Fingerprint != Fingerprint("secret/github-pat", "creds.txt", f.Provenance.Commit, 0) {
		t.Error("fingerprint is not rule + first path + first commit + ordinal")
	}

	// Long line: found, snippet bounded.
	f = findByPath(res, "static/app.min.js")
	if f == nil || f.RuleID != "secret/slack-bot-token" {
		t.Fatalf("long line finding = %+v", f)
	}
	if len(f.Snippet) > 200 || !strings.Contains(f.Snippet, "…(") {
		t.Errorf("long-line snippet %d bytes: %q", len(f.Snippet), f.Snippet)
	}

	// gitleaks:allow and placeholders are silent.
	for _, p := range []string{"allow.go", "placeholders.go", "go.sum"} {
		if f := findByPath(res, p); f != nil {
			t.Errorf("%s: unexpected finding %s", p, f.Message)
		}
	}

	// .gitleaksignore: kept, suppressed; the stale entry is reported.
	f = findByPath(res, "ignored.go")
	if f == nil || f.Suppression == nil || f.Suppression.Kind != "external" {
		t.Errorf("ignored finding = %+v", f)
	}
	stale := false
	for _, n := range res.Notifications {
		if strings.Contains(n.Message, "nothere.go:github-pat:9") {
			stale = true
		}
	}
	if !stale {
		t.Error("stale .gitleaksignore entry not reported")
	}

	// Last line without newline: found and redacted.
	f = findByPath(res, "last.go")
	if f == nil || f.Location.StartLine != 3 || !strings.Contains(f.Snippet, "…(") {
		t.Errorf("no-EOL finding = %+v", f)
	}

	// Test code: lowered to note, with the reason.
	f = findByPath(res, "auth_test.go")
	if f == nil || f.Level != finding.LevelNote || prop(f, "context") != "test" || !strings.Contains(f.Message, "test code") {
		t.Errorf("test finding = %+v", f)
	}

	// Dedup: one finding for the key in two files/commits.
	f = findByPath(res, "billing.go")
	if f == nil || f.Provenance.Commit != h.cDupFirst || len(f.Related) != 1 || f.Related[0].Path != "payments/pay.go" {
		t.Errorf("dup finding = %+v", f)
	}
	if findByPath(res, "payments/pay.go") != nil {
		t.Error("duplicate finding for the second occurrence")
	}
	if prop(f, "provider") != "Stripe" || !strings.Contains(f.Message, "docs.stripe.com") {
		t.Errorf("dup finding lacks the provider's rotation page: %s", f.Message)
	}

	assertNoLeak(t, res, allPlanted()...)
}

func TestHistoryScanDeterministic(t *testing.T) {
	h := buildHistory(t)
	a := scanRepo(t, Options{Root: h.r.dir, GitProcs: 1})
	b := scanRepo(t, Options{Root: h.r.dir, GitProcs: 3, Workers: 4})
	if len(a.Findings) != len(b.Findings) {
		t.Fatalf("%d vs %d findings", len(a.Findings), len(b.Findings))
	}
	for i := range a.Findings {
		if a.Findings[i].Fingerprint != b.Findings[i].Fingerprint || a.Findings[i].Message != b.Findings[i].Message {
			t.Errorf("finding %d differs:\n%s\n%s", i, a.Findings[i].Message, b.Findings[i].Message)
		}
	}
}

func TestBranchAndMaxCommits(t *testing.T) {
	h := buildHistory(t)
	res := scanRepo(t, Options{Root: h.r.dir, Branch: "main"})
	if findByPath(res, "side.go") != nil {
		t.Error("--branch main reported a key only on feature")
	}
	res = scanRepo(t, Options{Root: h.r.dir, Branch: "main", MaxCommits: 2})
	if res.Coverage.CommitsScanned != 2 {
		t.Errorf("scanned %d commits, want 2", res.Coverage.CommitsScanned)
	}
}

func TestShallowClone(t *testing.T) {
	h := buildHistory(t)
	dst := filepath.Join(t.TempDir(), "clone")
	h.r.git("clone", "-q", "--depth", "1", "file://"+h.r.dir, dst)
	res, err := Scan(context.Background(), Options{Root: dst, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Shallow {
		t.Fatal("shallow clone not detected")
	}
	found := false
	for _, n := range res.Notifications {
		if strings.Contains(n.Message, "shallow") && strings.Contains(n.Message, "fetch-depth: 0") && n.Level == finding.LevelWarning {
			found = true
		}
	}
	if !found {
		t.Errorf("no shallow notification: %+v", res.Notifications)
	}
	if res.Coverage.CommitsScanned != 1 {
		t.Errorf("scanned %d commits in a depth-1 clone", res.Coverage.CommitsScanned)
	}
	res, err = Scan(context.Background(), Options{Root: dst, NoCache: true, FailOnShallow: true})
	if !errors.Is(err, ErrShallow) || res == nil {
		t.Errorf("FailOnShallow: err %v, res %v", err, res != nil)
	}
}

func TestRange(t *testing.T) {
	r := newRepo(t)
	r.write("a.go", "package a\n")
	base := r.commit("base")
	r.git("checkout", "-q", "-b", "pr")
	k1 := testkeys.GitHub(40)
	r.write("pr.go", "package a\n\nvar tok = \""+k1+"\"\n")
	r.commit("pr: add token")
	r.write("pr2.go", "package a\n")
	r.commit("pr: more")
	// main moves on after the fork, with its own key: a PR scan from the
	// base tip (not the merge base) would wrongly include or exclude it.
	r.git("checkout", "-q", "main")
	k2 := testkeys.AWS(41)
	r.write("main.go", "package a\n\nvar k = \""+k2+"\"\n")
	r.commit("main: key")
	_ = base

	res := scanRepo(t, Options{Root: r.dir, Range: "main..pr"})
	if res.Coverage.CommitsInScope != 2 || res.Coverage.CommitsScanned != 2 {
		t.Errorf("range commits %d/%d, want 2/2", res.Coverage.CommitsScanned, res.Coverage.CommitsInScope)
	}
	if res.Coverage.MergeBase != base {
		t.Errorf("merge base %s, want %s", res.Coverage.MergeBase, base)
	}
	if len(res.Findings) != 1 || res.Findings[0].Location.Path != "pr.go" {
		dumpFindings(t, res)
		t.Fatalf("range findings: want only pr.go")
	}
	if prop(&res.Findings[0], "status") != StatusPresent {
		t.Errorf("status at the range head: %v", prop(&res.Findings[0], "status"))
	}

	// A missing base says to fetch it.
	_, err := Scan(context.Background(), Options{Root: r.dir, Range: "0123456789abcdef0123456789abcdef01234567..pr", NoCache: true})
	if err == nil || !strings.Contains(err.Error(), "fetch-depth: 0") {
		t.Errorf("missing base: err = %v", err)
	}
	// An empty range is an error, not a pass.
	_, err = Scan(context.Background(), Options{Root: r.dir, Range: "pr..pr", NoCache: true})
	if !errors.Is(err, ErrNothingScanned) {
		t.Errorf("empty range: err = %v", err)
	}
	// --since-commit.
	res = scanRepo(t, Options{Root: r.dir, SinceCommit: base})
	if res.Coverage.CommitsInScope != 1 { // HEAD is main: one commit after base
		t.Errorf("since-commit scope %d, want 1", res.Coverage.CommitsInScope)
	}
	assertNoLeak(t, res, k1, k2)
}

func TestUnreadableObject(t *testing.T) {
	r := newRepo(t)
	keys := []string{testkeys.GitHub(50), testkeys.GitHub(51), testkeys.GitHub(52)}
	r.write("one.go", "package a\n\nvar k = \""+keys[0]+"\"\n")
	r.commit("one")
	r.write("two.go", "package a\n\nvar k = \""+keys[1]+"\"\n")
	r.write("two_other.go", "package a\n\nvar k2 = \""+keys[2]+"\"\n")
	bad := r.commit("two")
	r.write("three.go", "package a\n\nvar k = \""+testkeys.AWS(53)+"\"\n")
	r.commit("three")
	// Remove two.go's blob: a damaged clone. The work tree must not
	// hold the same content, or git's diff reads the file from there
	// (its id matches the index entry), and nothing is lost.
	blob := r.git("rev-parse", bad+":two.go")
	if err := os.Remove(filepath.Join(r.dir, ".git", "objects", blob[:2], blob[2:])); err != nil {
		t.Fatal(err)
	}
	r.write("two.go", "package a // edited, not committed\n")
	res, err := Scan(context.Background(), Options{Root: r.dir, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	dumpFindings(t, res)
	if !res.Incomplete {
		t.Error("not marked incomplete")
	}
	named := false
	for _, n := range res.Notifications {
		if strings.Contains(n.Message, blob) && strings.Contains(n.Message, bad[:12]) {
			named = true
		}
	}
	if !named {
		t.Errorf("notification does not name commit %s and object %s: %+v", bad[:12], blob, res.Notifications)
	}
	// The scan went on: the other commits and the other file of the bad
	// commit were read.
	for _, p := range []string{"one.go", "three.go", "two_other.go"} {
		if findByPath(res, p) == nil {
			t.Errorf("%s not found after the unreadable object", p)
		}
	}
	if res.Coverage.CommitsScanned != 3 {
		t.Errorf("scanned %d commits, want 3", res.Coverage.CommitsScanned)
	}
	// The same with commits handed out to several git processes: the
	// one that fails gives back what it held.
	multi, err := Scan(context.Background(), Options{Root: r.dir, NoCache: true, GitProcs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !multi.Incomplete || len(multi.Findings) != len(res.Findings) || multi.Coverage.CommitsScanned != 3 {
		t.Errorf("with 3 git processes: incomplete %v, %d findings (want %d), %d commits", multi.Incomplete, len(multi.Findings), len(res.Findings), multi.Coverage.CommitsScanned)
	}
	if _, err := Scan(context.Background(), Options{Root: r.dir, NoCache: true, FailOnIncomplete: true}); !errors.Is(err, ErrIncomplete) {
		t.Errorf("FailOnIncomplete: err = %v", err)
	}
}

// A partial clone can miss hundreds of objects: the first few are named
// one by one, the rest counted in one notification naming their files,
// and every readable commit is still scanned.
func TestManyUnreadableObjects(t *testing.T) {
	r := newRepo(t)
	const versions = 8
	var blobs []string
	for i := range versions {
		r.write("bundle.js", fmt.Sprintf("var v = %d\n", i))
		c := r.commit(fmt.Sprintf("v%d", i))
		blobs = append(blobs, r.git("rev-parse", c+":bundle.js"))
	}
	r.write("key.go", "package a\n\nvar k = \""+testkeys.GitHub(70)+"\"\n")
	r.commit("key")
	for _, b := range blobs {
		if err := os.Remove(filepath.Join(r.dir, ".git", "objects", b[:2], b[2:])); err != nil {
			t.Fatal(err)
		}
	}
	r.write("bundle.js", "edited, not committed\n")
	res, err := Scan(context.Background(), Options{Root: r.dir, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Incomplete {
		t.Error("not marked incomplete")
	}
	var named, summaries []string
	for _, n := range res.Notifications {
		if n.Kind != NotifyUnreadableObject {
			continue
		}
		if strings.Contains(n.Message, " more object") {
			summaries = append(summaries, n.Message)
		} else {
			named = append(named, n.Message)
		}
	}
	if len(named) != skippedNamed || len(summaries) != 1 {
		t.Fatalf("%d named, %d summaries, want %d and 1: %q %q", len(named), len(summaries), skippedNamed, named, summaries)
	}
	want := fmt.Sprintf("could not read %d more objects, in bundle.js (%d versions)", versions-skippedNamed, versions-skippedNamed)
	if !strings.Contains(summaries[0], want) {
		t.Errorf("summary %q does not say %q", summaries[0], want)
	}
	if findByPath(res, "key.go") == nil {
		t.Error("key.go not found after the unreadable objects")
	}
}

// TestUnreadableObjectCountedOnce: a missing blob that several commits
// add (the same file added on two branches) is one object git could not
// read, named once.
func TestUnreadableObjectCountedOnce(t *testing.T) {
	r := newRepo(t)
	r.write("README", "hello\n")
	root := r.commit("init")
	r.write("data.json", "{\"v\": 1}\n")
	c := r.commit("add data")
	blob := r.git("rev-parse", c+":data.json")
	r.git("checkout", "-q", "-b", "other", root)
	r.write("data.json", "{\"v\": 1}\n")
	r.commit("add the same data")
	if err := os.Remove(filepath.Join(r.dir, ".git", "objects", blob[:2], blob[2:])); err != nil {
		t.Fatal(err)
	}
	res, err := Scan(context.Background(), Options{Root: r.dir, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, n := range res.Notifications {
		if n.Kind == NotifyUnreadableObject {
			msgs = append(msgs, n.Message)
		}
	}
	if !res.Incomplete || len(msgs) != 1 || !strings.Contains(msgs[0], blob) {
		t.Errorf("incomplete %v, notifications %q: want one naming object %s", res.Incomplete, msgs, blob)
	}
}

func TestHugeAndBinaryFiles(t *testing.T) {
	r := newRepo(t)
	k := testkeys.GitHub(60)
	r.write("big.txt", strings.Repeat("x = 1\n", 400)+"tok="+k+"\n")
	r.write("blob.dat", "\x00\x01\x02tok="+testkeys.GitHub(61)+"\x00")
	r.write("small.go", "package a\n")
	r.commit("files")
	res := scanRepo(t, Options{Root: r.dir, MaxFileSize: 1000})
	// The binary file is scanned for key formats (TestBinaryFilesAreScanned);
	// the large one is skipped and named.
	if len(res.Findings) != 1 || res.Findings[0].Location.Path != "blob.dat" {
		dumpFindings(t, res)
		t.Errorf("want one finding, in blob.dat")
	}
	reasons := map[string]bool{}
	for _, s := range res.Coverage.Skipped {
		reasons[s.Path+": "+s.Reason] = true
	}
	if !reasons["big.txt: larger than the maximum file size"] || len(reasons) != 1 {
		t.Errorf("skipped = %+v", res.Coverage.Skipped)
	}
	warned := false
	for _, n := range res.Notifications {
		if strings.Contains(n.Message, "big.txt") && n.Level == finding.LevelWarning {
			warned = true
		}
	}
	if !warned {
		t.Errorf("large file not reported: %+v", res.Notifications)
	}
	// With the default limit the big file is read.
	res = scanRepo(t, Options{Root: r.dir})
	if findByPath(res, "big.txt") == nil {
		t.Error("big.txt not scanned with the default limit")
	}
	// Directory mode too.
	res = scanRepo(t, Options{Root: r.dir, Mode: Directory, MaxFileSize: 1000})
	if len(res.Coverage.Skipped) != 1 {
		t.Errorf("directory skipped = %+v", res.Coverage.Skipped)
	}
}

func TestNotARepositoryAndBadConfig(t *testing.T) {
	dir := t.TempDir()
	if _, err := Scan(context.Background(), Options{Root: dir, Mode: Staged}); !errors.Is(err, ErrNotRepository) {
		t.Errorf("staged outside a repository: %v", err)
	}
	if _, err := Scan(context.Background(), Options{Root: dir, Mode: History}); !errors.Is(err, ErrNotRepository) {
		t.Errorf("history outside a repository: %v", err)
	}
	os.WriteFile(filepath.Join(dir, ".gitleaks.toml"), []byte("[[rules]\nid = 1\n"), 0o644)
	_, err := Scan(context.Background(), Options{Root: dir})
	if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), ".gitleaks.toml:1") {
		t.Errorf("bad config: %v", err)
	}
	// In a repository's history too: the config error, not a git error
	// from the history work it cancels, and no result.
	r := newRepo(t)
	r.write("a.txt", "x\n")
	r.commit("one")
	os.WriteFile(filepath.Join(r.dir, ".gitleaks.toml"), []byte("[[rules]\nid = 1\n"), 0o644)
	if res, err := Scan(context.Background(), Options{Root: r.dir, Mode: History}); !errors.Is(err, ErrConfig) || res != nil {
		t.Errorf("bad config in a history scan: %v, result %v", err, res != nil)
	}
}

// TestCorruptObject covers the fallback of perFile: git has the object
// (so the batch check finds nothing missing) but cannot read it, so the
// one-run re-read fails too and files are read one by one.
func TestCorruptObject(t *testing.T) {
	r := newRepo(t)
	keys := []string{testkeys.GitHub(60), testkeys.GitHub(61), testkeys.GitHub(62)}
	r.write("one.go", "package a\n\nvar k = \""+keys[0]+"\"\n")
	r.commit("one")
	r.write("two.go", "package a\n\nvar k = \""+keys[1]+"\"\n")
	r.write("two_other.go", "package a\n\nvar k2 = \""+keys[2]+"\"\n")
	bad := r.commit("two")
	blob := r.git("rev-parse", bad+":two.go")
	obj := filepath.Join(r.dir, ".git", "objects", blob[:2], blob[2:])
	if err := os.Chmod(obj, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(obj, []byte("not a zlib stream"), 0o644); err != nil {
		t.Fatal(err)
	}
	r.write("two.go", "package a // edited, not committed\n") // see TestUnreadableObject
	res, err := Scan(context.Background(), Options{Root: r.dir, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Incomplete {
		t.Error("not marked incomplete")
	}
	for _, p := range []string{"one.go", "two_other.go"} {
		if findByPath(res, p) == nil {
			t.Errorf("%s not found after the corrupt object", p)
		}
	}
	if findByPath(res, "two.go") != nil {
		t.Error("two.go found although its blob is corrupt")
	}
	multi, err := Scan(context.Background(), Options{Root: r.dir, NoCache: true, GitProcs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !multi.Incomplete || len(multi.Findings) != len(res.Findings) {
		t.Errorf("with 3 git processes: incomplete %v, %d findings, want %d", multi.Incomplete, len(multi.Findings), len(res.Findings))
	}
}

// A commit that deletes a file whose blob is absent (old build output a
// partial clone lacks) makes git's rename detection fail on it: perFile
// must leave the deleted file out of its one re-read rather than fall
// back to a git process per file. What the commit adds is still read
// (the bundle that replaced the deleted one, whole, and the other
// files), the loss is the commit that added the absent blob, and the
// deletion is no loss of its own. Beside it in the same commit: a
// deleted file whose blob is present and a changed file, read as
// before. (A changed file whose old blob is absent stays a reported
// loss: TestUnreadableObject.)
func TestDeletedFileWithAbsentBlob(t *testing.T) {
	r := newRepo(t)
	bundle := func(n int, key string) string {
		var b strings.Builder
		for i := range 40 {
			fmt.Fprintf(&b, "function f%d(){return %d+%d}\n", i, i, n)
		}
		if key != "" {
			b.WriteString("var k=\"" + key + "\";\n")
		}
		return b.String()
	}
	kNew, kOther, kKept := testkeys.GitHub(80), testkeys.Stripe(81), testkeys.GitHub(82)
	r.write("web/app.1111.js", bundle(1, ""))
	r.write("web/keep.js", bundle(3, ""))
	r.write("web/old.js", bundle(4, ""))
	added := r.commit("release 1")
	gone := r.git("rev-parse", added+":web/app.1111.js")
	// Release 2 replaces the bundle by its next hashed name (git pairs
	// the two as a rename), deletes old.js (blob present), edits
	// keep.js and adds files.
	r.git("rm", "-q", "web/app.1111.js", "web/old.js")
	r.write("web/app.2222.js", bundle(1, kNew))
	r.write("web/keep.js", bundle(3, kKept))
	for i := range 6 {
		r.write(fmt.Sprintf("pkg/f%d.go", i), "package pkg\n")
	}
	r.write("pkg/client.go", "package pkg\n\nvar stripeKey = \""+kOther+"\"\n")
	release2 := r.commit("release 2")
	if err := os.Remove(filepath.Join(r.dir, ".git", "objects", gone[:2], gone[2:])); err != nil {
		t.Fatal(err)
	}

	// A git on PATH that logs its arguments before running the real one.
	real, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	bin := t.TempDir()
	log := filepath.Join(bin, "calls")
	script := "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))

	res := scanRepo(t, Options{Root: r.dir})
	for _, p := range []string{"web/app.2222.js", "pkg/client.go", "web/keep.js"} {
		if findByPath(res, p) == nil {
			dumpFindings(t, res)
			t.Errorf("%s not found", p)
		}
	}
	if !res.Incomplete || res.Coverage.CommitsScanned != 2 {
		t.Errorf("incomplete %v, %d commits scanned, want true and 2", res.Incomplete, res.Coverage.CommitsScanned)
	}
	for _, n := range res.Notifications {
		if n.Kind == NotifyUnreadableObject && strings.Contains(n.Message, release2[:12]) {
			t.Errorf("the deletion is reported as a loss: %s", n.Message)
		}
	}
	calls, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	oneByOne := 0
	for _, l := range strings.Split(string(calls), "\n") {
		if strings.Contains(l, release2) && strings.Contains(l, ":(literal)") {
			oneByOne++
		}
	}
	if oneByOne > 0 {
		t.Errorf("release 2 was read file by file (%d git processes), want one run", oneByOne)
	}
}

// TestInterruptedHistoryScan: a history scan whose context is cancelled
// while it reads (Ctrl-C) returns ErrInterrupted with a Result holding
// the secrets of the commits it read, says how many it read, and
// writes no cache: the next run reads everything and finds the rest.
func TestInterruptedHistoryScan(t *testing.T) {
	r := newRepo(t)
	old := testkeys.GitHub(601)
	recent := testkeys.GitHub(602)
	// Both secrets come in changes to files that exist (patches), not in
	// files added whole, which are read apart from the patches.
	r.write("config/settings.go", "package config\n\nconst name = \"svc\"\n")
	r.write("legacy/old.go", "package legacy\n\nconst name = \"old\"\n")
	r.commit("start")
	r.write("legacy/old.go", "package legacy\n\nconst name = \"old\"\n\nvar oldToken = \""+old+"\"\n")
	r.commit("old token")
	for i := 0; i < 30; i++ {
		r.write("notes.txt", fmt.Sprintf("entry %d\n", i))
		r.commit(fmt.Sprintf("note %d", i))
	}
	r.write("config/settings.go", "package config\n\nconst name = \"svc\"\n\nvar newToken = \""+recent+"\"\n")
	r.commit("new token")

	cache := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := Options{Root: r.dir, CacheDir: cache, GitProcs: 1}
	// The newest commit is read first; the interrupt comes when git
	// starts on the second.
	opts.onCommitRead = func(n int64) {
		if n == 2 {
			cancel()
		}
	}
	res, err := Scan(ctx, opts)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("Scan = %v, want ErrInterrupted", err)
	}
	if res == nil {
		t.Fatal("no result for an interrupted scan")
	}
	if findByPath(res, "config/settings.go") == nil {
		dumpFindings(t, res)
		t.Error("the secret of the commit read before the interrupt is not reported")
	}
	if findByPath(res, "legacy/old.go") != nil {
		t.Error("a secret of a commit not read is reported")
	}
	c := res.Coverage
	if !res.Incomplete || c.CommitsScanned >= c.CommitsInScope || c.CommitsScanned == 0 {
		t.Errorf("coverage %+v incomplete=%v, want some of %d commits read and the scan incomplete", c, res.Incomplete, c.CommitsInScope)
	}
	var said bool
	for _, n := range res.Notifications {
		if n.Kind == NotifyInterrupted && n.Level == finding.LevelError && strings.Contains(n.Message, fmt.Sprintf("of %d commits were read", c.CommitsInScope)) {
			said = true
		}
	}
	if !said {
		t.Errorf("no interrupted notification naming the commits read: %+v", res.Notifications)
	}
	for _, n := range res.Notifications {
		if n.Kind == NotifyUnreadableObject {
			t.Errorf("git stopped by the interrupt reported as an unreadable object: %s", n.Message)
		}
	}
	assertNoLeak(t, res, recent)

	// The interrupted run cached nothing: the next one reads it all.
	res, err = Scan(context.Background(), Options{Root: r.dir, CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	if findByPath(res, "config/settings.go") == nil || findByPath(res, "legacy/old.go") == nil {
		dumpFindings(t, res)
		t.Errorf("after an interrupted run, a full run does not find both secrets (commits cached %d)", res.Coverage.CommitsCached)
	}
}
