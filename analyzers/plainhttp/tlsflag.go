package plainhttp

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// offeredByFlag is offeredProfile's rule for an if on a bool parameter:
//
//	func MakeTLS(cert, key []byte, legacy bool) *tls.Config {
//		if legacy {
//			return &tls.Config{MinVersion: tls.VersionTLS10}
//		}
//		return &tls.Config{MinVersion: tls.VersionTLS12}
//	}
//
// The function offers two profiles and its caller picks one, as with a
// switch on a run-time value (the glauth operator's LegacyTLS setting
// reaches it from another package). The weak setting must sit in one
// branch of an if whose condition is a bool parameter of the enclosing
// function (or its negation), and the other path (the else branch, or
// the statements after an if without else) must set the same field to
// TLS 1.2 or later. A parameter that a call in the package fills with a
// constant is the program's own choice and does not count.
func (c *checker) offeredByFlag(field string, stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 1; i-- {
		var ifs *ast.IfStmt
		switch s := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			ifs = s
		default:
			continue
		}
		if !c.boolParam(ifs.Cond, stack[:i+1]) {
			continue
		}
		switch stack[i+1] {
		case ifs.Body:
			if ifs.Else != nil {
				if els, ok := ifs.Else.(*ast.BlockStmt); ok && c.strongIn(els.List, field) {
					return true
				}
				continue
			}
			if blk, ok := stack[i-1].(*ast.BlockStmt); ok && c.strongIn(after(blk, ifs), field) {
				return true
			}
		case ifs.Else:
			if c.strongIn(ifs.Body.List, field) {
				return true
			}
		}
	}
	return false
}

// boolParam reports whether cond is a bool parameter of the enclosing
// function, or its negation, that no call in the package fills with a
// constant.
func (c *checker) boolParam(cond ast.Expr, stack []ast.Node) bool {
	cond = ast.Unparen(cond)
	if u, ok := cond.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		cond = ast.Unparen(u.X)
	}
	if _, ok := cond.(*ast.Ident); !ok {
		return false
	}
	p, ok := c.valueOf(cond, stack).(*ssa.Parameter)
	if !ok {
		return false
	}
	if b, ok := p.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return false
	}
	return !c.constantArgument(cond, stack)
}

// after returns the statements of blk that follow s.
func after(blk *ast.BlockStmt, s ast.Stmt) []ast.Stmt {
	for i, st := range blk.List {
		if st == s {
			return blk.List[i+1:]
		}
	}
	return nil
}
