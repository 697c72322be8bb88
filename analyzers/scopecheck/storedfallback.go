package scopecheck

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A helper that returns the caller a middleware stored in the request
// context, and authenticates the request itself only when none was
// stored (gin-vue-admin's GetUserAuthorityId: c.Get("claims"), else
// parse the x-token header), relies on the middleware: behind it, the
// token is never parsed here. A handler calling such a helper is judged
// where it is registered, under that middleware (scopecheck/route), not
// as a handler that authenticates itself. The authentication in the
// fallback branch does not make the helper authenticate.

// fallbackToStored reports whether n runs only when the request
// context holds no caller: in the body of a branch that tests the
// caller's absence (if v, ok := c.Get("claims"); !ok {…}, if u == nil
// {…}), or in the else of one that tests its presence.
func (s *scan) fallbackToStored(n ast.Node) bool {
	parents := s.parentMap()
	child := n
	for p := parents[child]; p != nil; child, p = p, parents[p] {
		if blk, ok := p.(*ast.BlockStmt); ok && s.afterStoredReturn(blk, child) {
			return true
		}
		ifs, ok := p.(*ast.IfStmt)
		if !ok {
			continue
		}
		absent, ok := s.storedCallerTest(ifs)
		if !ok {
			continue
		}
		if (child == ifs.Body && absent) || (child == ifs.Else && !absent) {
			return true
		}
	}
	return false
}

// afterStoredReturn reports whether stmt, a statement of blk, comes
// after an `if claims, ok := c.Get("claims"); ok { return … }` with no
// else: it runs only when the context holds no caller.
func (s *scan) afterStoredReturn(blk *ast.BlockStmt, stmt ast.Node) bool {
	for _, st := range blk.List {
		if st == stmt {
			return false
		}
		ifs, ok := st.(*ast.IfStmt)
		if !ok || ifs.Else != nil || len(ifs.Body.List) == 0 {
			continue
		}
		if _, isRet := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); !isRet {
			continue
		}
		if absent, ok := s.storedCallerTest(ifs); ok && !absent {
			return true
		}
	}
	return false
}

// storedCallerTest says whether the condition of ifs tests that the
// request context holds a caller (absent false) or holds none (absent
// true): the ok of a read of the stored caller, or the value read
// against nil.
func (s *scan) storedCallerTest(ifs *ast.IfStmt) (absent, ok bool) {
	cond := ast.Unparen(ifs.Cond)
	if u, isNot := cond.(*ast.UnaryExpr); isNot && u.Op == token.NOT {
		if s.storedCallerOK(u.X) {
			return true, true
		}
		return false, false
	}
	if s.storedCallerOK(cond) {
		return false, true
	}
	if b, isBin := cond.(*ast.BinaryExpr); isBin && (b.Op == token.EQL || b.Op == token.NEQ) {
		v := b.X
		if isNil(s.info, b.X) {
			v = b.Y
		} else if !isNil(s.info, b.Y) {
			return false, false
		}
		if s.ctxCallerValue(v, 0) {
			return b.Op == token.EQL, true
		}
	}
	return false, false
}

// storedCallerOK reports whether e is the ok result of a read of the
// caller stored in the request context (claims, exists := c.Get("claims")),
// by the assignments collectAssigns indexed.
func (s *scan) storedCallerOK(e ast.Expr) bool {
	id, isIdent := ast.Unparen(e).(*ast.Ident)
	if !isIdent {
		return false
	}
	obj, isVar := s.info.ObjectOf(id).(*types.Var)
	if !isVar {
		return false
	}
	for _, rhs := range s.assigns[obj] {
		if call, isCall := ast.Unparen(rhs).(*ast.CallExpr); isCall && s.ctxCallerRead(call) != "" {
			return true
		}
	}
	return false
}
