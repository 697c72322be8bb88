package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/authvet/authvet/internal/diffscope"
	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/internal/ghaction"
)

// This file is `authvet action`, the step action.yml runs: it reads the
// runner's environment, scans what the triggering event changed, and
// writes SARIF, annotations, the job summary and the step outputs.

func init() {
	register(&command{
		name:     "action",
		synopsis: "run as the GitHub Action: scan what a pull request or push changed, annotate it",
		usage: `Usage: authvet action

The GitHub Action's step (action.yml). It reads the action's inputs from
INPUT_PATH, INPUT_ARGS, INPUT_FAIL_ON, INPUT_SARIF_FILE, INPUT_HISTORY and
INPUT_ANNOTATIONS, and the runner's GITHUB_EVENT_NAME, GITHUB_EVENT_PATH,
GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.

On pull_request it scans for secrets only in the pull request's commits and
reports lint findings only on the lines it changes (as --new-from-rev BASE);
on push, the pushed commits; on other events, the whole repository. A
shallow checkout is deepened from origin as far as the change needs, or the
run fails telling to set fetch-depth: 0.

It writes the SARIF file for upload (category authvet/, at most 5,000
results), workflow-command annotations for new findings (most severe first,
within GitHub's 10 per level and 50 per job), a Markdown job summary, and
the outputs findings, new-findings and sarif-file.`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			return func(e *env, args []string) error {
				if len(args) > 0 {
					return usageErrorf("action takes no arguments (its inputs are INPUT_* variables), got %s", strings.Join(args, " "))
				}
				return runAction(e)
			}
		},
	})
}

// actionInputs are the action's inputs, as action.yml passes them.
type actionInputs struct {
	path, sarifFile, history, failOn string
	args                             []string
	annotations                      bool
	failLevel                        finding.Level
}

func readActionInputs(getenv func(string) string) (*actionInputs, error) {
	get := func(name, def string) string {
		if v := strings.TrimSpace(getenv("INPUT_" + name)); v != "" {
			return v
		}
		return def
	}
	in := &actionInputs{
		path: get("PATH", "."), sarifFile: get("SARIF_FILE", "authvet.sarif"),
		history: get("HISTORY", "pr"), failOn: get("FAIL_ON", "warning"),
	}
	switch in.history {
	case "pr", "full", "none":
	default:
		return nil, usageErrorf("input history %q: want pr, full or none", in.history)
	}
	switch a := get("ANNOTATIONS", "true"); a {
	case "true":
		in.annotations = true
	case "false":
	default:
		return nil, usageErrorf("input annotations %q: want true or false", a)
	}
	lvl, err := finding.ParseLevel(in.failOn)
	if err != nil {
		return nil, usageErrorf("input fail-on: %v", err)
	}
	in.failLevel = lvl
	if in.args, err = splitArgs(getenv("INPUT_ARGS")); err != nil {
		return nil, usageErrorf("input args: %v", err)
	}
	// The action owns the report's format and place and the exit status.
	for _, a := range in.args {
		name, _, _ := strings.Cut(a, "=")
		switch name {
		case "--format", "-o", "--output", "--fail-on":
			return nil, usageErrorf("input args: %s is set by the action; use its inputs sarif-file and fail-on", name)
		}
	}
	return in, nil
}

// splitArgs splits a command line as a POSIX shell would for words,
// single and double quotes and backslashes; nothing is expanded.
func splitArgs(s string) ([]string, error) {
	var (
		out   []string
		cur   strings.Builder
		inArg bool
		quote rune
	)
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case quote == '\'':
			if c == '\'' {
				quote = 0
			} else {
				cur.WriteRune(c)
			}
		case quote == '"':
			switch {
			case c == '"':
				quote = 0
			case c == '\\' && i+1 < len(rs) && strings.ContainsRune(`"\$`+"`", rs[i+1]):
				i++
				cur.WriteRune(rs[i])
			default:
				cur.WriteRune(c)
			}
		case c == '\'' || c == '"':
			quote, inArg = c, true
		case c == '\\' && i+1 < len(rs):
			i++
			cur.WriteRune(rs[i])
			inArg = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			if inArg {
				out = append(out, cur.String())
				cur.Reset()
				inArg = false
			}
		default:
			cur.WriteRune(c)
			inArg = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %c quote in %q", quote, s)
	}
	if inArg {
		out = append(out, cur.String())
	}
	return out, nil
}

func runAction(e *env) error {
	in, err := readActionInputs(e.getenv)
	if err != nil {
		return err
	}
	eventName := e.getenv("GITHUB_EVENT_NAME")
	if eventName == "" {
		eventName = "outside GitHub Actions"
	}
	var ev *ghaction.Event
	if p := e.getenv("GITHUB_EVENT_PATH"); p != "" {
		if ev, err = ghaction.ReadEvent(p); err != nil {
			return &exitError{ExitError, err}
		}
	}
	plan, err := ghaction.PlanFor(eventName, ev)
	if err != nil {
		return &exitError{ExitError, err}
	}
	fmt.Fprintf(e.stderr, "authvet: %s\n", plan.Describe)
	if err := ghaction.EnsureHistory(e.ctx, in.path, plan, e.stderr); err != nil {
		fmt.Fprintf(e.stdout, "::error title=authvet::%s\n", err)
		return &exitError{ExitError, err}
	}

	if err := os.MkdirAll(filepath.Dir(in.sarifFile), 0o755); err != nil {
		return &exitError{ExitError, fmt.Errorf("input sarif-file: %w", err)}
	}
	args := []string{"scan", "--format", "sarif", "-o", in.sarifFile, "--fail-on", "none"}
	// Secrets found in the change's own commits are new by definition;
	// with history full or none, secrets are new only on changed lines,
	// as lint findings are.
	secretsInChange := false
	switch {
	case in.history == "none":
		args = append(args, "--no-git")
	case in.history == "pr" && plan.Scope == ghaction.ScopeChange:
		args = append(args, "--secrets-range", plan.Base+".."+plan.Head)
		secretsInChange = true
	}
	args = append(append(args, in.args...), in.path)
	fmt.Fprintf(e.stderr, "authvet: %s\n", strings.Join(args, " "))
	scanErr := run(e, args)
	var xe *exitError
	if scanErr != nil && (!errors.As(scanErr, &xe) || xe.code != ExitError) {
		return scanErr
	}
	data, err := os.ReadFile(in.sarifFile)
	if err != nil {
		if scanErr != nil {
			return scanErr // the scan failed before writing its report
		}
		return &exitError{ExitError, fmt.Errorf("reading the report: %w", err)}
	}
	if scanErr != nil {
		fmt.Fprintf(e.stderr, "authvet: %v\n", scanErr)
	}
	rep, err := ghaction.ReadSARIF(data)
	if err != nil {
		return &exitError{ExitError, err}
	}
	var changed *diffscope.Set
	if plan.Scope == ghaction.ScopeChange {
		if changed, _, err = diffscope.FromRev(e.ctx, in.path, plan.Base); err != nil {
			return &exitError{ExitError, fmt.Errorf("changed lines: %w", err)}
		}
	}
	rep.Classify(changed, secretsInChange)
	upload, dropped, err := ghaction.PrepareUpload(data, ghaction.MaxUploadResults)
	if err != nil {
		return &exitError{ExitError, err}
	}
	if err := writeOutput(in.sarifFile, upload); err != nil {
		return &exitError{ExitError, err}
	}

	counted := rep.Counted()
	omitted := len(counted)
	if in.annotations {
		if omitted, err = ghaction.Annotate(e.stdout, counted); err != nil {
			return &exitError{ExitError, err}
		}
	}
	if p := e.getenv("GITHUB_STEP_SUMMARY"); p != "" {
		err := appendFile(p, func(f *os.File) error {
			return ghaction.WriteSummary(f, ghaction.SummaryInput{
				Plan: plan, Report: rep, Dropped: dropped, Omitted: omitted, Annotated: in.annotations,
				SARIFFile: in.sarifFile, FailOn: in.failOn,
			})
		})
		if err != nil {
			return &exitError{ExitError, err}
		}
	}
	all := 0
	for _, r := range rep.Results {
		if r.Counts {
			all++
		}
	}
	if p := e.getenv("GITHUB_OUTPUT"); p != "" {
		err := appendFile(p, func(f *os.File) error {
			return ghaction.WriteOutputs(f, [][2]string{
				{"findings", fmt.Sprint(all)}, {"new-findings", fmt.Sprint(len(counted))}, {"sarif-file", in.sarifFile},
			})
		})
		if err != nil {
			return &exitError{ExitError, err}
		}
	}
	if scanErr != nil {
		return &exitError{ExitError, errors.New("the scan was incomplete; its findings are partial (see the messages above)")}
	}
	failing := 0
	for _, r := range counted {
		if finding.Level(r.Level).AtLeast(in.failLevel) && in.failLevel != finding.LevelNone {
			failing++
		}
	}
	fmt.Fprintf(e.stderr, "authvet: %d new findings, %d in all\n", len(counted), all)
	if failing > 0 {
		fmt.Fprintf(e.stderr, "authvet: %d new findings at or above %s\n", failing, in.failOn)
		return errFindings
	}
	return nil
}

// appendFile opens path for appending (the runner's GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files) and runs write on it.
func appendFile(path string, write func(*os.File) error) error {
	f, err := os.OpenFile(filepath.Clean(path), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
