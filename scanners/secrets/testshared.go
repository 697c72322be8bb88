package secrets

import (
	"path"
	"strings"

	"github.com/authvet/authvet/scanners/gitleaksrules"
)

// A value matched by name (the generic rules) that the project's own
// tests use too, at the tip, is sample material: the demo configuration
// beside a test suite (caddy-security's assets/config/Caddyfile, whose
// JWT key caddyfile_authn_test.go loads). A real deployment's secret is
// not what a test suite pins. The finding is lowered to a note, with the
// test's path as the reason, when every production place that holds the
// value at the tip is configuration or documentation, neither code nor a
// deployment: a value in production code that a test copies is a
// hard-coded credential used by both, a default in a Compose file, a
// Dockerfile or a chart is what a deployment runs with (the standing
// rating of a default key baked into a deployment), and both keep their
// level, as does a key in a provider's own format, whatever holds it.

// codeExts are the extensions of program source files.
var codeExts = map[string]bool{
	".go": true, ".py": true, ".js": true, ".mjs": true, ".cjs": true, ".ts": true, ".jsx": true,
	".tsx": true, ".java": true, ".kt": true, ".kts": true, ".scala": true, ".groovy": true,
	".rb": true, ".php": true, ".cs": true, ".rs": true, ".c": true, ".cc": true, ".cpp": true,
	".h": true, ".hpp": true, ".swift": true, ".m": true, ".dart": true, ".ex": true, ".exs": true,
	".erl": true, ".clj": true, ".lua": true, ".pl": true, ".sh": true, ".bash": true, ".zsh": true,
	".ps1": true, ".vue": true, ".svelte": true,
}

// deploymentFile reports whether p deploys the program: a file in a
// deployment tree (deploy/, deployment/, charts/, k8s/, terraform/ …),
// a Dockerfile or a Compose file. A default secret there is what a
// deployment started from it runs with, whatever a test harness shares
// it (semaphore's compose snippets for the released image and its Dredd
// harness, one encryption key).
func deploymentFile(p string) bool {
	if deployTree.MatchString(p) {
		return true
	}
	base := strings.ToLower(path.Base(p))
	if strings.HasPrefix(base, "dockerfile") || strings.HasSuffix(base, ".dockerfile") {
		return true
	}
	ext := path.Ext(base)
	return strings.Contains(base, "compose") && (ext == ".yml" || ext == ".yaml")
}

// codeFile reports whether p is a program's source file.
func codeFile(p string) bool {
	return codeExts[strings.ToLower(path.Ext(p))]
}

// sharedWithTests returns the path of a test or fixture place of g at
// the tip when g is matched by name and every production place of g at
// the tip is a file other than code.
func (s *scan) sharedWithTests(g *group, status string) (string, bool) {
	if status != StatusPresent || !gitleaksrules.IsGeneric(g.rule) {
		return "", false
	}
	test := ""
	for _, o := range s.triagePlaces(g, status) {
		c, _ := s.placeContext(o)
		switch c {
		case ctxTest, ctxFixture:
			if test == "" || o.path < test {
				test = o.path
			}
		case ctxProduction:
			if codeFile(o.path) || deploymentFile(o.path) {
				return "", false
			}
		}
	}
	return test, test != ""
}
