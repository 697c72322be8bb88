package scopecheck

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/astparent"
)

// A credential handed to a function, or used as a map key, is a check
// only if the result decides what the handler does next: it is (part
// of) a condition, it is returned, or it is assigned to a variable that
// a condition or a return reads (ok, err, the record found). A
// credential read and passed to a translation, a formatter or a logger
// (i18n.T(r.Header.Get("Authorization"))) is not authentication.

// gates reports whether the value of e, an expression of the scanned
// function, decides a branch or is returned.
func (s *scan) gates(e ast.Expr) bool {
	parents := s.parentMap()
	var n ast.Node = e
	for {
		p := parents[n]
		switch p := p.(type) {
		case *ast.ParenExpr, *ast.UnaryExpr, *ast.BinaryExpr, *ast.StarExpr:
			n = p
			continue
		case *ast.IfStmt:
			return n == p.Cond
		case *ast.SwitchStmt:
			return n == p.Tag
		case *ast.CaseClause:
			return true
		case *ast.ForStmt:
			return n == p.Cond
		case *ast.ReturnStmt:
			return true
		case *ast.AssignStmt:
			var objs []types.Object
			for _, l := range p.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && id.Name != "_" {
					if o := s.info.ObjectOf(id); o != nil {
						objs = append(objs, o)
					}
				}
			}
			return s.decides(objs)
		case *ast.ValueSpec:
			var objs []types.Object
			for _, id := range p.Names {
				if o := s.info.Defs[id]; o != nil && id.Name != "_" {
					objs = append(objs, o)
				}
			}
			return s.decides(objs)
		}
		return false
	}
}

// decides reports whether a condition or a return statement of the
// scanned function reads one of objs.
func (s *scan) decides(objs []types.Object) bool {
	if len(objs) == 0 {
		return false
	}
	want := map[types.Object]bool{}
	for _, o := range objs {
		want[o] = true
	}
	reads := func(e ast.Node) bool {
		found := false
		if e == nil {
			return false
		}
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && want[s.info.Uses[id]] {
				found = true
			}
			return !found
		})
		return found
	}
	found := false
	s.inspect(func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.IfStmt:
			found = n.Cond != nil && reads(n.Cond)
		case *ast.SwitchStmt:
			found = n.Tag != nil && reads(n.Tag)
		case *ast.CaseClause:
			for _, e := range n.List {
				found = found || reads(e)
			}
		case *ast.ForStmt:
			found = n.Cond != nil && reads(n.Cond)
		case *ast.ReturnStmt:
			for _, e := range n.Results {
				found = found || reads(e)
			}
		}
		return !found
	})
	return found
}

// parentMap returns the parent of each node of the scanned function's
// body, built on first use.
func (s *scan) parentMap() map[ast.Node]ast.Node {
	if s.parents != nil {
		return s.parents
	}
	s.parents = map[ast.Node]ast.Node{}
	astparent.Record(s.fi.body, s.parents, nil)
	return s.parents
}
