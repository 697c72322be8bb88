// Package testsupport is authvet's one definition of test-support code:
// code that exists to test other code, whose findings are not findings
// about the service. Every analyzer, the lint driver and the secret
// scanner's triage ask it, so that they never disagree.
//
// The decision is made per file and per function, never for a whole
// package because one of its files imports "testing" (that misses real
// production code living beside a test helper). Code is test support
// when
//
//   - its file is a _test.go file;
//   - its package directory is a test-support directory: test, tests,
//     testing, testdata, testutil(s), testhelper(s), e2e, suites
//     (integration test suites with their configs and keys), fixtures,
//     conformance suites, mock…, fake…, stub(s), cypress, snapshot
//     directories, test-…/test_… (test-files, test_helpers), or a
//     package named like
//     the standard library's httptest (storagetest, connectortest,
//     authtesting) but not a word that merely ends in "test" (latest);
//   - its file is named as a double or a tester (mock_store.go,
//     store_mock.go, fake.go, testing.go, testutil.go, legacy_tester.go),
//     or as test fixtures, the file counterpart of the fixtures/
//     directory (fixtures.go, user_fixtures.go, fixtures_users.go:
//     photoprism keeps the sessions and passwords it loads into its test
//     database in internal/entity/*_fixtures.go, beside production code);
//     when syntax is at hand, a testing.go or …_tester.go that imports
//     no testing package is judged by its functions instead (vikunja's
//     testing.go holds production handlers of a test mode);
//   - its file is built only under a test build tag: its build
//     constraint cannot hold unless a tag such as e2e, e2etest,
//     integration or testing is set (buildtag.go);
//   - its file imports "testing" and every function it declares takes a
//     testing type (a file of test helpers);
//   - its file imports a library that exists only to test (harness.go):
//     testify's assertions, gomock, ginkgo, a container test harness
//     (dockertest, testcontainers), or a third-party package whose
//     import path names a test double or harness by the directory
//     rules above (mockoidc, httpmock, …/fake); "testing" and the
//     standard library's httptest alone do not make a file test
//     support;
//   - or it is inside a function that takes *testing.T, testing.TB,
//     *testing.B, *testing.F, *testing.M, an *httptest.Server or
//     *httptest.ResponseRecorder, or a TestingT-style interface.
//
// The package lives under the module's top-level internal/ rather than
// analyzers/internal/ because the lint driver (internal/lint) and the
// secret scanner (scanners/secrets) need the same rules, and Go's
// internal rule would hide analyzers/internal/ from them. It imports
// only the standard library, so analyzer builds (go vet -vettool,
// golangci-lint plugins) stay free of the scanner's dependencies.
package testsupport

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strings"
)

// dirNames are directory names that hold test support.
var dirNames = map[string]bool{
	"test": true, "tests": true, "testing": true, "testdata": true, "test-data": true, "test_data": true,
	"testutil": true, "testutils": true, "testhelper": true, "testhelpers": true, "testsupport": true,
	"testenv": true, "testfixtures": true, "testserver": true, "testing-tools": true,
	"e2e": true, "suites": true, "testsuite": true, "testsuites": true, "integration-tests": true, "integration_tests": true, "integrationtest": true,
	"fixture": true, "fixtures": true, "__fixtures__": true, "__tests__": true, "__snapshots__": true,
	".snapshots": true, "cypress": true,
	"stub": true, "stubs": true, "conformance": true, "golden": true,
	// Fuzzing harnesses (go-fuzz and OSS-Fuzz targets, their corpus
	// builders) are built by the fuzzer, never into the service. Not
	// "fuzzy": fuzzy matching is production code.
	"fuzz": true, "fuzzing": true, "fuzzer": true, "fuzzers": true, "gofuzz": true,
}

// notTestWords end in "test" but are ordinary words.
var notTestWords = map[string]bool{
	"latest": true, "contest": true, "attest": true, "protest": true, "detest": true, "greatest": true,
	"fastest": true, "smallest": true, "largest": true, "manifest": true, "request": true, "digest": true,
	"interest": true, "suggest": true, "biggest": true, "newest": true, "oldest": true, "shortest": true,
	"longest": true, "nearest": true, "highest": true, "lowest": true, "earliest": true, "quest": true,
	"harvest": true, "arrest": true, "forest": true, "honest": true, "modest": true, "rest": true,
	"best": true, "nest": true, "west": true, "guest": true, "ingest": true, "invest": true,
}

// Dir reports whether one directory name (a path segment) names a
// test-support directory.
func Dir(seg string) bool {
	s := strings.ToLower(seg)
	if dirNames[s] {
		return true
	}
	if _, ok := Tool(s); ok {
		return true // a test tool's harness (tools.go)
	}
	for _, p := range []string{"mock", "fake", "conformance", "test-", "test_", "tests-", "tests_"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	for _, suf := range []string{"testing", "testutil", "testutils", "testhelper", "testhelpers", "mock", "mocks", "fakes", "conformance", "_test", "-test", "_tests", "-tests"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			return true
		}
	}
	// httptest, storagetest, connectortest: a package named for what
	// it tests, as the standard library names its own.
	if strings.HasSuffix(s, "test") && len(s) > len("test") && !notTestWords[s] && isLetters(s) {
		return true
	}
	return false
}

func isLetters(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// File reports whether a file's base name alone marks it as test
// support: a _test.go file or a file named as a test double.
func File(base string) bool {
	b := strings.ToLower(base)
	if strings.HasSuffix(b, "_test.go") {
		return true
	}
	stem := strings.TrimSuffix(b, path.Ext(b))
	switch stem {
	case "mock", "mocks", "fake", "fakes", "stub", "stubs", "testing", "testutil", "testutils", "testhelper", "testhelpers", "test_helpers", "test_helper", "testsupport", "tester":
		return true
	case "test_results", "test-results", "testresults", "test_output", "test-output", "test_report", "test-report":
		// A test run's captured output (tyk's committed
		// test_results.txt): what the run printed of the keys it made.
		return true
	}
	if fixtureFile(stem) {
		return true
	}
	if _, ok := NamesTestTool(stem); ok && path.Ext(b) == ".go" {
		// Go code named for a test tool feeds its runs
		// (seed-cypress.go); an image or a page named for it
		// (dredd.Dockerfile, dredd.md) is judged by where it lives.
		return true
	}
	for _, p := range []string{"mock_", "mocks_", "fake_", "fakes_", "stub_", "testutil_", "testhelper_", "test_helper_"} {
		if strings.HasPrefix(stem, p) {
			return true
		}
	}
	for _, s := range []string{"_mock", "_mocks", "_fake", "_fakes", "_stub", "_testutil", "_testhelper", "_testhelpers", "_testing", "_tester"} {
		if strings.HasSuffix(stem, s) {
			return true
		}
	}
	return false
}

// fixtureFile reports whether a file's lower-case stem names test
// fixtures as a word of its own: fixture(s), or fixture(s) joined to
// other words by "_" (auth_session_fixtures, fixtures_users). A word
// that only contains it (prefixtures, fixturegen, fixtureless) is not
// one.
func fixtureFile(stem string) bool {
	for _, w := range strings.Split(stem, "_") {
		if w == "fixture" || w == "fixtures" {
			// the first or last word: x_fixtures, fixtures_x, fixtures
			return w == strings.SplitN(stem, "_", 2)[0] || strings.HasSuffix(stem, "_"+w)
		}
	}
	return false
}

// helperNameOnly reports whether only a helper-like file name (testing.go,
// tester.go, x_testing.go) makes p test support: not a _test.go file,
// not a double's name (mock, fake, stub), not a test-support directory.
func helperNameOnly(p string) bool {
	dir, base := path.Split(p)
	if Package(dir) {
		return false
	}
	stem := strings.TrimSuffix(strings.ToLower(base), path.Ext(base))
	return stem == "testing" || stem == "tester" || strings.HasSuffix(stem, "_testing") || strings.HasSuffix(stem, "_tester")
}

// testPackages are imports that only test code has a use for.
var testPackages = []string{"testing", "net/http/httptest", "github.com/stretchr/testify", "github.com/golang/mock", "go.uber.org/mock", "github.com/onsi/ginkgo", "github.com/onsi/gomega"}

// importsTestPackage reports whether a file imports a testing package.
// A file named testing.go that imports none is production code whose
// name says what it serves: vikunja's pkg/routes/api/v1/testing.go holds
// the HTTP handlers of its end-to-end test mode, reached by any client
// that has the testing token.
func importsTestPackage(f *ast.File) bool {
	for _, imp := range f.Imports {
		p := strings.Trim(imp.Path.Value, `"`)
		for _, t := range testPackages {
			if p == t || strings.HasPrefix(p, t+"/") {
				return true
			}
		}
	}
	return false
}

// Path reports whether a slash-separated path (a file relative to its
// repository, or an import path followed by a file name) is test
// support by its location alone: the file's name or any directory on
// the way to it. why says which.
func Path(p string) (why string, ok bool) {
	p = strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(p, "\\", "/")), "/")
	dir, base := path.Split(p)
	if File(base) {
		if strings.HasSuffix(strings.ToLower(base), "_test.go") {
			return "a _test.go file", true
		}
		if fixtureFile(strings.TrimSuffix(strings.ToLower(base), path.Ext(base))) {
			return "a file named as test fixtures", true
		}
		return "a file named as a test double or helper", true
	}
	if Package(dir) {
		return "a test-support directory", true
	}
	return "", false
}

// Package reports whether an import path (or a directory) names a
// test-support package: any of its segments is a test-support
// directory.
func Package(importPath string) bool {
	for _, seg := range strings.Split(strings.ReplaceAll(importPath, "\\", "/"), "/") {
		if seg != "" && Dir(seg) {
			return true
		}
	}
	return false
}

// IsTestingType reports whether t is a testing type a test-support
// function receives: *testing.T, testing.TB, *testing.B, *testing.F,
// *testing.M, an *httptest.Server or *httptest.ResponseRecorder, or an
// interface named TestingT or TB (testify's assert.TestingT, gomock's
// TestReporter).
func IsTestingType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	name := n.Obj().Name()
	if n.Obj().Pkg().Path() == "net/http/httptest" {
		// A function handed a test server or recorder builds fixtures
		// for tests (NewTestProvider(s *httptest.Server)): httptest
		// exists for tests alone.
		return name == "Server" || name == "ResponseRecorder"
	}
	if n.Obj().Pkg().Path() == "testing" {
		switch name {
		case "T", "TB", "B", "F", "M", "PB":
			return true
		}
		return false
	}
	if _, isIface := n.Underlying().(*types.Interface); isIface {
		switch name {
		case "TestingT", "TB", "TestReporter", "GinkgoTInterface", "FullGinkgoTInterface":
			return true
		}
	}
	return false
}

// FuncTakesTesting reports whether a function type takes a testing
// type among its parameters.
func FuncTakesTesting(info *types.Info, ft *ast.FuncType) bool {
	if ft == nil || ft.Params == nil {
		return false
	}
	for _, f := range ft.Params.List {
		if t := info.TypeOf(f.Type); t != nil && IsTestingType(t) {
			return true
		}
	}
	return false
}

// Index answers, for positions in the files of one package, whether
// they are in test-support code.
type Index struct {
	files map[*token.File]*fileEntry
	fset  *token.FileSet
}

type fileEntry struct {
	whole bool
	why   string
	funcs []span // functions taking a testing type
}

type span struct {
	pos, end token.Pos
	why      string
}

// InModule returns the part of an import path inside its module: the
// module's own path (github.com/acme/fixtures) says nothing about which
// of its packages are test support, just as the directories above a
// checkout do not. modulePath may be empty (unknown): then the whole
// import path is judged.
func InModule(pkgPath, modulePath string) string {
	if modulePath == "" {
		return pkgPath
	}
	if pkgPath == modulePath {
		return ""
	}
	if rest, ok := strings.CutPrefix(pkgPath, modulePath+"/"); ok {
		return rest
	}
	return pkgPath
}

// New classifies the files of a package. pkgPath is its import path
// inside its module (see InModule), with an "_test" suffix for an
// external test package. info may be nil, in which case only locations
// decide.
func New(fset *token.FileSet, pkgPath string, files []*ast.File, info *types.Info) *Index {
	return newIndex(fset, pkgPath, "", files, info)
}

// NewInModule is New for a package known by its full import path and
// its module's path (either may be empty): the module's own packages
// are judged by their location, and only libraries of other modules by
// what they are (harness.go).
func NewInModule(fset *token.FileSet, fullPath, modulePath string, files []*ast.File, info *types.Info) *Index {
	return newIndex(fset, InModule(fullPath, modulePath), modulePath, files, info)
}

func newIndex(fset *token.FileSet, pkgPath, modulePath string, files []*ast.File, info *types.Info) *Index {
	ix := &Index{files: map[*token.File]*fileEntry{}, fset: fset}
	for _, f := range files {
		tf := fset.File(f.Pos())
		if tf == nil {
			continue
		}
		e := &fileEntry{}
		ix.files[tf] = e
		base := path.Base(strings.ReplaceAll(tf.Name(), "\\", "/"))
		// Directories are judged by the import path, never by the
		// file system path, whose directories above the module
		// (a user named test, /tmp/tests) say nothing.
		if why, ok := Path(pkgPath + "/" + base); ok && !(info != nil && helperNameOnly(pkgPath+"/"+base) && !importsTestPackage(f)) {
			e.whole, e.why = true, why
			continue
		}
		if why, ok := FileConstraint(f); ok {
			e.whole, e.why = true, why
			continue
		}
		if imp, ok := importsHarness(f, modulePath); ok {
			e.whole, e.why = true, "a file importing a test-only library ("+imp+")"
			continue
		}
		if strings.HasSuffix(pkgPath, "_test") { // an external test package
			e.whole, e.why = true, "an external test package"
			continue
		}
		if info == nil {
			continue
		}
		importsTesting := false
		for _, imp := range f.Imports {
			if imp.Path.Value == `"testing"` {
				importsTesting = true
			}
		}
		decls, testing := 0, 0
		ast.Inspect(f, func(n ast.Node) bool {
			var ft *ast.FuncType
			var top bool
			switch n := n.(type) {
			case *ast.FuncDecl:
				ft, top = n.Type, true
				decls++
			case *ast.FuncLit:
				ft = n.Type
			default:
				return true
			}
			if fd, ok := n.(*ast.FuncDecl); ok {
				if tool, named := NamesTestTool(fd.Name.Name); named {
					// SeedDatabaseForCypress: data for a test
					// tool's runs (tools.go)
					e.funcs = append(e.funcs, span{n.Pos(), n.End(), "a function named for the test tool " + tool})
					return false
				}
			}
			if FuncTakesTesting(info, ft) {
				if top {
					testing++
				}
				e.funcs = append(e.funcs, span{n.Pos(), n.End(), "a function taking a testing type"})
				return false // everything inside is test support too
			}
			return true
		})
		if importsTesting && decls > 0 && testing == decls {
			e.whole, e.why = true, "a file of test helpers (every function takes a testing type)"
		}
	}
	return ix
}

// At reports whether pos is in test-support code, and why.
func (ix *Index) At(pos token.Pos) (why string, ok bool) {
	if ix == nil || !pos.IsValid() {
		return "", false
	}
	tf := ix.fset.File(pos)
	e := ix.files[tf]
	if e == nil {
		return "", false
	}
	if e.whole {
		return e.why, true
	}
	for _, s := range e.funcs {
		if s.pos <= pos && pos < s.end {
			return s.why, true
		}
	}
	return "", false
}
