package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/authvet/authvet/internal/testutil"
)

// readmeSnippet returns the fenced block that follows <!-- snippet:NAME -->
// in README.md: the text users copy, which these tests run.
func readmeSnippet(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?s)<!-- snippet:" + regexp.QuoteMeta(name) + " -->\n```[a-z]*\n(.*?)```\n")
	m := re.FindSubmatch(data)
	if m == nil {
		t.Fatalf("README.md has no snippet %q", name)
	}
	return string(m[1])
}

// pathWithAuthvet puts the test's authvet binary first on PATH, as an
// installed authvet would be.
func pathWithAuthvet() string {
	return "PATH=" + filepath.Dir(binary) + string(os.PathListSeparator) + os.Getenv("PATH")
}

func TestReadmeSnippets(t *testing.T) {
	t.Run("go-vet", func(t *testing.T) {
		dir := writeModule(t)
		out, code := runEnv(t, dir, []string{pathWithAuthvet()}, "bash", "-ec", readmeSnippet(t, "go-vet"))
		if code == 0 || !strings.Contains(out, "api/api.go:6:") {
			t.Errorf("README's go vet command: exit %d\n%s", code, out)
		}
	})

	t.Run("new-from-rev", func(t *testing.T) {
		dir := newRepo(t, legacyModule)
		origin := filepath.Join(t.TempDir(), "origin.git")
		git(t, dir, "init", "-q", "--bare", origin)
		git(t, dir, "remote", "add", "origin", "file://"+origin)
		git(t, dir, "push", "-q", "-u", "origin", "main")
		git(t, dir, "checkout", "-qb", "feature")
		writeFiles(t, dir, map[string]string{"svc/client.go": "package svc\n\nimport \"net/http\"\n\nconst apiBaseURL = \"http://api.example.com/v1\"\n\nfunc Get() (*http.Response, error) { return http.Get(apiBaseURL) }\n"})
		git(t, dir, "add", "-A")
		git(t, dir, "commit", "-qm", "client")
		for _, line := range strings.Split(strings.TrimSpace(readmeSnippet(t, "new-from-rev")), "\n") {
			out, code := runEnv(t, dir, []string{pathWithAuthvet()}, "bash", "-ec", line)
			if code != 1 || !strings.Contains(out, "svc/client.go:5:") || strings.Contains(out, "api/api.go") {
				t.Errorf("%s: exit %d, want 1 with only the new finding:\n%s", line, code, out)
			}
		}
	})

	t.Run("hook-install", func(t *testing.T) {
		dir := newRepo(t, map[string]string{"README": "x\n"})
		out, code := runEnv(t, dir, []string{pathWithAuthvet()}, "bash", "-ec", readmeSnippet(t, "hook-install"))
		if _, err := os.Stat(filepath.Join(dir, ".git", "hooks", "pre-commit")); code != 0 || err != nil {
			t.Errorf("README's hook install: exit %d, %v\n%s", code, err, out)
		}
	})

	t.Run("github-workflow", func(t *testing.T) {
		wf := readmeSnippet(t, "github-workflow")
		// actionlint cannot read a remote action's inputs: check them
		// against action.yml here.
		var doc struct {
			Jobs map[string]struct {
				Steps []struct {
					Uses string            `yaml:"uses"`
					With map[string]string `yaml:"with"`
				} `yaml:"steps"`
			} `yaml:"jobs"`
		}
		if err := yaml.Unmarshal([]byte(wf), &doc); err != nil {
			t.Fatalf("README workflow: %v", err)
		}
		var action actionFile
		data, _ := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "action.yml"))
		if err := yaml.Unmarshal(data, &action); err != nil {
			t.Fatal(err)
		}
		usesAction := false
		for _, job := range doc.Jobs {
			for _, st := range job.Steps {
				if strings.HasPrefix(st.Uses, "authvet/authvet@") {
					usesAction = true
					for k := range st.With {
						if _, ok := action.Inputs[k]; !ok {
							t.Errorf("README workflow passes input %q, which action.yml does not have", k)
						}
					}
				}
				if strings.HasPrefix(st.Uses, "actions/checkout@") && st.With["fetch-depth"] != "0" {
					t.Errorf("README workflow checks out without fetch-depth: 0")
				}
			}
		}
		if !usesAction {
			t.Error("README workflow does not use authvet/authvet")
		}
		// README's input table lists exactly action.yml's inputs.
		readme, _ := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "README.md"))
		var inTable, inAction []string
		for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\| [^|]*\\| [^|]*\\|$").FindAllSubmatch(readme, -1) {
			if _, ok := action.Inputs[string(m[1])]; ok {
				inTable = append(inTable, string(m[1]))
			}
		}
		for k := range action.Inputs {
			inAction = append(inAction, k)
		}
		sort.Strings(inTable)
		sort.Strings(inAction)
		if strings.Join(inTable, ",") != strings.Join(inAction, ",") {
			t.Errorf("README's input table lists %v, action.yml has %v", inTable, inAction)
		}

		bin, err := exec.LookPath("actionlint")
		if err != nil {
			t.Skip("actionlint is not installed (go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12; .ci/run does)")
		}
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{".github/workflows/authvet.yml": wf})
		git(t, dir, "init", "-q")
		cmd := exec.Command(bin, "-no-color")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("actionlint on README's workflow: %v\n%s", err, out)
		}
	})
}
