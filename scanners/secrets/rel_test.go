package secrets

import (
	"os"
	"path/filepath"
	"strings"
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
