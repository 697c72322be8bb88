package testsupport

import (
	"bytes"
	"go/ast"
	"go/build/constraint"
	"sort"
	"strings"
)

// A Go file can be test support by how it is built rather than where it
// is: a file whose build constraint can only hold when a test tag is set
// (pocket-id's e2etest_service.go under //go:build e2etest, a suite
// under //go:build integration) is compiled into the test binaries and
// never into the service. The constraint requires a test tag when no
// choice of the other tags satisfies it while every test tag is off:
// `e2e`, `integration && linux`, `e2e || integration`; not `linux`,
// `!e2e` (a file built everywhere but in the test build) or
// `e2e || linux`.

// testTagWords are the words of a build tag that name a test build.
var testTagWords = map[string]bool{
	"test": true, "tests": true, "testing": true, "testonly": true, "testutil": true, "testutils": true,
	"e2e": true, "integration": true, "acceptance": true, "unit": true, "functional": true,
	"mock": true, "mocks": true, "fake": true, "fakes": true,
	"conformance": true, "smoke": true,
}

// TestTag reports whether a build tag names a test build: one of
// testTagWords, or made of words (split at _ - .) one of which is such
// a word or names a test the way a package does (e2etest,
// integrationtest, apitest). A tag that merely contains the letters
// (latest, attest, contest, testnet, mockingbird) is not one.
func TestTag(tag string) bool {
	t := strings.ToLower(tag)
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return r == '_' || r == '-' || r == '.' }) {
		if testTagWords[w] {
			return true
		}
		for _, suf := range []string{"test", "tests"} {
			if s, ok := strings.CutSuffix(w, suf); ok && s != "" && !notTestWords[w] && isLetters(w) {
				return true
			}
		}
	}
	return false
}

// maxConstraintTags bounds the tags of one constraint that
// RequiresTestTag enumerates (2^n assignments).
const maxConstraintTags = 12

// RequiresTestTag reports whether a build constraint holds only when
// some test tag (TestTag) is set, and names those tags.
func RequiresTestTag(x constraint.Expr) (tags []string, ok bool) {
	seen := map[string]bool{}
	var test, other []string
	var walk func(constraint.Expr)
	walk = func(x constraint.Expr) {
		switch x := x.(type) {
		case *constraint.TagExpr:
			if !seen[x.Tag] {
				seen[x.Tag] = true
				if TestTag(x.Tag) {
					test = append(test, x.Tag)
				} else {
					other = append(other, x.Tag)
				}
			}
		case *constraint.NotExpr:
			walk(x.X)
		case *constraint.AndExpr:
			walk(x.X)
			walk(x.Y)
		case *constraint.OrExpr:
			walk(x.X)
			walk(x.Y)
		}
	}
	walk(x)
	if len(test) == 0 || len(other) > maxConstraintTags {
		return nil, false
	}
	for m := 0; m < 1<<len(other); m++ {
		on := map[string]bool{}
		for i, t := range other {
			on[t] = m&(1<<i) != 0
		}
		if x.Eval(func(tag string) bool { return on[tag] }) {
			return nil, false // builds with every test tag off
		}
	}
	sort.Strings(test)
	return test, true
}

// BuildConstraint reports whether a Go source file is built only under a
// test tag, from the build constraint in its header (a //go:build line,
// or // +build lines where there is none), and says which.
func BuildConstraint(src []byte) (why string, ok bool) {
	var goBuild string
	var plus []string
	for len(src) > 0 {
		var line []byte
		line, src, _ = bytes.Cut(src, []byte("\n"))
		l := strings.TrimSpace(string(line))
		switch {
		case l == "":
			continue
		case strings.HasPrefix(l, "/*"):
			// A block comment in the header: constraints after it
			// still count; skip to its end.
			if i := strings.Index(l[2:], "*/"); i >= 0 && strings.TrimSpace(l[2+i+2:]) == "" {
				continue
			}
			end := bytes.Index(src, []byte("*/"))
			if end < 0 {
				return "", false
			}
			src = src[end+2:]
			continue
		case !strings.HasPrefix(l, "//"):
			// The package clause or any code ends the header.
			return judgeConstraint(goBuild, plus)
		case constraint.IsGoBuild(l):
			if goBuild == "" {
				goBuild = l
			}
		case constraint.IsPlusBuild(l):
			plus = append(plus, l)
		}
	}
	return judgeConstraint(goBuild, plus)
}

// FileConstraint is BuildConstraint for a parsed file: the comments
// above its package clause.
func FileConstraint(f *ast.File) (why string, ok bool) {
	var goBuild string
	var plus []string
	for _, g := range f.Comments {
		if g.Pos() >= f.Package {
			break
		}
		for _, c := range g.List {
			l := strings.TrimSpace(c.Text)
			switch {
			case constraint.IsGoBuild(l):
				if goBuild == "" {
					goBuild = l
				}
			case constraint.IsPlusBuild(l):
				plus = append(plus, l)
			}
		}
	}
	return judgeConstraint(goBuild, plus)
}

// judgeConstraint applies Go's rule: a //go:build line decides; without
// one, the // +build lines all must hold.
func judgeConstraint(goBuild string, plus []string) (string, bool) {
	var x constraint.Expr
	line := goBuild
	if goBuild != "" {
		e, err := constraint.Parse(goBuild)
		if err != nil {
			return "", false
		}
		x = e
	} else {
		for _, l := range plus {
			e, err := constraint.Parse(l)
			if err != nil {
				return "", false
			}
			if x == nil {
				x = e
			} else {
				x = &constraint.AndExpr{X: x, Y: e}
			}
		}
		line = strings.Join(plus, "; ")
	}
	if x == nil {
		return "", false
	}
	tags, ok := RequiresTestTag(x)
	if !ok {
		return "", false
	}
	return "a file built only with the test build tag " + strings.Join(tags, " or ") + " (" + line + ")", true
}
