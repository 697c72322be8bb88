package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/internal/report"
	"github.com/authvet/authvet/sarif"
)

// outputFlags are the flags every reporting command shares.
type outputFlags struct {
	format       string
	output       string
	failOn       string
	enable       []string
	disable      []string
	includeTests bool
	color        string
	quiet        bool
	baseline     string
	tags         []string
	// conf is the configuration file (config.go).
	conf configFlags
}

// registerBuild adds the flags that change how Go packages are loaded.
func (o *outputFlags) registerBuild(fs *pflag.FlagSet) {
	fs.StringSliceVar(&o.tags, "tags", nil, "build `TAG`s to load packages with (comma-separated), as go build -tags")
}

func (o *outputFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&o.format, "format", "text", "report format: text, json or sarif")
	fs.StringVarP(&o.output, "output", "o", "", "write the report to `FILE` instead of stdout (a regular file is replaced atomically)")
	fs.StringVar(&o.failOn, "fail-on", "warning", "exit 1 on findings at or above this level: error, warning, note or none")
	fs.StringSliceVar(&o.enable, "enable", nil, "report only these `RULE`s (ids or analyzer names, comma-separated)")
	fs.StringSliceVar(&o.disable, "disable", nil, "do not report these `RULE`s (ids or analyzer names, comma-separated)")
	fs.BoolVar(&o.includeTests, "include-tests", false, "also analyze _test.go files and show findings in test-support code as notes")
	fs.StringVar(&o.color, "color", "auto", "colour text output: auto, always or never")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "text output: one line per finding, no source lines or summary")
	fs.StringVar(&o.baseline, "baseline", "", "earlier authvet SARIF `FILE`: findings already in it do not fail the run")
}

// validated is the checked form of outputFlags.
type validated struct {
	*outputFlags
	failLevel finding.Level
	baseline  finding.Baseline
}

func (o *outputFlags) validate() (*validated, error) {
	switch o.format {
	case "text", "json", "sarif":
	default:
		return nil, usageErrorf("--format %q: want text, json or sarif", o.format)
	}
	switch o.color {
	case "auto", "always", "never":
	default:
		return nil, usageErrorf("--color %q: want auto, always or never", o.color)
	}
	lvl, err := finding.ParseLevel(o.failOn)
	if err != nil {
		return nil, usageErrorf("--fail-on: %v", err)
	}
	v := &validated{outputFlags: o, failLevel: lvl}
	if o.output != "" {
		// A report that cannot be written is found now, not after the
		// scan it would hold.
		if err := checkOutput(o.output); err != nil {
			return nil, usageErrorf("--output %s: %v", o.output, err)
		}
	}
	if o.baseline != "" {
		b, err := sarif.ReadBaseline(o.baseline)
		if err != nil {
			return nil, usageErrorf("--baseline: %v", err)
		}
		v.baseline = b
	}
	return v, nil
}

// flagRuleFilter returns the rule-enabled predicate for --enable/--disable,
// checking that every name given is a known rule or analyzer.
func (v *validated) flagRuleFilter(cat *finding.Catalogue) (func(string) bool, error) {
	known := map[string]bool{}
	for _, r := range cat.All() {
		known[r.ID] = true
		if i := strings.IndexByte(r.ID, '/'); i > 0 {
			known[r.ID[:i]] = true
		}
	}
	for _, list := range [][]string{v.enable, v.disable} {
		for _, id := range list {
			if !known[id] && !strings.HasPrefix(id, "secret/") {
				return nil, usageErrorf("unknown rule %q; run 'authvet rules' for the list", id)
			}
		}
	}
	if len(v.enable) == 0 && len(v.disable) == 0 {
		return nil, nil
	}
	return enableDisable(v.enable, v.disable), nil
}

// finish applies the baseline, writes the report and turns its findings
// into the exit status.
func (v *validated) finish(e *env, r *report.Report) error {
	v.conf.applyToReport(r)
	if v.baseline != nil {
		v.baseline.Apply(r.Findings)
	}
	var buf bytes.Buffer
	var err error
	switch v.format {
	case "json":
		err = report.WriteJSON(&buf, r)
	case "sarif":
		err = sarif.Write(&buf, r)
	default:
		color := v.color == "always" || (v.color == "auto" && v.output == "" && e.stdoutTTY && e.getenv("NO_COLOR") == "")
		err = report.WriteText(&buf, r, report.TextOptions{Color: color, Quiet: v.quiet})
	}
	if err != nil {
		return &exitError{ExitError, err}
	}
	if v.output != "" {
		if err := writeOutput(v.output, buf.Bytes()); err != nil {
			return &exitError{ExitError, err}
		}
	} else if _, err := e.stdout.Write(buf.Bytes()); err != nil {
		return &exitError{ExitError, fmt.Errorf("writing report: %w", err)}
	}
	if !r.Success {
		// Operational errors outrank findings: the run is incomplete.
		return &exitError{ExitError, incompleteError(r, v.format == "text" && v.output == "")}
	}
	if r.Failing(v.failLevel) {
		return errFindings
	}
	return nil
}

// maxStderrProblems bounds the problems an incomplete run names on
// stderr; the report holds all of them.
const maxStderrProblems = 5

// incompleteError says why a run was incomplete. A text report on stdout
// has just listed the problems; otherwise (-o, JSON, SARIF) they are
// named here, on stderr, where a person or a CI log sees them.
func incompleteError(r *report.Report, listedAbove bool) error {
	if listedAbove {
		return fmt.Errorf("the run was incomplete; see the messages above")
	}
	r = r.Redacted()
	var lines []string
	n := 0
	for _, no := range r.Notifications {
		if no.Level != finding.LevelError {
			continue
		}
		n++
		if n <= maxStderrProblems {
			where := ""
			if no.Path != "" {
				where = no.Path + ": "
			}
			lines = append(lines, "  "+where+no.Message)
		}
	}
	if n == 0 {
		return fmt.Errorf("the run was incomplete; the report says what was not read")
	}
	if n > maxStderrProblems {
		lines = append(lines, fmt.Sprintf("  and %d more", n-maxStderrProblems))
	}
	return fmt.Errorf("the run was incomplete: %d problem(s), all listed in the report:\n%s", n, strings.Join(lines, "\n"))
}
