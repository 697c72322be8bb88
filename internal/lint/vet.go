package lint

import (
	"go/ast"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// WithSuppressions returns a copy of a whose diagnostics on a line that an
// //authvet:ignore comment covers (with a reason) are dropped, so that
// drivers that print diagnostics directly, such as go vet's unitchecker,
// honour the same comments as the authvet CLI. The copy shares a's flags,
// facts and requirements.
func WithSuppressions(a *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	c.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		var ignores map[string][]*ignore // "file:line" -> comments
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			if ignores == nil {
				ignores = ignoresByLine(pass.Fset, pass.Files)
			}
			pos := pass.Fset.Position(d.Pos)
			id := RuleID(a, d.Category)
			for _, ig := range ignores[posKey(pos.Filename, pos.Line)] {
				if ig.reason != "" && ig.covers(id) {
					return
				}
			}
			report(d)
		}
		return a.Run(&p)
	}
	return &c
}

// ignoresByLine indexes the ignore comments of files by the lines they
// cover: their own and the next.
func ignoresByLine(fset *token.FileSet, files []*ast.File) map[string][]*ignore {
	m := map[string][]*ignore{}
	for _, f := range files {
		for _, ig := range fileIgnores(fset, f) {
			m[posKey(ig.path, ig.line)] = append(m[posKey(ig.path, ig.line)], ig)
			m[posKey(ig.path, ig.line+1)] = append(m[posKey(ig.path, ig.line+1)], ig)
		}
	}
	return m
}

func posKey(file string, line int) string {
	return file + ":" + strconv.Itoa(line)
}

// WithFilter returns a copy of a that drops the diagnostics keep rejects,
// given their rule id and file name, so that go vet honours the same
// configuration (disabled rules, excluded paths) as the authvet CLI. The
// copy shares a's flags, facts and requirements.
func WithFilter(a *analysis.Analyzer, keep func(ruleID, filename string) bool) *analysis.Analyzer {
	c := *a
	c.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			if keep(RuleID(a, d.Category), pass.Fset.Position(d.Pos).Filename) {
				report(d)
			}
		}
		return a.Run(&p)
	}
	return &c
}
