package scopecheck

import (
	"go/ast"
	"go/types"
)

// Callees in separate cases of one switch.
//
// A dispatcher runs one case per request (lenpaste's Hand: switch
// req.URL.Path { case "/api/v1/new": data.newHand(rw, req); case
// "/api/v1/get": data.getHand(rw, req) }): the authentication newHand
// makes never precedes the work getHand does, so the dispatcher does not
// "authenticate and then work" through them. Each callee is judged with
// what runs on its own path: the authentication of a callee counts for
// work in the same case, or outside the switch.

// caseAt is a case clause around a call, with the body of the switch or
// select statement it belongs to.
type caseAt struct {
	clause, body ast.Node
}

// recordCases records the case clauses around the call of fn, innermost
// first. A callee called at several places keeps the clauses common to
// all of them (none when one call is outside every switch).
func (s *scan) recordCases(fn *types.Func, call *ast.CallExpr) {
	var chain []caseAt
	parents := s.parentMap()
	for p := parents[call]; p != nil; p = parents[p] {
		if _, ok := p.(*ast.FuncLit); ok {
			break
		}
		switch p.(type) {
		case *ast.CaseClause, *ast.CommClause:
			chain = append(chain, caseAt{p, parents[p]})
		}
	}
	if s.fi.calleeCases == nil {
		s.fi.calleeCases = map[*types.Func][]caseAt{}
	}
	prev, seen := s.fi.calleeCases[fn]
	if !seen {
		s.fi.calleeCases[fn] = chain
		return
	}
	var common []caseAt
	for _, c := range prev {
		for _, d := range chain {
			if c == d {
				common = append(common, c)
			}
		}
	}
	s.fi.calleeCases[fn] = common
}

// exclusive reports whether the calls of a and b in fi are in different
// cases of one switch (clauses sharing the statement's body), so that no
// request runs both.
func (st *state) exclusive(fi *fnInfo, a, b *types.Func) bool {
	if a == nil || b == nil || a == b {
		return false
	}
	for _, x := range fi.calleeCases[a] {
		for _, y := range fi.calleeCases[b] {
			if x.clause != y.clause && x.body == y.body {
				return true
			}
		}
	}
	return false
}
