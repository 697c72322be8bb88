package testsupport

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

func TestPath(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{
		// Test support by location.
		{"server/handler_test.go", true},
		{"connector/mock/connectortest.go", true},
		{"storage/conformance/conformance.go", true},
		{"storage/storagetest/storage.go", true},
		{"internal/testutil/server.go", true},
		{"pkg/mocks/store.go", true},
		{"pkg/mockstore/store.go", true},
		{"pkg/fakeclient/client.go", true},
		{"test/e2e/login.go", true},
		{"web/cypress/fixtures/users.json", true},
		{"ui/.snapshots/TestLogin", true},
		{"api/stub/server.go", true},
		{"api/stubs/server.go", true},
		{"web/__snapshots__/login.snap", true},
		{"server/migration/test-files/postgres.sql", true},
		{"pkg/test_helpers/db.go", true},
		{"pkg/sessions/legacy_v5_tester.go", true},
		{"pkg/auth/authtesting/tokens.go", true},
		{"pkg/store/mock_store.go", true},
		{"pkg/store/store_mock.go", true},
		{"pkg/store/fake.go", true},
		{"pkg/oauth/testing.go", true},
		{`pkg\testdata\key.pem`, true},
		{"internal/suites/http.go", true},
		{"internal/suites/common/pki/private.pem", true},
		{"test/testsuites/oidc/configuration.yml", true},
		{"pkg/fuzz/jar_utils.go", true},
		{"test_results.txt", true},
		{"ci/test-output.log", true},
		{"docs/results.txt", false},
		{"pkg/testresultsparser/parse.go", false},
		{"test/fuzzing/oss_fuzz.go", true},
		// Near misses: production code whose names only look like it.
		{"pkg/fuzzy/match.go", false},
		{"pkg/fuzzymatch/score.go", false},
		{"server/handler.go", false},
		{"pkg/latest/version.go", false},
		{"pkg/manifest/manifest.go", false},
		{"pkg/request/request.go", false},
		{"pkg/digest/digest.go", false},
		{"pkg/contest/score.go", false},
		{"pkg/attestation/attest.go", false},
		{"pkg/testify/x.go", false},
		{"pkg/spec/openapi.go", false}, // an API spec package is production code
		{"pkg/store/mockingly.go", false},
		{"pkg/store/fakeness.go", false},
		{"pkg/store/store_testing_helpers.go", false},
		{"pkg/http/requester.go", false}, // ends in "tester" without being one
		{"pkg/testament/will.go", false}, // "test" without a separator
		{"pkg/tester/v2/x.go", false},    // a tool named tester is a package, not a file double
		{"pkg/attest-files/a.go", false},
		{"cmd/server/main.go", false},
		{"pkg/tls/suites.go", false},        // a file about cipher suites
		{"pkg/ciphersuites/list.go", false}, // a package of cipher suites
		{"internal/suite/runner.go", false}, // singular: not the test-suites directory
		// Files named as test fixtures, the file form of fixtures/.
		{"internal/entity/auth_session_fixtures.go", true},
		{"internal/entity/password_fixtures.go", true},
		{"pkg/store/fixtures.go", true},
		{"pkg/store/fixture.go", true},
		{"pkg/store/fixtures_users.go", true},
		{"pkg/store/user_fixture.go", true},
		// Files named for a test tool: its harness.
		{"cmd/admin/cli/seed/seed-cypress.go", true},
		{"internal/e2e_playwright.go", true},
		// Near misses: a tool-like word inside another word, or a tool
		// name that is an ordinary word.
		{"pkg/trees/cypresses.go", false},
		{"pkg/chem/molecule.go", false},
		{"pkg/contracts/impact.go", false},
		// Near misses: the word inside another, or between two others.
		{"pkg/store/prefixtures.go", false},
		{"pkg/store/fixturegen.go", false},
		{"pkg/store/fixtureless_mode.go", false},
		{"pkg/store/load_fixtures_from_api.go", false}, // a loader of production data named for what it loads
		{"pkg/store/fixtures.json.go", false},
	} {
		_, got := Path(tc.path)
		if got != tc.want {
			t.Errorf("Path(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

const helpers = `package store

import "testing"

// Every function takes a testing type: a file of test helpers.
func NewTestStore(t *testing.T) *Store { return &Store{} }
func mustOpen(tb testing.TB)             {}

type Store struct{}
`

const mixed = `package store

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

type Store2 struct{ pw string }

// Production code beside a helper: only the helper is test support.
func Open(dsn string) *Store2 { return &Store2{pw: "x"} }

func NewTestStore2(t *testing.T) *Store2 {
	f := func() string { return "inside" }
	_ = f
	return &Store2{pw: "hunter2"}
}

type TestingT interface{ Errorf(string, ...any) }

func Assert(t TestingT) {}

type Runner interface{ Run() }

func Drive(r Runner) {}

// A provider for tests, built around a test server.
func NewTestProvider(s *httptest.Server) *Store2 { return &Store2{pw: "SECRET"} }

// A production function that takes a real server.
func Listen(s *http.Server) *Store2 { return &Store2{pw: "prod"} }


// SeedDatabaseForCypress writes the users Cypress logs in as.
func SeedDatabaseForCypress() []string { return []string{"OwnerPassword123!"} }

// SeedCypresses is about trees.
func SeedCypresses() []string { return []string{"ReleasePassword1"} }
`

func TestIndex(t *testing.T) {
	fset := token.NewFileSet()
	parse := func(name, src string) *ast.File {
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	fh := parse("/home/test/src/store/helpers.go", helpers)
	fm := parse("/home/test/src/store/store.go", mixed)
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.Default()}
	if _, err := conf.Check("example.com/store", fset, []*ast.File{fh, fm}, info); err != nil {
		t.Fatal(err)
	}
	ix := New(fset, "example.com/store", []*ast.File{fh, fm}, info)

	at := func(f *ast.File, src, needle string) token.Pos {
		i := strings.Index(src, needle)
		if i < 0 {
			t.Fatalf("%q not in source", needle)
		}
		return fset.File(f.Pos()).Pos(i)
	}
	for _, tc := range []struct {
		f      *ast.File
		src    string
		needle string
		want   bool
	}{
		{fh, helpers, "type Store", true},             // the whole helper file
		{fm, mixed, `"hunter2"`, true},                // inside a *testing.T function
		{fm, mixed, `"inside"`, true},                 // a literal inside it
		{fm, mixed, "func Assert", true},              // a TestingT interface parameter
		{fm, mixed, `&Store2{pw: "x"}`, false},        // production code in a file importing testing
		{fm, mixed, "func Drive", false},              // an interface that is not a testing type
		{fm, mixed, "type TestingT interface", false}, // a declaration, not a function
		{fm, mixed, `"SECRET"`, true},                 // inside a function handed an *httptest.Server
		{fm, mixed, `"prod"`, false},                  // an *http.Server is production
		{fm, mixed, `"OwnerPassword123!"`, true},      // a function named for a test tool
		{fm, mixed, `"ReleasePassword1"`, false},      // a near miss: "cypress" inside another word
	} {
		_, got := ix.At(at(tc.f, tc.src, tc.needle))
		if got != tc.want {
			t.Errorf("At(%q) = %v, want %v", tc.needle, got, tc.want)
		}
	}
	// The file system above the package says nothing: /home/test/ is
	// not a test directory of this package.
	if why, ok := ix.At(at(fm, mixed, "func Open")); ok {
		t.Errorf("production function classified as test support: %s", why)
	}
	// An import path under a test directory marks every file.
	ix2 := New(fset, "example.com/internal/testutil", []*ast.File{fm}, info)
	if _, ok := ix2.At(at(fm, mixed, "func Open")); !ok {
		t.Error("file of a testutil package not classified as test support")
	}
}

func TestInModule(t *testing.T) {
	for _, tc := range []struct{ pkg, mod, want string }{
		{"example.com/fixtures/server", "example.com/fixtures", "server"},
		{"example.com/fixtures", "example.com/fixtures", ""},
		{"example.com/fixtures/internal/testutil", "example.com/fixtures", "internal/testutil"},
		{"example.com/other/mock", "example.com/fixtures", "example.com/other/mock"},
		{"example.com/m/mock", "", "example.com/m/mock"},
	} {
		if got := InModule(tc.pkg, tc.mod); got != tc.want {
			t.Errorf("InModule(%q, %q) = %q, want %q", tc.pkg, tc.mod, got, tc.want)
		}
	}
	// A production package of a module named like a fixture is not
	// test support; a testutil package inside it is.
	if Package(InModule("example.com/fixtures/server", "example.com/fixtures")) {
		t.Error("production package of a module named fixtures classified as test support")
	}
	if !Package(InModule("example.com/fixtures/internal/testutil", "example.com/fixtures")) {
		t.Error("testutil package not classified as test support")
	}
}

// A file named testing.go is a test helper when it imports a testing
// package; without one (vikunja's route handlers of its testing mode)
// its functions decide. Names of doubles (mock.go) keep deciding alone.
func TestHelperNamedFiles(t *testing.T) {
	cases := []struct {
		name, src string
		want      bool
	}{
		{"testing.go", "package api\n\nimport \"net/http\"\n\nfunc HandleTesting(w http.ResponseWriter, r *http.Request) {}\n", false},
		{"testing.go", "package api\n\nimport \"net/http/httptest\"\n\nvar Rec = httptest.NewRecorder\n", true},
		{"store_tester.go", "package api\n\nimport \"testing\"\n\nvar _ = testing.Short\n", true},
		{"store_tester.go", "package api\n\nfunc Run() {}\n", false},
		{"mock.go", "package api\n\nfunc Run() {}\n", true},
	}
	for _, tc := range cases {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "/src/api/"+tc.name, tc.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
		if _, err := (&types.Config{Importer: importer.Default()}).Check("example.com/api", fset, []*ast.File{f}, info); err != nil {
			t.Fatal(err)
		}
		ix := New(fset, "example.com/api", []*ast.File{f}, info)
		if _, got := ix.At(f.Decls[len(f.Decls)-1].Pos()); got != tc.want {
			t.Errorf("%s importing %v: test support = %v, want %v", tc.name, f.Imports, got, tc.want)
		}
		// Without syntax (the secret scanner's path-only view) the name
		// still decides.
		if _, ok := Path("api/" + tc.name); !ok {
			t.Errorf("Path(%s) is no longer test support", tc.name)
		}
	}
}

// Imports of test-only libraries from other modules make a file test
// support; the standard library's testing and httptest, a library named
// like an ordinary word ending in "test", and the module's own fake
// package do not (harness.go).
func TestHarnessImport(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"github.com/ory/dockertest/v3", true},
		{"github.com/ory/dockertest/v3/docker", true},
		{"github.com/stretchr/testify/require", true},
		{"github.com/oauth2-proxy/mockoidc", true},
		{"github.com/jarcoal/httpmock", true},
		{"k8s.io/client-go/kubernetes/fake", true},
		{"github.com/testcontainers/testcontainers-go/modules/postgres", true},
		{"testing", false},
		{"net/http/httptest", false},
		{"github.com/acme/contest", false},
		{"github.com/docker/docker/client", false},
		{"github.com/go-chi/chi/v5", false},
		{"github.com/orzogc/fake115uploader/cipher", false},
		{"github.com/acme/mockingbird/client", false},
		{"gitlab.com/acme/faker-service/api", false},
		{"github.com/acme/shop/internal/mocks", true},
		{"github.com/acme/shop/fakes", true},
		{"gitlab.com/acme/shop/pkg/testutil", true},
		{"github.com/acme/testutil", true},
		{"sigs.k8s.io/controller-runtime/pkg/client/fake", true},
	} {
		if got := harnessImport(tc.path); got != tc.want {
			t.Errorf("harnessImport(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "demo.go", "package server\nimport _ \"example.com/svc/internal/fakestore\"\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := importsHarness(f, "example.com/svc"); ok {
		t.Error("the module's own fake package made a production file test support")
	}
	if _, ok := importsHarness(f, ""); !ok {
		t.Error("with the module unknown, a fake package of another path is a harness")
	}
}

func TestTool(t *testing.T) {
	for seg, want := range map[string]bool{
		"dredd": true, ".dredd": true, "Playwright": true, "molecule": true, ".kitchen": true,
		"kitchen": false, "..dredd": false, "postman": false, ".storybook": false, "bruno": false,
	} {
		if _, got := Tool(seg); got != want {
			t.Errorf("Tool(%q) = %v, want %v", seg, got, want)
		}
		if want && !Dir(seg) {
			t.Errorf("Dir(%q) = false for a test tool's directory", seg)
		}
	}
	if why, ok := Path(".dredd/hooks/main.go"); !ok {
		t.Errorf("Path(.dredd/hooks/main.go) not test support")
	} else if why == "" {
		t.Errorf("Path(.dredd/hooks/main.go) gives no reason")
	}
}
