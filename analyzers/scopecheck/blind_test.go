package scopecheck_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/authvet/authvet/analyzers/scopecheck"
	"golang.org/x/tools/go/analysis/analysistest"
)

// quiet collects analysistest's complaints (unexpected facts and
// diagnostics) instead of failing: the blind set is scored by its own
// markers, not by want comments.
type quiet struct{ msgs []string }

func (q *quiet) Errorf(format string, args ...any) {
	q.msgs = append(q.msgs, fmt.Sprintf(format, args...))
}

// blindCases reads the markers of testdata/src/blind: a line ending in
// "// POS:<id>" is a place where the finding of case <id> may be
// reported (a handler's declaration or its registration); "// NEG" marks
// a near miss that must stay silent.
func blindCases(t *testing.T, root string) (pos map[string][]string, posLines map[string]string, negs int) {
	t.Helper()
	pos = map[string][]string{}
	posLines = map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				text := strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
				rel, _ := filepath.Rel(root, path)
				line := fmt.Sprintf("%s:%d", filepath.ToSlash(rel), fset.Position(c.Pos()).Line)
				switch {
				case strings.HasPrefix(text, "POS:"):
					id := strings.Fields(strings.TrimPrefix(text, "POS:"))[0]
					pos[id] = append(pos[id], line)
					posLines[line] = id
				case strings.HasPrefix(text, "NEG"):
					negs++
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pos, posLines, negs
}

// blindMisses are the cases of the blind set scopecheck does not find
// yet. The test fails when one of them starts to be found (remove it
// from the list) or when a case outside the list is missed.
var blindMisses = map[string]bool{}

// TestBlindSet scores scopecheck on testdata/src/blind, a set of small
// services written before the analyzer's rules were read (see
// docs/precision-scopecheck.md): recall over the POS cases, and every
// finding outside a POS line is a false positive.
func TestBlindSet(t *testing.T) {
	scoreMarked(t, "blind", blindMisses)
}

// TestRecallRules scores testdata/src/scoperules, the fixture of the
// rules added after the blind set was measured (adapters and wrapper
// types across packages, route tables, reads beside authorized writes,
// token refresh behind an interface, path parameters that are not the
// caller's id), with the same markers; nothing may be missed there.
func TestRecallRules(t *testing.T) {
	scoreMarked(t, "scoperules", nil)
}

// scoreMarked runs scopecheck on testdata/src/<dir>/... and scores it
// by its POS and NEG markers; misses lists the cases known to be
// missed.
func scoreMarked(t *testing.T, dir string, misses map[string]bool) {
	t.Helper()
	blindMisses := misses
	root := filepath.Join(analysistest.TestData(), "src", dir)
	pos, posLines, negs := blindCases(t, root)
	if len(pos) == 0 {
		t.Fatalf("no POS markers under %s", root)
	}
	q := &quiet{}
	results := analysistest.Run(q, analysistest.TestData(), scopecheck.Analyzer, dir+"/...")
	hit := map[string]bool{}
	var falsePos []string
	for _, res := range results {
		for _, d := range res.Diagnostics {
			p := res.Pass.Fset.Position(d.Pos)
			rel, _ := filepath.Rel(root, p.Filename)
			line := fmt.Sprintf("%s:%d", filepath.ToSlash(rel), p.Line)
			if id, ok := posLines[line]; ok {
				hit[id] = true
				continue
			}
			falsePos = append(falsePos, line+": "+d.Message)
		}
	}
	var missed []string
	for id := range pos {
		if !hit[id] {
			missed = append(missed, id)
		}
	}
	sort.Strings(missed)
	sort.Strings(falsePos)
	t.Logf("%s: %d positive cases, %d found (recall %.2f), %d near misses, %d false findings", dir, len(pos), len(pos)-len(missed), float64(len(pos)-len(missed))/float64(len(pos)), negs, len(falsePos))
	for _, id := range missed {
		t.Logf("missed: %s at %v", id, pos[id])
		if !blindMisses[id] {
			t.Errorf("case %s is not found", id)
		}
	}
	for id := range blindMisses {
		if hit[id] {
			t.Errorf("case %s is found now: remove it from blindMisses", id)
		}
	}
	for _, fp := range falsePos {
		t.Errorf("false finding %s", fp)
	}
	if testing.Verbose() {
		for _, m := range q.msgs {
			if strings.Contains(m, "unexpected fact") {
				t.Logf("fact: %s", m)
			}
		}
	}
}

// TestSignedOnly: a middleware whose verifier returns only an error or a
// boolean (a signature check naming no caller) and which stores nothing
// for the handlers authenticates one principal (review O, pufferpanel's
// daemon API); a verifier returning claims, a store lookup and a
// middleware storing a value are still judged at the routes.
func TestSignedOnly(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), scopecheck.Analyzer, "signedonly")
}
