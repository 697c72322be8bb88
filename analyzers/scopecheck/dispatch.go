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

// recordCases records the case clauses around the call of fn, innermost
// first. A callee called at several places keeps the clauses common to
// all of them (none when one call is outside every switch).
func (s *scan) recordCases(fn *types.Func, call *ast.CallExpr) {
	var chain []ast.Node
	parents := s.parentMap()
	for p := parents[call]; p != nil; p = parents[p] {
		if _, ok := p.(*ast.FuncLit); ok {
			break
		}
		switch p.(type) {
		case *ast.CaseClause, *ast.CommClause:
			chain = append(chain, p)
		}
	}
	if s.fi.calleeCases == nil {
		s.fi.calleeCases = map[*types.Func][]ast.Node{}
	}
	prev, seen := s.fi.calleeCases[fn]
	if !seen {
		s.fi.calleeCases[fn] = chain
		return
	}
	var common []ast.Node
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
// cases of one switch, so that no request runs both.
func (st *state) exclusive(fi *fnInfo, a, b *types.Func) bool {
	if a == nil || b == nil || a == b {
		return false
	}
	ca, cb := fi.calleeCases[a], fi.calleeCases[b]
	for _, x := range ca {
		for _, y := range cb {
			if x != y && st.sameSwitch(fi, x, y) {
				return true
			}
		}
	}
	return false
}

// sameSwitch reports whether clauses x and y belong to one switch or
// select statement (they share its body).
func (st *state) sameSwitch(fi *fnInfo, x, y ast.Node) bool {
	found := false
	ast.Inspect(fi.body, func(n ast.Node) bool {
		if found {
			return false
		}
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.SwitchStmt:
			body = n.Body
		case *ast.TypeSwitchStmt:
			body = n.Body
		case *ast.SelectStmt:
			body = n.Body
		default:
			return true
		}
		hx, hy := false, false
		for _, c := range body.List {
			hx = hx || c == x
			hy = hy || c == y
		}
		found = hx && hy
		return !found
	})
	return found
}
