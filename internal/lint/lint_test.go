package lint

import (
	"context"
	"go/ast"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/authvet/authvet/internal/finding"
)

// fakeAnalyzer reports every string literal containing "BAD" as rule
// fake/bad, with a fix that rewrites it to "GOOD", and exports a fact on
// functions that return such a literal so that fact plumbing across
// analyzed packages is exercised.
var fakeAnalyzer = &analysis.Analyzer{
	Name:      "fake",
	Doc:       "reports BAD strings",
	FactTypes: []analysis.Fact{new(badFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit:
					if n.Kind == token.STRING && strings.Contains(n.Value, "BAD") {
						pass.Report(analysis.Diagnostic{
							Pos: n.Pos(), End: n.End(), Category: "bad", Message: "bad string",
							SuggestedFixes: []analysis.SuggestedFix{{Message: "make it good", TextEdits: []analysis.TextEdit{{
								Pos: n.Pos(), End: n.End(), NewText: []byte(strings.ReplaceAll(n.Value, "BAD", "GOOD")),
							}}}},
						})
					}
				case *ast.FuncDecl:
					if strings.HasPrefix(n.Name.Name, "Bad") {
						pass.ExportObjectFact(pass.TypesInfo.Defs[n.Name], new(badFact))
					}
				case *ast.CallExpr:
					if id, ok := n.Fun.(*ast.SelectorExpr); ok {
						if obj := pass.TypesInfo.Uses[id.Sel]; obj != nil && pass.ImportObjectFact(obj, new(badFact)) {
							pass.Report(analysis.Diagnostic{Pos: n.Pos(), Category: "call", Message: "call of a bad function"})
						}
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

type badFact struct{}

func (*badFact) AFact()         {}
func (*badFact) String() string { return "bad" }

var fakeRules = []finding.Rule{
	{ID: "fake/bad", Short: "bad", Full: "bad strings", Help: "**Bad** `BAD` **Good** `GOOD`", Level: finding.LevelWarning, SecuritySeverity: 5, Precision: finding.PrecisionHigh, Sensitive: true},
	{ID: "fake/call", Short: "call", Full: "bad calls", Help: "**Bad** x **Good** y", Level: finding.LevelNote, SecuritySeverity: 3, Precision: finding.PrecisionHigh},
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func run(t *testing.T, dir string, tests bool) *Result {
	t.Helper()
	cat, err := finding.NewCatalogue(fakeRules, Rules)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Config{Dir: dir, Analyzers: []*analysis.Analyzer{fakeAnalyzer}, Rules: cat, Tests: tests})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res
}

func TestRunReportsFindingsFactsAndLoadErrors(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod":           "module example.com/m\n\ngo 1.22\n",
		"a/a.go":           "package a\n\nfunc BadThing() string { return \"x\" }\n\nvar S = \"BAD one\"\n",
		"b/b.go":           "package b\n\nimport \"example.com/m/a\"\n\nvar T = a.BadThing()\n",
		"broken/broken.go": "package broken\n\nvar X int = \"BAD but broken\"\n",
		"c/c_test.go":      "package c\n\nvar Y = \"BAD in test\"\n",
		"c/c.go":           "package c\n",
	})
	res := run(t, dir, false)
	got := map[string]bool{}
	for _, f := range res.Findings {
		got[f.RuleID+" "+f.Location.String()] = true
	}
	for _, want := range []string{"fake/bad a/a.go:5:9", "fake/call b/b.go:5:9"} {
		if !got[want] {
			t.Errorf("missing finding %s; got %v", want, got)
		}
	}
	if len(res.Findings) != 2 {
		t.Errorf("got %d findings, want 2 (test files are not analyzed by default): %v", len(res.Findings), got)
	}
	if len(res.Errors) != 1 || res.Errors[0].Package != "example.com/m/broken" || !strings.Contains(res.Errors[0].Message, "cannot use") {
		t.Errorf("want one load error naming the broken package and the compiler's message, got %+v", res.Errors)
	}
	if res.Packages != 3 {
		t.Errorf("Packages = %d, want 3 analyzed", res.Packages)
	}

	res = run(t, dir, true)
	n := 0
	for _, f := range res.Findings {
		if f.Location.Path == "c/c_test.go" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("with tests: %d findings in c/c_test.go, want 1", n)
	}
	// A package and its test variant must not report a finding twice.
	seen := map[string]int{}
	for _, f := range res.Findings {
		seen[f.Location.String()+f.RuleID]++
		if seen[f.Location.String()+f.RuleID] > 1 {
			t.Errorf("duplicate finding %s %s", f.RuleID, f.Location)
		}
	}
}

func TestSnippetRedactedForSensitiveRules(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"a/a.go": "package a\n\nvar S = \"BADsecretvalue1234567\"\n",
	})
	res := run(t, dir, false)
	if len(res.Findings) != 1 {
		t.Fatalf("got %d findings", len(res.Findings))
	}
	s := res.Findings[0].Snippet
	if strings.Contains(s, "secretvalue1234567") || !strings.Contains(s, "BADs…(21 chars)") {
		t.Errorf("snippet not redacted: %q", s)
	}
}

func TestFingerprintSurvivesInsertedLines(t *testing.T) {
	src := "package a\n\nvar S = \"BAD one\"\nvar T = \"BAD one\"\n"
	dir := writeTree(t, map[string]string{"go.mod": "module example.com/m\n\ngo 1.22\n", "a/a.go": src})
	before := run(t, dir, false).Findings
	if err := os.WriteFile(filepath.Join(dir, "a/a.go"), []byte(strings.Replace(src, "package a\n", "package a\n\n// a comment\n\nvar U = 1\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	after := run(t, dir, false).Findings
	if len(before) != 2 || len(after) != 2 {
		t.Fatalf("want 2 findings before and after, got %d and %d", len(before), len(after))
	}
	if before[0].Location.StartLine == after[0].Location.StartLine {
		t.Fatal("the edit did not move the finding; the test proves nothing")
	}
	for i := range before {
		if before[i].Fingerprint != after[i].Fingerprint {
			t.Errorf("fingerprint %d changed after inserting lines above", i)
		}
	}
	if before[0].Fingerprint == before[1].Fingerprint {
		t.Error("two findings on equal lines share a fingerprint; the occurrence index is missing")
	}
}

func TestSuppressions(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"a/a.go": `package a

var A = "BAD 1" //authvet:ignore fake/bad -- fixture value, not a secret

//authvet:ignore fake -- the analyzer name covers its sub-rules
var B = "BAD 2"

var C = "BAD 3" //authvet:ignore fake/bad

//authvet:ignore fake/call -- nothing to suppress here
var D = 1

var E = "BAD 4" //authvet:ignore fake/call -- wrong rule
`,
	})
	res := run(t, dir, false)
	byLine := map[int][]finding.Finding{}
	for _, f := range res.Findings {
		byLine[f.Location.StartLine] = append(byLine[f.Location.StartLine], f)
	}
	check := func(line int, rule string, suppressed bool, msg string) {
		t.Helper()
		for _, f := range byLine[line] {
			if f.RuleID == rule {
				if (f.Suppression != nil) != suppressed {
					t.Errorf("line %d %s: suppressed = %v, want %v", line, rule, f.Suppression != nil, suppressed)
				}
				if msg != "" && !strings.Contains(f.Message, msg) {
					t.Errorf("line %d %s: message %q lacks %q", line, rule, f.Message, msg)
				}
				return
			}
		}
		t.Errorf("line %d: no %s finding; got %v", line, rule, byLine[line])
	}
	check(3, "fake/bad", true, "")
	if j := byLine[3][0].Suppression; j == nil || j.Justification != "fixture value, not a secret" || j.Kind != "inSource" {
		t.Errorf("line 3 suppression = %+v", j)
	}
	check(6, "fake/bad", true, "")
	check(8, "fake/bad", false, "")
	check(8, IgnoreRule, false, "has no reason")
	check(10, IgnoreRule, false, "suppresses nothing")
	check(13, "fake/bad", false, "")
	check(13, IgnoreRule, false, "suppresses nothing")
}

func TestRunErrorsWithoutPackages(t *testing.T) {
	dir := writeTree(t, map[string]string{"go.mod": "module example.com/m\n\ngo 1.22\n"})
	cat, _ := finding.NewCatalogue(fakeRules, Rules)
	res, err := Run(context.Background(), Config{Dir: dir, Patterns: []string{"./..."}, Analyzers: []*analysis.Analyzer{fakeAnalyzer}, Rules: cat})
	if err == nil {
		t.Fatalf("want an error when no package matches, got %+v", res)
	}
	if !strings.Contains(err.Error(), "no Go packages") {
		t.Errorf("error %q does not say that no package matched", err)
	}
}

// TestRunNamesWhyNothingLoaded: when the go command cannot load the
// module graph (a required module's go.mod refused by the proxy, 403),
// go list -e prints no package at all and says why only on stderr, which
// go/packages drops. The run must name that cause, not say that the
// patterns match nothing. A go wrapper on PATH answers go list over the
// patterns as the go command did on such a module (no network).
func TestRunNamesWhyNothingLoaded(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := writeTree(t, map[string]string{
		"go.mod":  "module example.com/m\n\ngo 1.22\n",
		"main.go": "package main\n\nfunc main() {}\n",
	})
	bin := t.TempDir()
	const refusal = "go: example.com/nat@v0.0.1: reading https://proxy.example/example.com/nat/@v/v0.0.1.mod: 403 Forbidden"
	wrapper := "#!/bin/sh\nfor a in \"$@\"; do\n  if [ \"$a\" = ./... ]; then\n    echo 'go: downloading example.com/nat v0.0.1' >&2\n    echo '" + refusal + "' >&2\n    echo '\tserver response: This module version is not available.' >&2\n    exit 0\n  fi\ndone\nexec " + goBin + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	// The go command is found on the process's PATH (Config.Env is
	// the environment it runs in, not where it is looked up).
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	cat, _ := finding.NewCatalogue(fakeRules, Rules)
	_, err = Run(context.Background(), Config{Dir: dir, Patterns: []string{"./..."}, Analyzers: []*analysis.Analyzer{fakeAnalyzer}, Rules: cat})
	if err == nil {
		t.Fatal("want an error when the go command loads nothing")
	}
	msg := err.Error()
	if !strings.Contains(msg, refusal) || !strings.Contains(msg, "This module version is not available") {
		t.Errorf("error %q does not name the go command's cause", msg)
	}
	if strings.Contains(msg, "no Go packages match") || strings.Contains(msg, "go: downloading") {
		t.Errorf("error %q: says nothing matched, or keeps download progress", msg)
	}
}

func TestGoErrorLines(t *testing.T) {
	in := "go: downloading a v1\ngo: a@v1: 403\n\tserver response: no\nl4\nl5\nl6\nl7\n"
	if got, want := goErrorLines(in), "go: a@v1: 403; server response: no; l4; l5; l6; and 1 more lines"; got != want {
		t.Errorf("goErrorLines = %q, want %q", got, want)
	}
	if got := goErrorLines("go: downloading a v1\n"); got != "" {
		t.Errorf("progress only: %q, want empty", got)
	}
}

func TestRedactLiterals(t *testing.T) {
	for in, want := range map[string]string{
		`key := "sk_live_0123456789abcdef"`:          `key := "sk_l…(24 chars)"`,
		"pem := `-----BEGIN PRIVATE KEY-----":        "pem := `----…(27 chars)",
		`x := f("ab", 'c') // note secretsecret1234`: `x := f("…(2 chars)", '…(1 chars)') // note…(21 chars)`,
	} {
		if got := RedactLiterals(in); got != want {
			t.Errorf("RedactLiterals(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestImporterOfBrokenPackageNamedOnce(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod":           "module example.com/m\n\ngo 1.22\n",
		"broken/broken.go": "package broken\n\nvar X int = \"no\"\n",
		"user/user.go":     "package user\n\nimport \"example.com/m/broken\"\n\nvar Y = broken.X\nvar S = \"BAD here\"\n",
		"fine/fine.go":     "package fine\n\nvar S = \"BAD fine\"\n",
	})
	res := run(t, dir, false)
	if len(res.Errors) != 2 {
		t.Fatalf("want one error for the broken package and one for its importer, got %+v", res.Errors)
	}
	e := res.Errors[1]
	if e.Package != "example.com/m/user" || !strings.Contains(e.Message, "imports example.com/m/broken") {
		t.Errorf("importer error = %+v", e)
	}
	if len(res.Findings) != 1 || res.Findings[0].Location.Path != "fine/fine.go" {
		t.Errorf("findings = %+v, want only the one in the package that loaded", res.Findings)
	}
}

// TestDependencyCauseNamed: a package that imports a broken dependency
// outside the analyzed module (a cgo package whose C library is missing,
// here a type error in a replaced module) is named with the dependency's
// own first error, which is reported nowhere else; an importer of a
// broken package of the module is not (that package has its own entry).
func TestDependencyCauseNamed(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod":           "module example.com/m\n\ngo 1.22\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ./dep\n",
		"dep/go.mod":       "module example.com/dep\n\ngo 1.22\n",
		"dep/dep.go":       "package dep\n\nvar X int = \"needs the C library\"\n",
		"user/user.go":     "package user\n\nimport \"example.com/dep\"\n\nvar Y = dep.X\n",
		"broken/broken.go": "package broken\n\nvar X int = \"no\"\n",
		"other/other.go":   "package other\n\nimport \"example.com/m/broken\"\n\nvar Y = broken.X\n",
	})
	res := run(t, dir, false)
	byPkg := map[string]string{}
	for _, e := range res.Errors {
		byPkg[e.Package] = e.Message
	}
	if m := byPkg["example.com/m/user"]; !strings.Contains(m, "imports example.com/dep, which failed to load: ") || !strings.Contains(m, "cannot use") {
		t.Errorf("importer of a broken dependency: %q, want the dependency's own error after the name", m)
	}
	if m := byPkg["example.com/m/other"]; m != "it imports example.com/m/broken, which failed to load" {
		t.Errorf("importer of a broken package of the module: %q, want the name alone", m)
	}
}

// TestDependencyKnockOnCauseNamed: when the broken dependency's own
// error is a knock-on of a module further down that could not be
// fetched ("could not import …"), the go command's cause for that
// module is named first, as for a package of the module.
func TestDependencyKnockOnCauseNamed(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.22\n\nrequire (\n\texample.com/dep v0.0.0\n\texample.com/gone v0.0.0\n)\n\nreplace example.com/dep => ./dep\n\nreplace example.com/gone => ./gone\n",
		"dep/go.mod":   "module example.com/dep\n\ngo 1.22\n\nrequire example.com/gone v0.0.0\n",
		"dep/dep.go":   "package dep\n\nimport \"example.com/gone\"\n\nvar X = gone.X\n",
		"user/user.go": "package user\n\nimport \"example.com/dep\"\n\nvar Y = dep.X\n",
	})
	res := run(t, dir, false)
	var msg string
	for _, e := range res.Errors {
		if e.Package == "example.com/m/user" {
			msg = e.Message
		}
	}
	if !strings.HasPrefix(msg, "cause: ") || !strings.Contains(msg, "gone") || !strings.Contains(msg, "imports example.com/dep, which failed to load") {
		t.Errorf("importer of a dependency broken by a missing module: %q, want the go command's cause first", msg)
	}
}

// TestIgnoreInTestSupportIsUsed: a finding in test-support code is
// dropped by default, but the suppression comment beside it still
// matches it, so the comment is not reported as suppressing nothing
// (a fixture file or a mock package that marks its test keys); a comment
// in production code that matches nothing still is.
func TestIgnoreInTestSupportIsUsed(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod":               "module example.com/m\n\ngo 1.22\n",
		"svc/user_fixtures.go": "package svc\n\nvar F = \"BAD key\" //authvet:ignore fake -- the fixture's test key\n",
		"mocks/m.go":           "package mocks\n\nvar W = \"BAD in mock\" //authvet:ignore fake/bad -- a mock's value\n",
		"svc/svc.go":           "package svc\n\nvar S = \"fine\" //authvet:ignore fake -- stale\n",
	})
	for _, tests := range []bool{false, true} {
		res := run(t, dir, tests)
		var stale []string
		for _, f := range res.Findings {
			if f.RuleID == IgnoreRule {
				stale = append(stale, f.Location.String())
			}
		}
		if len(stale) != 1 || stale[0] != "svc/svc.go:3:16" {
			t.Errorf("tests=%v: authvet/ignore findings %v, want only the stale one at svc/svc.go:3:16", tests, stale)
		}
		if !tests && len(res.Findings) != 1 {
			t.Errorf("default run: %d findings, want only the stale comment: %+v", len(res.Findings), res.Findings)
		}
	}
}

// TestTestSupportDroppedOrNoted pins the one definition of test-support
// code at the driver: by default its findings are dropped, with
// --include-tests they are notes naming why; production code beside it
// (in a file that imports "testing", in a package with a helper) keeps
// its level.
func TestTestSupportDroppedOrNoted(t *testing.T) {
	dir := writeTree(t, map[string]string{
		// The module's own path says nothing about its packages: a
		// module named like a fixture is still production code.
		"go.mod": "module example.com/testing/fixtures\n\ngo 1.22\n",
		// Production code.
		"svc/svc.go": "package svc\n\nvar S = \"BAD prod\"\n",
		// A helper function beside production code in a file that
		// imports testing: only the helper is test support.
		"svc/helper.go": "package svc\n\nimport \"testing\"\n\nfunc Open() string { return \"BAD prod beside helper\" }\n\nfunc NewFake(t *testing.T) string { return \"BAD in helper\" }\n",
		// A test-support package by its directory name.
		"internal/testutil/tu.go":   "package testutil\n\nvar U = \"BAD in testutil\"\n",
		"storage/storagetest/st.go": "package storagetest\n\nvar V = \"BAD in conformance\"\n",
		"mocks/m.go":                "package mocks\n\nvar W = \"BAD in mock\"\n",
		// A near miss: a directory that only ends in "test".
		"latest/l.go":     "package latest\n\nvar L = \"BAD in latest\"\n",
		"svc/svc_test.go": "package svc\n\nvar T = \"BAD in _test.go\"\n",
		// Test fixtures in a production package, by the file's name;
		// a near miss whose name only contains the word.
		"svc/user_fixtures.go": "package svc\n\nvar F = \"BAD in fixtures\"\n",
		"svc/prefixtures.go":   "package svc\n\nvar P = \"BAD prod prefixtures\"\n",
	})
	byLine := func(res *Result) map[string]finding.Finding {
		m := map[string]finding.Finding{}
		for _, f := range res.Findings {
			m[f.Location.String()] = f
		}
		return m
	}
	got := byLine(run(t, dir, false))
	for _, want := range []string{"svc/svc.go:3:9", "svc/helper.go:5:29", "latest/l.go:3:9", "svc/prefixtures.go:3:9"} {
		if f, ok := got[want]; !ok || f.Level != finding.LevelWarning {
			t.Errorf("production finding %s missing or not a warning: %+v", want, f)
		}
	}
	if len(got) != 4 {
		t.Errorf("default run: got %d findings, want the 4 in production code: %v", len(got), got)
	}

	got = byLine(run(t, dir, true))
	for _, want := range []string{"svc/helper.go:7:44", "internal/testutil/tu.go:3:9", "storage/storagetest/st.go:3:9", "mocks/m.go:3:9", "svc/svc_test.go:3:9", "svc/user_fixtures.go:3:9"} {
		f, ok := got[want]
		if !ok {
			t.Errorf("--include-tests: missing %s; got %v", want, got)
			continue
		}
		if f.Level != finding.LevelNote || f.Properties["testSupport"] == nil {
			t.Errorf("--include-tests: %s is %s with properties %v, want a note saying why", want, f.Level, f.Properties)
		}
	}
	if f := got["svc/svc.go:3:9"]; f.Level != finding.LevelWarning {
		t.Errorf("--include-tests changed a production finding's level to %q", f.Level)
	}
}

// TestEmbedMissAnalyzed pins embedmiss.go: a package whose only error is
// a //go:embed pattern matching no files (a web UI not built yet) is
// analyzed, and so is its importer, with the miss as a warning; an embed
// pattern the go command rejects for another reason, and a type error
// beside a miss, stay load errors. Both loaders (lazy and whole) agree.
func TestEmbedMissAnalyzed(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod":             "module example.com/m\n\ngo 1.22\n",
		"web/web.go":         "package web\n\nimport \"embed\"\n\n//go:embed dist\nvar FS embed.FS\n\nvar S = \"BAD in web\"\n",
		"cmd/main.go":        "package main\n\nimport _ \"example.com/m/web\"\n\nvar S = \"BAD in cmd\"\n\nfunc main() {}\n",
		"empty/e.go":         "package empty\n\nimport \"embed\"\n\n//go:embed assets\nvar FS embed.FS\n\nvar S = \"BAD in empty\"\n",
		"empty/assets/.keep": "",
		"badpat/b.go":        "package badpat\n\nimport \"embed\"\n\n//go:embed ../x\nvar FS embed.FS\n\nvar S = \"BAD in badpat\"\n",
		"typed/t.go":         "package typed\n\nimport \"embed\"\n\n//go:embed dist\nvar FS embed.FS\n\nvar X int = \"BAD and ill-typed\"\n",
	})
	for _, keep := range []bool{false, true} {
		cat, err := finding.NewCatalogue(fakeRules, Rules)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), Config{Dir: dir, Analyzers: []*analysis.Analyzer{fakeAnalyzer}, Rules: cat, keepSyntax: keep})
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		got := map[string]bool{}
		for _, f := range res.Findings {
			got[f.Location.Path] = true
		}
		for _, want := range []string{"web/web.go", "cmd/main.go", "empty/e.go"} {
			if !got[want] {
				t.Errorf("keepSyntax=%v: no finding in %s; got %v", keep, want, got)
			}
		}
		for _, not := range []string{"badpat/b.go", "typed/t.go"} {
			if got[not] {
				t.Errorf("keepSyntax=%v: %s was analyzed; it should stay a load error", keep, not)
			}
		}
		errs := map[string]bool{}
		for _, e := range res.Errors {
			errs[e.Package] = true
		}
		if len(res.Errors) != 2 || !errs["example.com/m/badpat"] || !errs["example.com/m/typed"] {
			t.Errorf("keepSyntax=%v: errors = %+v, want badpat and typed", keep, res.Errors)
		}
		warns := map[string]bool{}
		for _, w := range res.Warnings {
			warns[w.Package] = true
		}
		if len(res.Warnings) != 2 || !warns["example.com/m/web"] || !warns["example.com/m/empty"] {
			t.Errorf("keepSyntax=%v: warnings = %+v, want web and empty", keep, res.Warnings)
		}
	}
}

// TestTestSupportLoadErrorTold: a test-support package (by its directory)
// that does not build is told apart from the failures when test support
// is not shown: its findings would be dropped, so the run is complete.
// With Tests on it is a failure like any other; a production package
// that does not build always is.
func TestTestSupportLoadErrorTold(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod":                      "module example.com/testkit\n\ngo 1.22\n",
		"pkg/trigger/test/broker.go":  "package test\n\nvar X int = \"needs the suite's build tag\"\n",
		"pkg/trigger/http/trigger.go": "package http\n\nvar S = \"BAD here\"\n",
		"pkg/contest/contest.go":      "package contest\n\nvar X int = \"broken production code\"\n",
	})
	res := run(t, dir, false)
	if len(res.TestSupport) != 1 || res.TestSupport[0].Package != "example.com/testkit/pkg/trigger/test" {
		t.Errorf("test support = %+v, want the broken test package", res.TestSupport)
	}
	if len(res.Errors) != 1 || res.Errors[0].Package != "example.com/testkit/pkg/contest" {
		t.Errorf("errors = %+v, want only the broken production package", res.Errors)
	}
	res = run(t, dir, true)
	if len(res.TestSupport) != 0 || len(res.Errors) != 2 {
		t.Errorf("with tests: test support %+v, errors %+v; want both failures as errors", res.TestSupport, res.Errors)
	}
}
