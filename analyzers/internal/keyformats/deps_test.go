package keyformats

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/authvet/authvet/"

// goList runs go list in the module root with a format, one line per
// package.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	cmd.Dir = filepath.Join("..", "..", "..")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %s: %v", strings.Join(args, " "), err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 5 {
		t.Fatalf("go list %s listed too little: %s", strings.Join(args, " "), out)
	}
	return lines
}

// The analyzers link neither gitleaks nor viper (nor anything of the
// secret scanner): go vet -vettool, golangci-lint and nogo builds of them
// stay small, and keyformats is what they use of gitleaks' rules.
func TestAnalyzersDoNotLinkTheScanner(t *testing.T) {
	for _, p := range goList(t, "-deps", "./analyzers/...") {
		if strings.Contains(p, "gitleaks") || strings.Contains(p, "viper") || strings.HasPrefix(p, module+"scanners") {
			t.Errorf("./analyzers/... depends on %s", p)
		}
	}
}

// Every analyzer package stands alone, as rules_go's nogo needs (the
// README's Bazel section lists them one by one): it exports Analyzer and
// depends on no driver (suite, CLI, lint driver, commands) and not on
// the secret scanner.
func TestAnalyzerPackagesStandAlone(t *testing.T) {
	n := 0
	for _, line := range goList(t, "-f", "{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles \",\"}}\t{{join .Deps \" \"}}", "./analyzers/...") {
		f := strings.Split(line, "\t")
		path, dir, files, deps := f[0], f[1], strings.Split(f[2], ","), strings.Fields(f[3])
		name := strings.TrimPrefix(path, module+"analyzers/")
		if strings.Contains(name, "/") || name == "suite" {
			continue // the shared layer and the list of analyzers
		}
		n++
		for _, d := range deps {
			for _, bad := range []string{"analyzers/suite", "internal/cli", "internal/lint", "internal/report", "cmd/", "scanners/", "sarif"} {
				if strings.HasPrefix(d, module+bad) {
					t.Errorf("analyzer package %s depends on %s", name, d)
				}
			}
		}
		if !exportsAnalyzer(t, dir, files) {
			t.Errorf("analyzer package %s does not declare a package-level var Analyzer", name)
		}
	}
	if n < 5 {
		t.Errorf("found %d analyzer packages, want at least 5", n)
	}
}

func exportsAnalyzer(t *testing.T, dir string, files []string) bool {
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, s := range g.Specs {
				for _, id := range s.(*ast.ValueSpec).Names {
					if id.Name == "Analyzer" {
						return true
					}
				}
			}
		}
	}
	return false
}
