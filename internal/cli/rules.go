package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/authvet/authvet/internal/finding"
)

// Version is set at build time with -ldflags "-X
// github.com/authvet/authvet/internal/cli.Version=v1.2.3"; otherwise the
// module version from the build info is used.
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

func init() {
	register(&command{
		name:     "rules",
		synopsis: "list every rule, or print one rule's full help",
		usage: `Usage: authvet rules [--format text|json|markdown] [RULE]

Without an argument, lists every rule: id, default level, security severity
and a one-line description. With a rule id, prints its full help: the same
text SARIF carries and the README shows.

Examples:
  authvet rules
  authvet rules plainhttp/url
  authvet rules --format markdown > docs/rules.md`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			format := fs.String("format", "text", "text, json or markdown")
			return func(e *env, args []string) error {
				cat, err := catalogue()
				if err != nil {
					return &exitError{ExitError, err}
				}
				if len(args) > 1 {
					return usageErrorf("rules takes at most one rule id")
				}
				rules := cat.All()
				if len(args) == 1 {
					r, ok := cat.Lookup(args[0])
					if !ok {
						return usageErrorf("unknown rule %q; run 'authvet rules' for the list", args[0])
					}
					rules = []finding.Rule{r}
				}
				switch *format {
				case "text":
					if len(args) == 1 {
						writeRuleHelp(e.stdout, rules[0])
						return nil
					}
					tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
					fmt.Fprintln(tw, "RULE\tLEVEL\tSEVERITY\tDESCRIPTION")
					for _, r := range rules {
						fmt.Fprintf(tw, "%s\t%s\t%.1f\t%s\n", r.ID, r.Level, r.SecuritySeverity, r.Short)
					}
					return tw.Flush()
				case "markdown":
					WriteRulesMarkdown(e.stdout, rules)
					return nil
				case "json":
					return writeJSONValue(e.stdout, rules)
				}
				return usageErrorf("--format %q: want text, json or markdown", *format)
			}
		},
	})
	register(&command{
		name:     "version",
		synopsis: "print authvet's version, commit and Go version",
		usage:    "Usage: authvet version",
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			return func(e *env, args []string) error {
				commit, modified := "unknown", false
				if bi, ok := debug.ReadBuildInfo(); ok {
					for _, s := range bi.Settings {
						switch s.Key {
						case "vcs.revision":
							commit = s.Value
						case "vcs.modified":
							modified = s.Value == "true"
						}
					}
				}
				if modified {
					commit += "+dirty"
				}
				fmt.Fprintf(e.stdout, "authvet %s\ncommit %s\n%s %s/%s\n", version(), commit, runtime.Version(), runtime.GOOS, runtime.GOARCH)
				return nil
			}
		},
	})
}

func writeRuleHelp(w io.Writer, r finding.Rule) {
	fmt.Fprintf(w, "%s: %s\n\nLevel: %s   Security severity: %.1f   Precision: %s", r.ID, r.Short, r.Level, r.SecuritySeverity, r.Precision)
	if len(r.CWE) > 0 {
		fmt.Fprintf(w, "   %s", strings.Join(r.CWE, ", "))
	}
	fmt.Fprintf(w, "\n\n%s\n\n%s\n", r.Full, strings.TrimSpace(r.Help))
}

// WriteRulesMarkdown renders rules as the README's rule reference, so the
// docs are generated from the same metadata as SARIF help.
func WriteRulesMarkdown(w io.Writer, rules []finding.Rule) {
	fmt.Fprintln(w, "| Rule | Level | Severity | CWE | What it finds |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, r := range rules {
		fmt.Fprintf(w, "| [`%s`](#%s) | %s | %.1f | %s | %s |\n", r.ID, anchor(r.ID), r.Level, r.SecuritySeverity, strings.Join(r.CWE, ", "), r.Short)
	}
	for _, r := range rules {
		fmt.Fprintf(w, "\n### %s\n\n%s\n\n%s\n", r.ID, r.Full, strings.TrimSpace(demoteHeadings(r.Help)))
	}
}

func anchor(id string) string {
	return strings.NewReplacer("/", "", ".", "").Replace(strings.ToLower(id))
}

// demoteHeadings keeps a rule's own headings below the rule's heading.
func demoteHeadings(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#") {
			lines[i] = "###" + l
		}
	}
	return strings.Join(lines, "\n")
}

func writeJSONValue(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
