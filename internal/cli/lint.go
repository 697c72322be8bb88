package cli

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/tools/go/analysis"

	"github.com/authvet/authvet/analyzers/suite"
	"github.com/authvet/authvet/internal/config"
	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/internal/fix"
	"github.com/authvet/authvet/internal/lint"
	"github.com/authvet/authvet/internal/report"
	"github.com/authvet/authvet/scanners/gitleaksrules"
)

const informationURI = "https://github.com/authvet/authvet"

func init() {
	register(&command{
		name:     "lint",
		synopsis: "run the analyzers on Go packages",
		usage: `Usage: authvet lint [flags] [packages]

Runs every analyzer over the packages (default ./...) in one load and one
type-check. A path to a module directory (one with a go.mod) lints that
module. Packages that fail to load are named with the compiler's message and
make the run exit 2; findings from the packages that did load are still
reported.

Analyzer options are flags named <analyzer>.<option>, e.g.
--plainhttp.allow-hosts=internal.example.com.

Examples:
  authvet lint                          # ./... of the current module
  authvet lint ./cmd/... ./internal/... # some packages
  authvet lint path/to/module           # another module
  authvet lint --format sarif -o authvet.sarif
  authvet lint --fix                    # apply suggested fixes in place
  authvet lint --baseline old.sarif     # only new findings fail the run
  authvet lint --new-from-rev origin/main # only lines this branch changed`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			var o outputFlags
			o.register(fs)
			o.registerBuild(fs)
			o.conf.register(fs, "config")
			fix := fs.Bool("fix", false, "apply suggested fixes in place (like go fix) and report what is left")
			registerAnalyzerFlags(fs, suite.Analyzers())
			df := registerDiffFlags(fs)
			memprofile := registerMemProfile(fs)
			cpuprofile := registerCPUProfile(fs)
			return func(e *env, args []string) (err error) {
				prof := startPeakProfile(*memprofile)
				defer func() {
					if perr := prof.stop(); perr != nil && err == nil {
						err = &exitError{ExitError, perr}
					}
				}()
				if err := o.conf.apply(fs, "lint", configStart(args)); err != nil {
					return err
				}
				v, err := o.validate()
				if err != nil {
					return err
				}
				return withCPUProfile(*cpuprofile, func() error { return runLint(e, v, args, *fix, nil, df) })
			}
		},
	})
	register(&command{
		name:     "scan",
		synopsis: "lint every package under a path and scan it for secrets: one report",
		usage: `Usage: authvet scan [flags] [path]

The main job: runs every analyzer over the Go packages under path (default .)
and, unless --no-secrets, scans path for secrets (its git
history when path is a repository's top level), and writes one report.

Examples:
  authvet scan                      # this directory
  authvet scan ./testdata/demo      # the bundled demo
  authvet scan --format sarif -o authvet.sarif
  authvet scan --disable hardcodedcred/assignment
  authvet scan --new-from-rev origin/main # only lines this branch changed`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			var o outputFlags
			o.register(fs)
			o.registerBuild(fs)
			o.conf.register(fs, "config")
			registerAnalyzerFlags(fs, suite.Analyzers())
			var sf scanSecretFlags
			sf.register(fs)
			df := registerDiffFlags(fs)
			return func(e *env, args []string) error {
				if len(args) > 1 {
					return usageErrorf("scan takes one path, got %d: %s", len(args), strings.Join(args, " "))
				}
				path := "."
				if len(args) == 1 {
					path = args[0]
				}
				st, err := os.Stat(path)
				if err != nil {
					return usageErrorf("scan: %v", err)
				}
				if !st.IsDir() {
					return usageErrorf("scan: %s is not a directory", path)
				}
				if err := o.conf.apply(fs, "scan", path); err != nil {
					return err
				}
				v, err := o.validate()
				if err != nil {
					return err
				}
				return runLint(e, v, []string{path}, false, &sf, df)
			}
		},
	})
}

// registerAnalyzerFlags exposes each analyzer's flags as
// --<analyzer>.<flag>, sharing the flag.Value with go vet's -<analyzer>.<flag>.
func registerAnalyzerFlags(fs *pflag.FlagSet, as []*analysis.Analyzer) {
	for _, a := range as {
		a.Flags.VisitAll(func(f *flag.Flag) {
			pf := pflag.PFlagFromGoFlag(f)
			pf.Name = a.Name + "." + f.Name
			pf.Shorthand = ""
			fs.AddFlag(pf)
		})
	}
}

// catalogue returns every rule authvet knows: the analyzers', the
// driver's own and the secret scanner's.
func catalogue() (*finding.Catalogue, error) {
	cat, err := finding.NewCatalogue(suite.Rules(), lint.Rules, gitleaksrules.Rules())
	if err != nil {
		return nil, fmt.Errorf("rule catalogue: %w", err)
	}
	return cat, nil
}

// resolveTarget turns lint's arguments into a directory to run the go
// command in and package patterns. A single argument naming a directory
// with a go.mod (optionally followed by /...) means that module.
func resolveTarget(args []string) (dir string, patterns []string, err error) {
	if len(args) == 0 {
		return ".", []string{"./..."}, nil
	}
	if len(args) == 1 {
		d := strings.TrimSuffix(strings.TrimSuffix(args[0], "/..."), "...")
		if d == "" {
			d = "."
		}
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				return d, []string{"./..."}, nil
			}
			if findUp(d, "go.mod") == "" {
				return "", nil, usageErrorf("%s is not inside a Go module (no go.mod in it or above it)", args[0])
			}
		}
	}
	for _, a := range args {
		if strings.HasPrefix(a, ".") || strings.HasPrefix(a, "/") {
			d := strings.TrimSuffix(strings.TrimSuffix(a, "..."), "/")
			if d == "" {
				d = "/"
			}
			if _, err := os.Stat(d); err != nil {
				return "", nil, usageErrorf("path %s does not exist", a)
			}
			if st, err := os.Stat(a); err == nil && st.IsDir() && !strings.HasSuffix(a, "...") {
				// "./dir" lints that directory's package tree, as the
				// user means it, not just the one package.
				a = strings.TrimSuffix(a, "/") + "/..."
			}
		}
		patterns = append(patterns, a)
	}
	return ".", patterns, nil
}

// findUp returns the directory at or above dir that holds name, or "".
func findUp(dir, name string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	return config.FindUp(abs, name)
}

// reportRoot is what finding paths are relative to: the git checkout's
// top level when there is one (so SARIF paths match the repository), else
// the module root, else dir.
func reportRoot(dir string) string {
	if top := gitOutput(dir, "rev-parse", "--show-toplevel"); top != "" {
		return top
	}
	if m := findUp(dir, "go.mod"); m != "" {
		return m
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	return abs
}

// gitOutput runs git in dir and returns its trimmed output, or "" when git
// is missing or fails (callers treat VCS data as optional).
func gitOutput(dir string, args ...string) string {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Stderr = nil
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func vcsInfo(root string) *report.VCS {
	remote := make(chan string, 1)
	go func() { remote <- gitOutput(root, "remote", "get-url", "origin") }()
	// One run for the commit and the branch ("HEAD" when detached).
	revBranch := strings.Split(gitOutput(root, "rev-parse", "HEAD", "--abbrev-ref", "HEAD"), "\n")
	url := <-remote
	if len(revBranch) != 2 || revBranch[0] == "" {
		return nil
	}
	v := &report.VCS{Revision: revBranch[0], RepositoryURL: redactURL(url)}
	if b := revBranch[1]; b != "" && b != "HEAD" {
		v.Branch = b
	}
	return v
}

// redactURL drops credentials from a remote URL: the userinfo (an https
// remote with a token in it is itself a leak), the query string and the
// fragment (some hosts take ?token= or ?private_token=). An scp-like
// remote (git@host:owner/repo) becomes ssh://host/owner/repo.
func redactURL(u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	if !strings.Contains(u, "://") {
		if at := strings.LastIndex(u, "@"); at >= 0 {
			// scp-like user@host:path, whose user part may be a token.
			if h, p, ok := strings.Cut(u[at+1:], ":"); ok {
				u = "ssh://" + h + "/" + strings.TrimPrefix(p, "/")
			}
		} else {
			return stripQuery(u) // a local path
		}
	}
	parsed, err := url.Parse(u)
	if err != nil {
		// Unparseable: keep only what cannot hold a credential.
		scheme, rest, _ := strings.Cut(u, "://")
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			rest = rest[at+1:]
		}
		return scheme + "://" + stripQuery(rest)
	}
	parsed.User = nil
	parsed.RawQuery = ""
	parsed.ForceQuery = false
	parsed.Fragment = ""
	parsed.RawFragment = ""
	return parsed.String()
}

func stripQuery(s string) string {
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		return s[:i]
	}
	return s
}

func newReport(root string, cat *finding.Catalogue, category string, vcs *report.VCS) *report.Report {
	return &report.Report{
		Tool:     report.Tool{Name: "authvet", Version: version(), InformationURI: informationURI},
		Root:     root,
		Rules:    cat,
		Success:  true,
		VCS:      vcs,
		Category: category,
		// Writers redact every value a secret rule matches, whichever
		// rule reported the finding; commands that take a rule file
		// replace this with one that reads it too.
		Secrets: secretFinder(root, ""),
	}
}

// runLint lints the target and, for scan (sf != nil), adds the secret
// scan of the same path; df limits the report to changed lines.
func runLint(e *env, v *validated, args []string, applyFix bool, sf *scanSecretFlags, df *diffFlags) error {
	start := time.Now()
	leanGC()
	cat, err := catalogue()
	if err != nil {
		return &exitError{ExitError, err}
	}
	enabled, err := v.ruleFilter(cat)
	if err != nil {
		return err
	}
	dir, patterns, err := resolveTarget(args)
	if err != nil && sf == nil {
		return err
	}
	// scan goes on when the Go side cannot load at all (no go.mod, a go
	// version this toolchain cannot build): the secret scan does not
	// depend on it, and a silent skip of it would hide every secret.
	// The load failure is reported beside the secrets, and exits 2.
	var loadErr error
	if err != nil {
		loadErr, dir = err, args[0]
	}
	scope, err := df.load(e.ctx, dir)
	if err != nil {
		return err
	}
	root := reportRoot(dir)
	category := "authvet/lint"
	if sf != nil {
		category = "authvet/scan"
	}
	r := newReport(root, cat, category, vcsInfo(root))
	if sf != nil {
		r.Secrets = secretFinder(dir, sf.config)
	}

	res := &lint.Result{}
	if loadErr == nil {
		res, loadErr = lint.Run(e.ctx, lint.Config{
			Dir: dir, Patterns: patterns, Tests: v.includeTests, BuildTags: v.tags,
			Analyzers: suite.Analyzers(), Rules: cat, Enabled: enabled, Root: root,
			Secrets: r.Secrets,
		})
	}
	if loadErr != nil {
		// Nothing could be loaded (a go.mod this toolchain refuses, no
		// go command). The report is still written, with the cause as
		// an error notification: a CI step that uploads the SARIF or
		// JSON gets an incomplete run, not a missing file. Exit 2.
		res = &lint.Result{}
		r.Success = false
		r.Coverage.Incomplete = true
		r.Coverage.Unlisted = true
		msg := "Go packages were not analyzed: " + loadErr.Error()
		if sf != nil {
			msg += "; the secret scan ran on its own"
			fmt.Fprintf(e.stderr, "authvet: %s\n", msg)
		}
		r.Notifications = append(r.Notifications, report.Notification{Level: finding.LevelError, Kind: "load-error", Message: msg})
	}
	r.Findings = res.Findings
	v.conf.applyToReport(r)
	r.Coverage.Packages = res.Packages
	r.Coverage.PackagesFailed = len(res.Errors)
	interrupted := 0
	for _, pe := range res.Errors {
		r.Success = false
		r.Coverage.Incomplete = true
		if e.ctx.Err() != nil && strings.HasSuffix(pe.Message, context.Canceled.Error()) {
			// Cut short by Ctrl-C: one notification says so, not
			// one per package.
			interrupted++
			continue
		}
		r.Notifications = append(r.Notifications, report.Notification{
			Level: finding.LevelError, Kind: "load-error", Path: pe.Path,
			Message: fmt.Sprintf("package %s was not analyzed: %s", pe.Package, pe.Message),
		})
	}
	if interrupted > 0 {
		r.Notifications = append(r.Notifications, report.Notification{
			Level: finding.LevelError, Kind: "interrupted",
			Message: fmt.Sprintf("interrupted: %d packages were analyzed, %d were not; the findings are those of the packages analyzed; run again to analyze them all", res.Packages, interrupted),
		})
	}
	for _, pt := range res.TestSupport {
		// A test-support package that did not load: its findings
		// would be shown only with --include-tests, so the run is
		// complete without it.
		r.Notifications = append(r.Notifications, report.Notification{
			Level: finding.LevelWarning, Kind: "test-support-not-analyzed", Path: pt.Path,
			Message: fmt.Sprintf("test-support package %s was not analyzed (its findings are shown only with --include-tests, which also makes this failure count): %s", pt.Package, pt.Message),
		})
	}
	for _, pw := range res.Warnings {
		// Analyzed, but the go command would not build it (a //go:embed
		// pattern matched no files): the run is complete.
		r.Notifications = append(r.Notifications, report.Notification{
			Level: finding.LevelWarning, Kind: "embed-missing", Path: pw.Path,
			Message: fmt.Sprintf("package %s was analyzed without its embedded files, which the go command would not build: %s", pw.Package, pw.Message),
		})
	}
	if sf != nil {
		if err := runScanSecrets(e, r, dir, v, sf, enabled); err != nil {
			return err
		}
	}
	scope.keep(r) // before --fix, which must not touch unchanged lines
	if applyFix {
		n, files, err := fix.Apply(root, r.Findings)
		if err != nil {
			return &exitError{ExitError, err}
		}
		if n > 0 {
			fmt.Fprintf(e.stderr, "authvet: applied %d fixes in %d files\n", n, files)
			kept := r.Findings[:0]
			for _, f := range r.Findings {
				if f.Properties["fixed"] != true {
					kept = append(kept, f)
				}
			}
			r.Findings = kept
		}
	}
	finding.Sort(r.Findings)
	r.Elapsed = time.Since(start)
	return v.finish(e, r)
}
