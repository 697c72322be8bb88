package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// legacyModule has an old plain-HTTP finding, and a handler that logs a
// request header that is not a credential (yet).
var legacyModule = map[string]string{
	"go.mod": "module example.com/m\n\ngo 1.22\n",
	"api/api.go": `package api

import "net/http"

// BaseURL is the partner API.
const BaseURL = "http://partner.example.com/api"

func Get() (*http.Response, error) { return http.Get(BaseURL + "/items") }
`,
	"svc/svc.go": `package svc

import (
	"log"
	"net/http"
)

func Handle(r *http.Request) {
	tok := r.Header.Get("X-Request-Id")
	msg := "id=" + tok
	log.Print(msg)
}
`,
}

type jsonReport struct {
	Findings []struct {
		RuleID   string `json:"ruleId"`
		Location struct {
			Path      string `json:"path"`
			StartLine int    `json:"startLine"`
		} `json:"location"`
	} `json:"findings"`
	Notifications []struct{ Kind, Message string } `json:"notifications"`
}

func lintJSON(t *testing.T, dir string, args ...string) (jsonReport, string, int) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "r.json")
	msg, code := runEnv(t, dir, nil, binary, append([]string{"lint", "--format", "json", "-o", out}, args...)...)
	var r jsonReport
	if data, err := os.ReadFile(out); err == nil {
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatalf("report: %v", err)
		}
	}
	return r, msg, code
}

func ruleAt(r jsonReport) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.RuleID+"@"+f.Location.Path)
	}
	return out
}

// TestNewFromRev: on a branch, only findings on lines the branch changed
// are reported, counting a finding whose data flow starts on a changed
// line although the sink's line is old.
func TestNewFromRev(t *testing.T) {
	dir := newRepo(t, legacyModule)
	git(t, dir, "checkout", "-qb", "feature")
	// The header read becomes a credential: the log line itself is
	// unchanged, the flow's source line is new.
	svc := filepath.Join(dir, "svc", "svc.go")
	src, _ := os.ReadFile(svc)
	os.WriteFile(svc, []byte(strings.Replace(string(src), "X-Request-Id", "X-Auth-Token", 1)), 0o644)
	git(t, dir, "commit", "-qam", "log the token")
	// An uncommitted new file with a new finding counts too.
	writeFiles(t, dir, map[string]string{"billing/billing.go": "package billing\n\nimport \"net/http\"\n\nconst billingBaseURL = \"http://billing.example.com\"\n\nfunc Get() (*http.Response, error) { return http.Get(billingBaseURL) }\n"})

	r, msg, code := lintJSON(t, dir)
	if code != 1 || len(r.Findings) != 3 {
		t.Fatalf("without --new-from-rev: exit %d, %v, want 3 findings\n%s", code, ruleAt(r), msg)
	}
	r, msg, code = lintJSON(t, dir, "--new-from-rev", "main")
	got := strings.Join(ruleAt(r), " ")
	if code != 1 || got != "plainhttp/url@billing/billing.go tokenlog/log@svc/svc.go" {
		t.Fatalf("--new-from-rev main: exit %d, findings %s; want the new file's and the flow's, not api.go's\n%s", code, got, msg)
	}
	if len(r.Notifications) == 0 || !strings.Contains(r.Notifications[len(r.Notifications)-1].Message, "1 finding(s) on lines not changed since main") {
		t.Errorf("notifications do not say what was left out: %+v", r.Notifications)
	}

	// The same change as a patch file.
	os.Remove(filepath.Join(dir, "billing", "billing.go"))
	patch := filepath.Join(t.TempDir(), "pr.diff")
	os.WriteFile(patch, []byte(git(t, dir, "diff", "main...HEAD")+"\n"), 0o644)
	r, msg, code = lintJSON(t, dir, "--new-from-patch", patch)
	if got := strings.Join(ruleAt(r), " "); code != 1 || got != "tokenlog/log@svc/svc.go" {
		t.Errorf("--new-from-patch: exit %d, findings %s\n%s", code, got, msg)
	}

	// Nothing changed since HEAD: nothing reported, exit 0.
	if r, msg, code := lintJSON(t, dir, "--new-from-rev", "HEAD"); code != 0 || len(r.Findings) != 0 {
		t.Errorf("--new-from-rev HEAD: exit %d, %v\n%s", code, ruleAt(r), msg)
	}
	if _, msg, code := lintJSON(t, dir, "--new-from-rev", "nope"); code != 2 || !strings.Contains(msg, "unknown revision nope") {
		t.Errorf("unknown rev: exit %d\n%s", code, msg)
	}
	if _, msg, code := lintJSON(t, dir, "--new-from-patch", filepath.Join(dir, "missing.diff")); code != 2 || !strings.Contains(msg, "missing.diff") {
		t.Errorf("missing patch: exit %d\n%s", code, msg)
	}
}

// TestNewFromRevShallow: a shallow clone without the base is an error that
// says to fetch it, never a silently partial report.
func TestNewFromRevShallow(t *testing.T) {
	src := newRepo(t, legacyModule)
	base := git(t, src, "rev-parse", "HEAD")
	writeFiles(t, src, map[string]string{"api/more.go": "package api\n"})
	git(t, src, "add", "-A")
	git(t, src, "commit", "-qm", "more")
	clone := filepath.Join(t.TempDir(), "clone")
	git(t, src, "clone", "-q", "--depth=1", "file://"+src, clone)
	r, msg, code := lintJSON(t, clone, "--new-from-rev", base)
	if code != 2 || !strings.Contains(msg, "shallow clone") || !strings.Contains(msg, "fetch-depth: 0") || len(r.Findings) != 0 {
		t.Errorf("shallow clone: exit %d, %d findings\n%s", code, len(r.Findings), msg)
	}
}
