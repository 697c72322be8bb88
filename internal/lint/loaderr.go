package lint

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// This file names the cause of a package that failed to load. go/packages
// reports a dependency that could not be loaded (a module that could not
// be downloaded, a missing go.sum entry) only as its knock-on type errors
// in the importing package ("could not import X"), because authvet loads
// dependencies from export data and does not ask for their errors. The
// go command knows the cause: it is in go list's DepsErrors.

// sortErrors orders a package's errors cause first: the go command's
// (ListError), then syntax errors, then type errors, which are mostly
// their consequences. The order within a kind is kept.
func sortErrors(errs []packages.Error) []packages.Error {
	out := append([]packages.Error(nil), errs...)
	rank := func(k packages.ErrorKind) int {
		switch k {
		case packages.ListError:
			return 0
		case packages.ParseError:
			return 1
		case packages.TypeError:
			return 2
		}
		return 3
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i].Kind) < rank(out[j].Kind) })
	return out
}

// importFailed reports whether a package's errors may have their cause in
// a dependency: a failed import, or type errors alone. A module the proxy
// refuses does not always show as "could not import": the importing
// package may get only the knock-on errors ("undefined: fosite", "imported
// as plog and not used"), which name nothing the user can act on. The go
// command knows the cause; it is asked whenever the package's own errors
// are type errors only (a syntax error is its own cause).
func importFailed(p *packages.Package) bool {
	typeOnly := len(p.Errors) > 0
	for _, e := range p.Errors {
		if strings.Contains(e.Msg, "could not import") {
			return true
		}
		if e.Kind != packages.TypeError {
			typeOnly = false
		}
	}
	return typeOnly
}

// goListJSON is the part of go list -json this file reads.
type goListJSON struct {
	ImportPath string
	Error      *struct{ Err string }
	DepsErrors []struct {
		Err string
		Pos string
	}
}

// rootCauses asks the go command why the dependencies of pkgs failed to
// load and returns its messages by package path. It runs go list only
// when a package has a failed import; when that fails too, it returns
// nothing and the type errors stand alone.
func rootCauses(ctx context.Context, cfg Config, env []string, pkgs []string) map[string][]string {
	if len(pkgs) == 0 {
		return nil
	}
	cmd := goList(ctx, cfg, env, []string{"-json=ImportPath,Error,DepsErrors"}, pkgs)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Run(); err != nil && stdout.Len() == 0 {
		return nil
	}
	out := map[string][]string{}
	dec := json.NewDecoder(&stdout)
	for {
		var p goListJSON
		if err := dec.Decode(&p); err != nil {
			break
		}
		seen := map[string]bool{}
		add := func(msg string) {
			msg = strings.Join(strings.Fields(msg), " ")
			if msg != "" && !seen[msg] {
				seen[msg] = true
				out[p.ImportPath] = append(out[p.ImportPath], msg)
			}
		}
		if p.Error != nil {
			add(p.Error.Err)
		}
		for _, e := range p.DepsErrors {
			add(e.Err)
		}
	}
	return out
}

// withCause puts the go command's messages before a package's own.
func withCause(pe PackageError, causes []string) PackageError {
	if len(causes) == 0 {
		return pe
	}
	const max = 3
	msg := "cause: " + strings.Join(causes[:min(len(causes), max)], "; ")
	if len(causes) > max {
		msg += fmt.Sprintf("; and %d more", len(causes)-max)
	}
	pe.Message = msg + "; then: " + pe.Message
	return pe
}

// whyNothingLoaded asks the go command why patterns matched no package.
// When the module graph itself cannot be loaded (a required module the
// proxy refuses, a go.mod it cannot read), go list -e prints no package
// at all and the cause only on its stderr, which go/packages drops: the
// run would say "no Go packages match" of a tree full of them. It
// returns the go command's error lines ("go: …", the download progress
// left out), or "" when it printed none (the patterns match nothing).
func whyNothingLoaded(ctx context.Context, cfg Config, env []string) string {
	cmd := goList(ctx, cfg, env, nil, cfg.Patterns)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	_ = cmd.Run() // the answer is what it said
	return goErrorLines(stderr.String())
}

// goErrorLines keeps the go command's messages from its stderr: every
// line but the download progress and its warnings ("./..." matched no
// packages, which the caller says in its own words), joined, at most
// five.
func goErrorLines(stderr string) string {
	var keep []string
	for _, l := range strings.Split(stderr, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "go: warning: ") || strings.HasPrefix(l, "go: downloading ") || strings.HasPrefix(l, "go: finding ") || strings.HasPrefix(l, "go: extracting ") {
			continue
		}
		keep = append(keep, l)
	}
	const max = 5
	msg := strings.Join(keep[:min(len(keep), max)], "; ")
	if len(keep) > max {
		msg += fmt.Sprintf("; and %d more lines", len(keep)-max)
	}
	return msg
}

// goList is `go list -e` with flags over patterns, in the run's
// directory, environment and build tags.
func goList(ctx context.Context, cfg Config, env, flags, patterns []string) *exec.Cmd {
	args := append([]string{"list", "-e"}, flags...)
	if len(cfg.BuildTags) > 0 {
		args = append(args, "-tags="+strings.Join(cfg.BuildTags, ","))
	}
	args = append(append(args, "--"), patterns...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = cfg.Dir
	cmd.Env = env
	return cmd
}
