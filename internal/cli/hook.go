package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/pflag"
	"golang.org/x/mod/modfile"

	"github.com/authvet/authvet/internal/atomicfile"
)

// This file is `authvet hook`: a git pre-commit hook that scans what is
// staged for secrets and lints the packages whose Go files are staged.

// hookMarker is the line that identifies a pre-commit hook as authvet's.
const hookMarker = "# authvet pre-commit hook"

// hookBackupSuffix names the copy of a hook that install --force replaced.
const hookBackupSuffix = ".authvet-backup"

func init() {
	register(&command{
		name:     "hook",
		synopsis: "install, remove or run the git pre-commit hook",
		usage: `Usage: authvet hook install [--force]
       authvet hook uninstall
       authvet hook run [--no-secrets] [--no-lint] [FILE...]

install writes a pre-commit hook into the repository's hooks directory (the
one core.hooksPath names, if set). An existing hook that is not authvet's is
left alone unless --force is given; then it is kept beside the new one as
pre-commit.authvet-backup. uninstall removes authvet's hook and puts that
backup back.

run is what the hook does: it scans the staged changes for secrets
('authvet secrets --staged') and lints the packages that hold staged .go
files (or the packages of the FILEs given, as the pre-commit framework
passes them), with the repository's own configuration. A finding at or
above the warning level refuses the commit; 'git commit --no-verify' skips
the hook once.

Examples:
  authvet hook install
  authvet hook install --force   # replace (and keep) an existing hook
  authvet hook uninstall`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			force := fs.Bool("force", false, "install: replace an existing hook that is not authvet's (it is kept as a backup)")
			noSecrets := fs.Bool("no-secrets", false, "run: do not scan staged changes for secrets")
			noLint := fs.Bool("no-lint", false, "run: do not lint the staged packages")
			return func(e *env, args []string) error {
				if len(args) == 0 {
					return usageErrorf("hook: want install, uninstall or run (run 'authvet hook -h')")
				}
				if *force && args[0] != "install" {
					return usageErrorf("hook: --force applies to install only")
				}
				if (*noSecrets || *noLint) && args[0] != "run" {
					return usageErrorf("hook: --no-secrets and --no-lint apply to run only")
				}
				switch args[0] {
				case "install", "uninstall":
					if len(args) > 1 {
						return usageErrorf("hook %s takes no arguments, got %s", args[0], strings.Join(args[1:], " "))
					}
					if args[0] == "install" {
						return hookInstall(e, *force)
					}
					return hookUninstall(e)
				case "run":
					return hookRun(e, !*noSecrets, !*noLint, args[1:])
				}
				return usageErrorf("hook: unknown action %q; want install, uninstall or run", args[0])
			}
		},
	})
}

// hookPaths returns where the pre-commit hook and its backup go.
func hookPaths() (hook, backup string, err error) {
	// --git-path honours core.hooksPath (made absolute against the top
	// level, where git runs hooks) and linked worktrees.
	out, err := exec.Command("git", "rev-parse", "--path-format=absolute", "--git-path", "hooks").Output()
	if err != nil {
		return "", "", usageErrorf("hook: not in a git repository (git rev-parse: %v)", gitErr(err))
	}
	dir := strings.TrimSpace(string(out))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", &exitError{ExitError, fmt.Errorf("hook: %w", err)}
	}
	hook = filepath.Join(dir, "pre-commit")
	return hook, hook + hookBackupSuffix, nil
}

// isAuthvetHook reports whether the file at p is a hook authvet wrote;
// exists is false when there is no file.
func isAuthvetHook(p string) (ours, exists bool, err error) {
	data, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return false, false, nil
	}
	if err != nil {
		return false, true, &exitError{ExitError, fmt.Errorf("hook: %w", err)}
	}
	return bytes.Contains(data, []byte("\n"+hookMarker+"\n")), true, nil
}

func hookInstall(e *env, force bool) error {
	hook, backup, err := hookPaths()
	if err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return &exitError{ExitError, fmt.Errorf("hook: locating the authvet binary: %w", err)}
	}
	ours, exists, err := isAuthvetHook(hook)
	if err != nil {
		return err
	}
	if exists && !ours {
		if !force {
			return usageErrorf("hook: %s already exists and is not authvet's; left as it is. Run 'authvet hook install --force' to replace it (it is kept as %s and 'authvet hook uninstall' puts it back), or call 'authvet hook run' from it", hook, filepath.Base(backup))
		}
		if _, err := os.Lstat(backup); err == nil {
			return usageErrorf("hook: %s already exists; move it away before replacing %s, so that no hook is lost", backup, hook)
		}
		if err := os.Rename(hook, backup); err != nil {
			return &exitError{ExitError, fmt.Errorf("hook: keeping the old hook: %w", err)}
		}
		fmt.Fprintf(e.stderr, "authvet: kept the old hook as %s\n", backup)
	}
	if err := atomicfile.Write(hook, []byte(hookScript(self)), 0o755); err != nil {
		return &exitError{ExitError, fmt.Errorf("hook: %w", err)}
	}
	fmt.Fprintf(e.stderr, "authvet: installed the pre-commit hook at %s\n", hook)
	return nil
}

func hookUninstall(e *env) error {
	hook, backup, err := hookPaths()
	if err != nil {
		return err
	}
	ours, exists, err := isAuthvetHook(hook)
	if err != nil {
		return err
	}
	switch {
	case exists && !ours:
		return usageErrorf("hook: %s is not authvet's; left as it is", hook)
	case !exists:
		fmt.Fprintf(e.stderr, "authvet: no authvet pre-commit hook at %s; nothing to do\n", hook)
		return nil
	}
	if err := os.Remove(hook); err != nil {
		return &exitError{ExitError, fmt.Errorf("hook: %w", err)}
	}
	if _, err := os.Lstat(backup); err == nil {
		if err := os.Rename(backup, hook); err != nil {
			return &exitError{ExitError, fmt.Errorf("hook: restoring the old hook: %w", err)}
		}
		fmt.Fprintf(e.stderr, "authvet: removed the pre-commit hook and restored the one it replaced\n")
		return nil
	}
	fmt.Fprintf(e.stderr, "authvet: removed the pre-commit hook at %s\n", hook)
	return nil
}

// hookScript is the hook: it runs the authvet that installed it, or the
// one on PATH if that binary has gone.
func hookScript(self string) string {
	return `#!/bin/sh
` + hookMarker + `
# Installed by 'authvet hook install'; 'authvet hook uninstall' removes it.
# It scans staged changes for secrets and lints the staged Go packages.
# Skip it once with: git commit --no-verify
authvet=` + shellQuote(self) + `
[ -x "$authvet" ] || authvet=authvet
exec "$authvet" hook run
`
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// hookRun is the hook's work. Each part runs as its own authvet process
// (lint once per module, in the module's directory); the worst exit code
// wins.
func hookRun(e *env, secrets, lint bool, files []string) error {
	out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return usageErrorf("hook run: not in a git work tree (git rev-parse: %v)", gitErr(err))
	}
	top := strings.TrimSpace(string(out))
	self, err := os.Executable()
	if err != nil {
		return &exitError{ExitError, fmt.Errorf("hook run: locating the authvet binary: %w", err)}
	}
	code := ExitOK
	runSelf := func(dir string, args ...string) error {
		cmd := exec.CommandContext(e.ctx, self, args...)
		cmd.Dir = dir
		cmd.Stdout, cmd.Stderr = e.stdout, e.stderr
		err := cmd.Run()
		var xe *exec.ExitError
		switch {
		case err == nil:
		case errors.As(err, &xe):
			code = max(code, xe.ExitCode())
		default:
			return &exitError{ExitError, fmt.Errorf("hook run: authvet %s: %w", args[0], err)}
		}
		return nil
	}
	if secrets {
		if err := runSelf(top, "secrets", "--staged", "."); err != nil {
			return err
		}
	}
	if lint {
		if len(files) == 0 {
			staged, err := exec.Command("git", "-C", top, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--", "*.go").Output()
			if err != nil {
				return &exitError{ExitError, fmt.Errorf("hook run: listing staged files: %v", gitErr(err))}
			}
			for _, f := range strings.Split(string(staged), "\x00") {
				if f != "" {
					files = append(files, filepath.Join(top, filepath.FromSlash(f)))
				}
			}
		}
		mods, err := stagedPackages(files)
		if err != nil {
			return err
		}
		for _, m := range mods {
			if err := runSelf(m.dir, append([]string{"lint"}, m.pkgs...)...); err != nil {
				return err
			}
		}
	}
	switch code {
	case ExitOK:
		return nil
	case ExitFindings:
		fmt.Fprintln(e.stderr, "authvet: commit refused: fix the findings above, suppress a false alarm with //authvet:ignore RULE -- reason (or gitleaks:allow), or skip the hook once with git commit --no-verify")
		return errFindings
	}
	return &exitError{code, errors.New("hook run: the checks did not complete; see the messages above")}
}

// modulePackages are the packages to lint in one module.
type modulePackages struct {
	dir  string   // the module's root
	pkgs []string // import paths
}

// stagedPackages maps Go files to the import paths of their packages,
// grouped by module. Files under testdata or vendor directories, and files
// outside any module, belong to no package lint would load.
func stagedPackages(files []string) ([]modulePackages, error) {
	byMod := map[string]map[string]bool{}
	for _, f := range files {
		if !strings.HasSuffix(f, ".go") {
			continue
		}
		abs, err := filepath.Abs(f)
		if err != nil {
			return nil, &exitError{ExitError, fmt.Errorf("hook run: %w", err)}
		}
		dir := filepath.Dir(abs)
		root := findUp(dir, "go.mod")
		if root == "" {
			continue
		}
		if rel, err := filepath.Rel(root, dir); err != nil || skipDir(rel) {
			continue
		}
		if byMod[root] == nil {
			byMod[root] = map[string]bool{}
		}
		byMod[root][dir] = true
	}
	var out []modulePackages
	for root, dirs := range byMod {
		data, err := os.ReadFile(filepath.Join(root, "go.mod"))
		if err != nil {
			return nil, &exitError{ExitError, fmt.Errorf("hook run: %w", err)}
		}
		modPath := modfile.ModulePath(data)
		if modPath == "" {
			return nil, &exitError{ExitError, fmt.Errorf("hook run: %s has no module line", filepath.Join(root, "go.mod"))}
		}
		m := modulePackages{dir: root}
		for dir := range dirs {
			rel, err := filepath.Rel(root, dir)
			if err != nil {
				return nil, &exitError{ExitError, fmt.Errorf("hook run: %w", err)}
			}
			m.pkgs = append(m.pkgs, path.Join(modPath, filepath.ToSlash(rel)))
		}
		sort.Strings(m.pkgs)
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].dir < out[j].dir })
	return out, nil
}

// skipDir reports whether rel, a directory relative to its module's root,
// is one the go command ignores in ./... patterns (testdata, vendor, _ and
// . prefixed), where a staged file is a fixture, not code to lint.
func skipDir(rel string) bool {
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if part == "testdata" || part == "vendor" || strings.HasPrefix(part, "_") || (strings.HasPrefix(part, ".") && part != ".") {
			return true
		}
	}
	return false
}

// gitErr returns git's own message from a failed command's stderr.
func gitErr(err error) string {
	var xe *exec.ExitError
	if errors.As(err, &xe) && len(xe.Stderr) > 0 {
		return strings.TrimSpace(string(xe.Stderr))
	}
	return err.Error()
}
