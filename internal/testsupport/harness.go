package testsupport

import (
	"go/ast"
	"strings"
)

// Files that import a test-only library.
//
// A file outside a test directory, with no testing parameter on its
// functions, is still a test harness when it imports a library that
// has no use but testing: testify's assert and require (they fail a
// test), gomock, ginkgo and gomega, a harness that starts containers
// for a test run (ory/dockertest, testcontainers-go), or a mock server
// (oauth2-proxy/mockoidc, jarcoal/httpmock). headscale's integration/
// directory (scenario.go, dsic/, tsic/) builds its test clusters this
// way, and its `mockoidc` command serves a mock identity provider for
// those tests: their skipped TLS verification and logged requests are
// the harness's, not the service's.
//
// Libraries from outside the standard library are recognised by the
// list below or by a directory of their import path, below the
// repository, that the directory rules call test support (Dir: mock…,
// fake…, …mock, …test, conformance; so k8s.io/client-go/kubernetes/fake).
// A repository's own name is a product's name and counts only when it
// is exactly a test directory's name: alist's 115 driver imports
// github.com/orzogc/fake115uploader/cipher, a real uploader's cipher, and
// dropped the driver's findings as a test harness's until the
// repository name stopped counting by its prefix.
// The standard library's "testing" and net/http/httptest are not
// enough: production code imports them (testing.Testing(), an
// httptest.ResponseRecorder buffering a response), as the package
// comment says.
//
// Only other modules' packages count (importsHarness): the module's own
// mock or fake package is judged by its own location, since production
// wiring may choose it (a demo mode).
//
// The price in recall: a production file that wires a third-party fake
// (a demo mode built on k8s.io/client-go/kubernetes/fake) is test
// support too, and its findings are dropped (shown as notes with
// --include-tests).

// harnessLibraries are test-only libraries whose import paths the
// directory rules do not recognise.
var harnessLibraries = []string{
	"github.com/stretchr/testify", "github.com/golang/mock", "go.uber.org/mock",
	"github.com/onsi/ginkgo", "github.com/onsi/gomega", "gotest.tools",
	"github.com/testcontainers/testcontainers-go", "github.com/DATA-DOG/go-sqlmock",
	"github.com/ory/dockertest", "github.com/oauth2-proxy/mockoidc", "github.com/jarcoal/httpmock",
	"github.com/h2non/gock", "github.com/vektra/mockery", "github.com/maxbrunsfeld/counterfeiter",
	"github.com/pashagolub/pgxmock", "github.com/go-redis/redismock", "github.com/smartystreets/goconvey",
	"github.com/franela/goblin", "github.com/matryer/is", "github.com/frankban/quicktest",
	"github.com/gavv/httpexpect", "github.com/steinfletcher/apitest", "github.com/maxatome/go-testdeep",
	"github.com/orlangure/gnomock",
}

// repoHosts lay their import paths out as host/owner/repository: the
// repository's name is a product's name, and only the directories
// below it are named for what they hold.
var repoHosts = map[string]bool{
	"github.com": true, "gitlab.com": true, "bitbucket.org": true, "codeberg.org": true, "gitea.com": true,
}

// importsHarness reports whether a file imports a test-only library of
// another module than modulePath (empty: unknown), and which. A
// package of the file's own module is judged where it is (its
// directory), not here: a production file that imports its module's
// fake store for a demo mode stays production code.
func importsHarness(f *ast.File, modulePath string) (string, bool) {
	for _, imp := range f.Imports {
		p := strings.Trim(imp.Path.Value, `"`)
		if modulePath != "" && (p == modulePath || strings.HasPrefix(p, modulePath+"/")) {
			continue
		}
		if harnessImport(p) {
			return p, true
		}
	}
	return "", false
}

// harnessImport reports whether an import path names a test-only
// library from outside the standard library.
func harnessImport(p string) bool {
	segs := strings.Split(p, "/")
	if !strings.Contains(segs[0], ".") {
		return false // the standard library (and GOPATH-style local paths)
	}
	for _, l := range harnessLibraries {
		if p == l || strings.HasPrefix(p, l+"/") {
			return true
		}
	}
	// The repository (or, on another host, the path's first element) is
	// a product's name: fake115uploader is a client of the 115 cloud, not
	// a fake, so it counts only when it is a test directory's very name
	// (a repository called testutil); the directories below it are judged
	// by the directory rules (…/kubernetes/fake, …/mocks, …/testutil).
	repo := 1
	if repoHosts[segs[0]] {
		repo = 2
	}
	for i, s := range segs[1:] {
		if i+1 <= repo {
			if dirNames[strings.ToLower(s)] {
				return true
			}
			continue
		}
		if Dir(s) {
			return true
		}
	}
	return false
}
