package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/authvet/authvet/internal/finding"
)

// TextOptions controls the text writer.
type TextOptions struct {
	// Color turns on ANSI colours; the CLI sets it only for a terminal
	// unless asked otherwise.
	Color bool
	// Quiet leaves out the source lines and the summary.
	Quiet bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

// WriteText writes r for a person: findings grouped by file as
// "file:line:col: level rule: message", each followed by its source line
// and a caret, then a summary. Suppressed findings and those already in
// the baseline are counted in the summary but not listed.
func WriteText(w io.Writer, r *Report, opt TextOptions) error {
	r = r.Redacted()
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !opt.Color {
			return s
		}
		return code + s + ansiReset
	}

	// Secrets first, in the order a reviewer acts on them; then the
	// analyzers' findings by file.
	var secrets, lint []*finding.Finding
	for i := range r.Findings {
		f := &r.Findings[i]
		if !f.Counts() {
			continue
		}
		if strings.HasPrefix(f.RuleID, "secret/") {
			secrets = append(secrets, f)
		} else {
			lint = append(lint, f)
		}
	}
	sort.SliceStable(secrets, func(i, j int) bool { return secretPriority(secrets[i]) < secretPriority(secrets[j]) })

	writeOne := func(f *finding.Finding) {
		lvl := string(f.Level)
		switch f.Level {
		case finding.LevelError:
			lvl = paint(ansiRed+ansiBold, lvl)
		case finding.LevelWarning:
			lvl = paint(ansiYellow, lvl)
		default:
			lvl = paint(ansiCyan, lvl)
		}
		fmt.Fprintf(bw, "%s: %s %s: %s\n", paint(ansiBold, f.Location.String()), lvl, f.RuleID, f.Message)
		if opt.Quiet {
			return
		}
		if p := f.Provenance; p != nil && p.Commit != "" {
			short := p.Commit
			if len(short) > 12 {
				short = short[:12]
			}
			fmt.Fprintf(bw, "    %s\n", paint(ansiDim, fmt.Sprintf("commit %s by %s on %s: %s", short, p.Author, p.Date, p.Subject)))
		}
		if f.Snippet != "" {
			// Show the line without its indentation, and move the
			// caret left by as much.
			line := strings.TrimRight(f.Snippet, " \t\r\n")
			trimmed := strings.TrimLeft(line, " \t")
			indent := len(line) - len(trimmed)
			fmt.Fprintf(bw, "    %s\n", trimmed)
			if c := f.Location.StartColumn - indent; c > 0 && c <= len(trimmed)+1 {
				fmt.Fprintf(bw, "    %s%s\n", caretPad(trimmed[:c-1]), paint(ansiRed, "^"))
			}
		}
		if n := len(f.Related); n > 0 {
			// A lint finding's related places are the steps of its
			// flow, each with what happens there; a secret's are the
			// other places that hold it.
			r := f.Related[0]
			var line string
			switch {
			case r.Message != "" && n == 1:
				line = fmt.Sprintf("related: %s: %s", r.String(), r.Message)
			case r.Message != "":
				line = fmt.Sprintf("related: %s: %s (and %d more)", r.String(), r.Message, n-1)
			default:
				line = fmt.Sprintf("also at %d other place(s), first %s", n, r.String())
			}
			fmt.Fprintf(bw, "    %s\n", paint(ansiDim, line))
		}
	}

	for _, f := range secrets {
		writeOne(f)
	}
	lastPath := ""
	for _, f := range lint {
		if f.Location.Path != lastPath && lastPath != "" && !opt.Quiet {
			fmt.Fprintln(bw)
		}
		lastPath = f.Location.Path
		writeOne(f)
	}

	for _, n := range r.Notifications {
		where := ""
		if n.Path != "" {
			where = n.Path + ": "
		}
		fmt.Fprintf(bw, "authvet: %s%s: %s\n", where, n.Level, n.Message)
	}
	if !opt.Quiet {
		writeSummary(bw, r)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing text report: %w", err)
	}
	return nil
}

// secretPriority orders secrets for the reader: live secrets in
// production code first, then history-only ones, then everything else.
func secretPriority(f *finding.Finding) int {
	p := 2
	if s, _ := f.Properties["status"].(string); s == "present" {
		p = 0
	} else if s == "history" {
		p = 1
	}
	if c, _ := f.Properties["context"].(string); c != "" && c != "production" {
		p += 3
	}
	return p*4 + (3 - f.Level.Rank())
}

// caretPad returns white space as wide as prefix, keeping tabs so the
// caret lines up under the same column in a terminal.
func caretPad(prefix string) string {
	var b strings.Builder
	for _, r := range prefix {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func writeSummary(w io.Writer, r *Report) {
	c := r.Summarize()
	suppressed, unchanged := c.Suppressed, c.Unchanged
	parts := []string{
		plural(c.Error, "error"),
		plural(c.Warning, "warning"),
		plural(c.Note, "note"),
	}
	extra := ""
	if suppressed > 0 {
		extra += fmt.Sprintf(", %d suppressed", suppressed)
	}
	if unchanged > 0 {
		extra += fmt.Sprintf(", %d unchanged since baseline", unchanged)
	}
	scope := plural(r.Coverage.Packages, "package") + " analyzed"
	if r.Coverage.PackagesFailed > 0 {
		// Not a part of those analyzed: more packages, none analyzed.
		scope += fmt.Sprintf(", %d more not analyzed (failed to load)", r.Coverage.PackagesFailed)
	}
	if r.Coverage.Unlisted {
		scope += " (the go command could not list the packages in scope)"
	}
	if r.Coverage.CommitsInScope > 0 || r.Coverage.Commits > 0 {
		scope += fmt.Sprintf(", %d of %d commits scanned", r.Coverage.Commits, r.Coverage.CommitsInScope)
	}
	if r.Coverage.Files > 0 {
		scope += fmt.Sprintf(", %s (%s) scanned for secrets", plural(r.Coverage.Files, "file"), humanBytes(r.Coverage.Bytes))
	}
	if r.Coverage.Incomplete {
		scope += ", INCOMPLETE"
	}
	fmt.Fprintf(w, "authvet: %s%s; %s in %s\n", strings.Join(parts, ", "), extra, scope, r.Elapsed.Round(time.Millisecond))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
