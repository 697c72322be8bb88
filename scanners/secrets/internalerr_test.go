package secrets

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/scanners/gitleaksrules"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestKeywordWindowInMultiByteText: the window keywordInBlob reads
// before a value may cut a character of a comment in Chinese in two
// (open-im-server's config/usualConfig.yaml). Lowering it must keep its
// offsets: it panicked with slice bounds out of range.
func TestKeywordWindowInMultiByteText(t *testing.T) {
	value := testkeys.Generic(7)
	for pad := 0; pad < 6; pad++ {
		// pad moves the window's start through the characters.
		text := "# 应用的密钥，部署时请修改为自己的值\napiKey:" + strings.Repeat(" ", 1+pad) + value + "\n"
		start := strings.Index(text, value)
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("pad %d: keywordInBlob panicked: %v", pad, r)
				}
			}()
			if keywordInBlob(text, start) {
				t.Errorf("pad %d: apiKey: named the value, yet called a keyword inside random text", pad)
			}
		}()
	}
	if got := gitleaksrules.ToLowerASCII("ÄPI_Key中"); got != "Äpi_key中" || len(got) != len("ÄPI_Key中") {
		t.Errorf("ToLowerASCII = %q", got)
	}
}

// TestScanSurvivesTriagePanic: a bug in the triage of one hit (here a
// panicking stand-in for ruleRoles) keeps the finding, judged without
// that step, reports an internal error naming the file and where the
// code failed, marks the scan incomplete and returns ErrInternal (the
// CLI writes the report and exits 2).
func TestScanSurvivesTriagePanic(t *testing.T) {
	dir := t.TempDir()
	key := testkeys.GitHub(77)
	if err := os.WriteFile(filepath.Join(dir, "config.go"), []byte("package config\n\nvar token = \""+key+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := triageRoles
	triageRoles = func(context.Context, *gitleaksrules.Set, *fragment, *gitleaksrules.Hit, int, int, *occurrence) bool {
		var s []int
		_ = s[3] // index out of range
		return false
	}
	defer func() { triageRoles = old }()

	res, err := Scan(context.Background(), Options{Root: dir, Mode: Directory, NoCache: true})
	if !errors.Is(err, ErrInternal) {
		t.Errorf("err = %v, want ErrInternal", err)
	}
	if res == nil {
		t.Fatal("no result")
	}
	if findByPath(res, "config.go") == nil {
		dumpFindings(t, res)
		t.Errorf("the secret was lost with the failed triage step")
	}
	var msg string
	for _, n := range res.Notifications {
		if n.Kind == NotifyInternalError {
			msg = n.Message
		}
	}
	if !strings.Contains(msg, "config.go") || !strings.Contains(msg, "index out of range") || !strings.Contains(msg, "internalerr_test.go") {
		t.Errorf("internal-error notification %q: want the file, the panic and where it happened", msg)
	}
	if !res.Incomplete {
		t.Error("scan not marked incomplete")
	}
	assertNoLeak(t, res, key)
}
