package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/authvet/authvet/internal/testutil"
)

// actionStep is one step of action.yml.
type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Env   map[string]string `yaml:"env"`
	With  map[string]string `yaml:"with"`
}

type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

// runner simulates what the GitHub runner does with action.yml's
// composite steps: run steps run under bash with the runner's variables
// and their own GITHUB_OUTPUT; uses steps are recorded, not run (the
// machine's Go stands in for setup-go, the cache always misses on the
// first run and hits after, and the upload is checked by its inputs).
type runner struct {
	t          *testing.T
	action     actionFile
	actionPath string
	runnerTemp string
	built      bool
}

func newRunner(t *testing.T) *runner {
	root := testutil.RepoRoot(t)
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	r := &runner{t: t, actionPath: root, runnerTemp: t.TempDir()}
	if err := yaml.Unmarshal(data, &r.action); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if r.action.Runs.Using != "composite" {
		t.Fatalf("action.yml runs.using = %q, want composite", r.action.Runs.Using)
	}
	return r
}

// run is one simulated run of the action.
type run struct {
	stdout, summary string
	failed          bool // a step failed
	outputs         map[string]string
	uploaded        map[string]string // upload-sarif's inputs, when it ran
}

var exprRE = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// expand evaluates the ${{ }} expressions action.yml uses in env, with
// and run: inputs, runner.temp, github.action_path and step outputs. An
// expression it does not know fails the test, so the simulation cannot
// silently drift from action.yml.
func (r *runner) expand(s string, inputs map[string]string, steps map[string]map[string]string) string {
	return exprRE.ReplaceAllStringFunc(s, func(m string) string {
		e := exprRE.FindStringSubmatch(m)[1]
		switch {
		case strings.HasPrefix(e, "inputs."):
			return inputs[strings.TrimPrefix(e, "inputs.")]
		case e == "runner.temp":
			return r.runnerTemp
		case e == "github.action_path":
			return r.actionPath
		case strings.HasPrefix(e, "steps."):
			parts := strings.SplitN(e, ".", 4)
			if len(parts) == 4 && parts[2] == "outputs" {
				return steps[parts[1]][parts[3]]
			}
		case strings.HasPrefix(e, "inputs.go-version == ''"):
			return "" // with.go-version-file: setup-go is not run here
		}
		r.t.Fatalf("action.yml: the simulated runner does not know the expression %q", e)
		return ""
	})
}

func (r *runner) run(workspace, eventName, eventPath string, with map[string]string) *run {
	t := r.t
	t.Helper()
	inputs := map[string]string{}
	for name, in := range r.action.Inputs {
		inputs[name] = in.Default
	}
	for k, v := range with {
		if _, ok := r.action.Inputs[k]; !ok {
			t.Fatalf("input %q is not in action.yml", k)
		}
		inputs[k] = v
	}
	tmp := t.TempDir()
	summary := filepath.Join(tmp, "summary.md")
	res := &run{outputs: map[string]string{}}
	steps := map[string]map[string]string{}
	var stdout strings.Builder
	for i, st := range r.action.Runs.Steps {
		if st.Uses != "" {
			switch {
			case strings.HasPrefix(st.Uses, "actions/setup-go@"), strings.HasPrefix(st.Uses, "actions/cache@"):
				if st.ID != "" {
					steps[st.ID] = map[string]string{"cache-hit": map[bool]string{true: "true", false: "false"}[r.built]}
				}
			case strings.HasPrefix(st.Uses, "github/codeql-action/upload-sarif@"):
				want := "${{ !cancelled() && inputs.upload-sarif == 'true' && steps.scan.outputs.sarif-file != '' }}"
				if st.If != want {
					t.Fatalf("upload step's if changed: %q; update the simulation", st.If)
				}
				if inputs["upload-sarif"] == "true" && steps["scan"]["sarif-file"] != "" {
					res.uploaded = map[string]string{}
					for k, v := range st.With {
						res.uploaded[k] = r.expand(v, inputs, steps)
					}
				}
			default:
				t.Fatalf("action.yml step %d uses %s, unknown to the simulation", i, st.Uses)
			}
			if !regexp.MustCompile(`@[0-9a-f]{40}( |$)`).MatchString(st.Uses) {
				t.Errorf("action.yml step %d: %s is not pinned by commit SHA", i, st.Uses)
			}
			continue
		}
		switch st.If {
		case "":
			if res.failed {
				continue
			}
		case "steps.cache.outputs.cache-hit != 'true'":
			if res.failed || steps["cache"]["cache-hit"] == "true" {
				continue
			}
		default:
			t.Fatalf("action.yml step %d: if %q unknown to the simulation", i, st.If)
		}
		if st.Shell != "bash" {
			t.Fatalf("action.yml step %d: shell %q, want bash", i, st.Shell)
		}
		if strings.Contains(st.Run, "${{") {
			t.Errorf("action.yml step %d puts an expression into run: (pass it through env:)", i)
		}
		output := filepath.Join(tmp, "output-"+st.ID)
		os.WriteFile(output, nil, 0o644)
		// GitHub runs bash steps as: bash --noprofile --norc -eo pipefail FILE
		script := filepath.Join(tmp, "step.sh")
		os.WriteFile(script, []byte(st.Run), 0o644)
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = workspace
		cmd.Env = append(append(os.Environ(), gitEnv...),
			"GITHUB_ACTIONS=true", "GITHUB_WORKSPACE="+workspace, "GITHUB_EVENT_NAME="+eventName,
			"GITHUB_EVENT_PATH="+eventPath, "GITHUB_OUTPUT="+output, "GITHUB_STEP_SUMMARY="+summary,
			"GITHUB_ACTION_PATH="+r.actionPath, "RUNNER_TEMP="+r.runnerTemp, "RUNNER_OS=Linux")
		for k, v := range st.Env {
			cmd.Env = append(cmd.Env, k+"="+r.expand(v, inputs, steps))
		}
		var errb strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &errb
		err := cmd.Run()
		t.Logf("step %q stderr:\n%s", st.Name, errb.String())
		if err != nil {
			res.failed = true
		}
		if st.ID != "" {
			steps[st.ID] = readOutputs(t, output)
		}
		if st.Name == "Build authvet" && err == nil {
			r.built = true
		}
	}
	for name, o := range r.action.Outputs {
		res.outputs[name] = r.expand(o.Value, inputs, steps)
	}
	res.stdout = stdout.String()
	if data, err := os.ReadFile(summary); err == nil {
		res.summary = string(data)
	}
	return res
}

func readOutputs(t *testing.T, path string) map[string]string {
	out := map[string]string{}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			out[k] = v
		}
	}
	return out
}

// prEvent writes GitHub's pull_request payload (testdata copy of a real
// one) with its SHAs rewritten to the test repository's.
func prEvent(t *testing.T, base, head string, commits int) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "github", "pull_request.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ev map[string]any
	if err := json.Unmarshal(data, &ev); err != nil {
		t.Fatal(err)
	}
	pr := ev["pull_request"].(map[string]any)
	pr["base"].(map[string]any)["sha"] = base
	pr["head"].(map[string]any)["sha"] = head
	pr["commits"] = commits
	out, _ := json.Marshal(ev)
	p := filepath.Join(t.TempDir(), "event.json")
	os.WriteFile(p, out, 0o644)
	return p
}

// prRepo makes an origin with main (an old plain-HTTP finding) and a
// feature branch that adds a new one and a Stripe key, while main moved
// on. It returns origin's path and the base (main's tip) and head SHAs.
func prRepo(t *testing.T) (origin, base, head string) {
	origin = filepath.Join(t.TempDir(), "origin.git")
	git(t, t.TempDir(), "init", "-q", "--bare", "-b", "main", origin)
	// GitHub serves any reachable commit by SHA; so does this origin.
	git(t, origin, "config", "uploadpack.allowAnySHA1InWant", "true")
	work := newRepo(t, legacyModule)
	git(t, work, "remote", "add", "origin", "file://"+origin)
	git(t, work, "checkout", "-qb", "feature")
	writeFiles(t, work, map[string]string{
		"svc/client.go":   "package svc\n\nimport \"net/http\"\n\nconst apiBaseURL = \"http://api.example.com/v1\"\n\nfunc Get() (*http.Response, error) { return http.Get(apiBaseURL) }\n",
		"deploy/app.yaml": "name: app\nstripe:\n  key: " + stripeKey + "\n",
	})
	git(t, work, "add", "-A")
	git(t, work, "commit", "-qm", "add the client and its config")
	head = git(t, work, "rev-parse", "HEAD")
	git(t, work, "checkout", "-q", "main")
	writeFiles(t, work, map[string]string{"docs/README.md": "# docs\n"})
	git(t, work, "add", "-A")
	git(t, work, "commit", "-qm", "main moves on")
	base = git(t, work, "rev-parse", "HEAD")
	// GitHub's refs/pull/N/merge: the feature merged into the base.
	git(t, work, "checkout", "-q", "--detach", base)
	git(t, work, "merge", "-q", "--no-ff", "-m", "Merge "+head+" into "+base, head)
	git(t, work, "push", "-q", "origin", "main", "feature", "HEAD:refs/pull/2/merge")
	return origin, base, head
}

// checkoutPR does what actions/checkout does on a pull_request event with
// its default fetch-depth of 1: one commit, the merge of the pull request
// into its base, detached.
func checkoutPR(t *testing.T, origin string) string {
	ws := filepath.Join(t.TempDir(), "ws")
	git(t, t.TempDir(), "init", "-q", ws)
	git(t, ws, "remote", "add", "origin", "file://"+origin)
	git(t, ws, "fetch", "-q", "--no-tags", "--depth=1", "origin", "+refs/pull/2/merge:refs/remotes/pull/2/merge")
	git(t, ws, "checkout", "-q", "--detach", "refs/remotes/pull/2/merge")
	return ws
}

// TestActionPullRequest runs action.yml's steps as the runner would on a
// pull_request event, in a shallow checkout (actions/checkout's default).
func TestActionPullRequest(t *testing.T) {
	origin, base, head := prRepo(t)
	ws := checkoutPR(t, origin)
	r := newRunner(t)
	res := r.run(ws, "pull_request", prEvent(t, base, head, 1), nil)
	if !res.failed {
		t.Errorf("the action passed on a pull request that adds a key")
	}
	// The shallow clone was deepened to the merge base.
	if got := git(t, ws, "merge-base", base, head); got == "" {
		t.Error("no merge base after the run")
	}

	if res.outputs["findings"] != "3" || res.outputs["new-findings"] != "2" || res.outputs["sarif-file"] != "authvet.sarif" {
		t.Errorf("outputs = %v, want findings=3 (one old), new-findings=2, sarif-file=authvet.sarif", res.outputs)
	}
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	var annotations []string
	for _, l := range lines {
		if strings.HasPrefix(l, "::") {
			annotations = append(annotations, l)
		}
	}
	if len(annotations) != 2 ||
		!strings.HasPrefix(annotations[0], "::error file=deploy/app.yaml,line=3,") || !strings.Contains(annotations[0], "title=authvet secret/stripe-access-token::") ||
		!strings.HasPrefix(annotations[1], "::warning file=svc/client.go,line=5,") || !strings.Contains(annotations[1], "title=authvet plainhttp/url::") {
		t.Errorf("annotations (most severe first, new only) =\n%s", strings.Join(annotations, "\n"))
	}
	for _, want := range []string{"pull request #2", "**2 new findings** (1 errors, 1 warnings, 0 notes); 3 in the repository in all",
		"| `secret/stripe-access-token` | error | 1 |", "`deploy/app.yaml:3`"} {
		if !strings.Contains(res.summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, res.summary)
		}
	}
	if strings.Contains(res.summary, "api/api.go") {
		t.Errorf("summary lists the old finding as new:\n%s", res.summary)
	}
	sarifData, err := os.ReadFile(filepath.Join(ws, "authvet.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	for what, text := range map[string]string{"stdout": res.stdout, "summary": res.summary, "SARIF": string(sarifData)} {
		if strings.Contains(text, stripeKey[8:]) {
			t.Errorf("%s shows the key", what)
		}
	}
	var log struct {
		Runs []struct {
			AutomationDetails struct{ ID string } `json:"automationDetails"`
			Results           []json.RawMessage   `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(sarifData, &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("SARIF: %v, %d runs", err, len(log.Runs))
	}
	if id := log.Runs[0].AutomationDetails.ID; id != "authvet/" {
		t.Errorf("automationDetails.id = %q, want authvet/", id)
	}
	if len(log.Runs[0].Results) != 3 {
		t.Errorf("SARIF has %d results, want all 3 (code scanning shows those in the diff)", len(log.Runs[0].Results))
	}
	validateActionSARIF(t, sarifData)
	if res.uploaded["sarif_file"] != "authvet.sarif" || res.uploaded["category"] != "authvet" {
		t.Errorf("upload-sarif inputs = %v", res.uploaded)
	}

	// The same checkout, without a way to fetch the history it lacks:
	// the step fails telling to set fetch-depth: 0.
	ws2 := checkoutPR(t, origin)
	git(t, ws2, "remote", "remove", "origin")
	res = r.run(ws2, "pull_request", prEvent(t, base, head, 1), nil)
	if !res.failed || !strings.Contains(res.stdout, "::error title=authvet::") || !strings.Contains(res.stdout, "fetch-depth: 0") {
		t.Errorf("shallow checkout that cannot be deepened: failed=%v\n%s", res.failed, res.stdout)
	}
	if res.uploaded != nil || res.outputs["sarif-file"] != "" {
		t.Errorf("a failed scan uploaded or named a report: %v %v", res.uploaded, res.outputs)
	}
}

// TestActionPushAndInputs: a push event scans the pushed range; fail-on
// none passes, annotations false writes none, upload-sarif false uploads
// nothing.
func TestActionPushAndInputs(t *testing.T) {
	origin, base, head := prRepo(t)
	ws := filepath.Join(t.TempDir(), "ws")
	git(t, t.TempDir(), "clone", "-q", "--branch", "feature", "file://"+origin, ws)
	fork := git(t, ws, "merge-base", "origin/main", "HEAD")
	_ = base
	ev := filepath.Join(t.TempDir(), "push.json")
	os.WriteFile(ev, []byte(`{"before":"`+fork+`","after":"`+head+`","commits":[{"id":"`+head+`"}]}`), 0o644)
	r := newRunner(t)
	res := r.run(ws, "push", ev, map[string]string{"fail-on": "none", "annotations": "false", "upload-sarif": "false", "sarif-file": "out/report.sarif"})
	if res.failed {
		t.Fatalf("fail-on none failed the step:\n%s", res.stdout)
	}
	if strings.Contains(res.stdout, "::") {
		t.Errorf("annotations: false still annotated:\n%s", res.stdout)
	}
	if res.outputs["new-findings"] != "2" || res.outputs["sarif-file"] != "out/report.sarif" || res.uploaded != nil {
		t.Errorf("outputs %v, uploaded %v", res.outputs, res.uploaded)
	}
	if !strings.Contains(res.summary, "push: secrets in the pushed 1 commit") || !strings.Contains(res.summary, "Annotations are turned off") {
		t.Errorf("summary:\n%s", res.summary)
	}
}

func validateActionSARIF(t *testing.T, doc []byte) {
	t.Helper()
	// internal/testutil carries the schema, so this runs without
	// ../shared too.
	testutil.ValidateSARIF(t, doc)
}

// TestActionlint lints the workflows and action.yml (through the
// workflow that uses it) with actionlint.
func TestActionlint(t *testing.T) {
	bin, err := exec.LookPath("actionlint")
	if err != nil {
		t.Skip("actionlint is not installed (go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12; .ci/run does)")
	}
	root := testutil.RepoRoot(t)
	cmd := exec.Command(bin, "-no-color")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("actionlint: %v\n%s", err, out)
	}
}
