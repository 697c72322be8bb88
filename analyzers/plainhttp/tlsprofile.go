package plainhttp

import (
	"crypto/tls"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/optin"
	"golang.org/x/tools/go/ssa"
)

// offeredProfile reports whether the node on top of stack sits in one
// case of a switch on a value known only at run time, while another case
// of the same switch sets field to TLS 1.2 or later. The function then
// offers a choice of profiles (Mozilla's modern, intermediate and old)
// and the caller or the operator picks the legacy one, as with a
// constant chosen by a condition on a flag. A switch on a parameter that
// a call in the package fills with a constant is the program's own
// choice and does not count.
func (c *checker) offeredProfile(field string, stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 2; i-- {
		switch clause := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			// The same choice written as an if/else-if chain over one
			// run-time value: if c.TLSMinVersion == "1.0" {…} else if
			// … == "1.2" {…} (nightingale's tlsx).
			if stack[i+1] == clause.Body && c.chainOffersStrong(clause, stack[:i+1], field) {
				return true
			}
		case *ast.CaseClause:
			sw, ok := stack[i-2].(*ast.SwitchStmt)
			if !ok || sw.Tag == nil || stack[i-1] != sw.Body {
				continue
			}
			if tv, ok := c.pass.TypesInfo.Types[sw.Tag]; ok && tv.Value != nil {
				continue // switch on a constant: no choice
			}
			if c.constantArgument(sw.Tag, stack[:i-1]) {
				continue
			}
			if c.strongElsewhere(sw, clause, field) {
				return true
			}
		}
	}
	return false
}

// constantArgument reports whether tag is a parameter of its function
// that some call in the package passes a constant.
func (c *checker) constantArgument(tag ast.Expr, stack []ast.Node) bool {
	v := c.valueOf(tag, stack)
	p, ok := v.(*ssa.Parameter)
	if !ok {
		return false
	}
	fn := p.Parent()
	idx := -1
	for i, q := range fn.Params {
		if q == p {
			idx = i
		}
	}
	if idx < 0 {
		return false
	}
	for _, f := range c.ssaForm().funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok || call.Common().StaticCallee() != fn {
					continue
				}
				args := call.Common().Args
				if idx < len(args) {
					if _, isConst := args[idx].(*ssa.Const); isConst {
						return true
					}
				}
			}
		}
	}
	return false
}

// strongElsewhere reports whether a case of sw other than clause sets
// field (MinVersion or MaxVersion) to a constant of TLS 1.2 or later.
func (c *checker) strongElsewhere(sw *ast.SwitchStmt, clause *ast.CaseClause, field string) bool {
	for _, s := range sw.Body.List {
		other, ok := s.(*ast.CaseClause)
		if ok && other != clause && c.strongIn(other.Body, field) {
			return true
		}
	}
	return false
}

// strongIn reports whether the statements set field (MinVersion or
// MaxVersion) of a tls.Config to a constant of TLS 1.2 or later.
func (c *checker) strongIn(stmts []ast.Stmt, field string) bool {
	strong := func(e ast.Expr) bool {
		tv, ok := c.pass.TypesInfo.Types[e]
		if !ok || tv.Value == nil {
			return false
		}
		n, ok := constant.Uint64Val(constant.ToInt(tv.Value))
		return ok && n >= tls.VersionTLS12
	}
	found := false
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if !isTLSConfig(typeOf(c.pass.TypesInfo, n)) {
					break
				}
				for _, e := range n.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field && strong(kv.Value) {
						found = true
					}
				}
			case *ast.AssignStmt:
				if n.Tok != token.ASSIGN {
					break
				}
				for j, l := range n.Lhs {
					sel, ok := l.(*ast.SelectorExpr)
					if ok && j < len(n.Rhs) && sel.Sel.Name == field && isTLSConfig(typeOf(c.pass.TypesInfo, sel.X)) && strong(n.Rhs[j]) {
						found = true
					}
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// chainOffersStrong reports whether ifs is a link of an if/else-if chain
// whose conditions compare one run-time value with constants
// (v == "1.0", v == "1.2"), while another link sets field to TLS 1.2 or
// later: a table of the versions the operator picks from. stack ends
// with ifs.
func (c *checker) chainOffersStrong(ifs *ast.IfStmt, stack []ast.Node, field string) bool {
	subject := c.comparedValue(ifs.Cond)
	if subject == nil || c.constantArgument(subject, stack) {
		return false
	}
	key := types.ExprString(subject)
	// The head of the chain: while the parent's Else is this link.
	head := ifs
	for j := len(stack) - 2; j >= 0; j-- {
		p, ok := stack[j].(*ast.IfStmt)
		if !ok || p.Else != stack[j+1] {
			break
		}
		head = p
	}
	branches, conds := optin.Chain(head)
	for i, b := range branches {
		if b == ifs.Body {
			continue
		}
		if i == len(conds) {
			return c.strongIn(b.List, field) // the final else
		}
		if v := c.comparedValue(conds[i]); v != nil && types.ExprString(v) == key && c.strongIn(b.List, field) {
			return true
		}
	}
	return false
}

// comparedValue returns X of a condition X == constant (or constant ==
// X) where X is not constant, else nil.
func (c *checker) comparedValue(cond ast.Expr) ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL {
		return nil
	}
	isConst := func(e ast.Expr) bool {
		tv, ok := c.pass.TypesInfo.Types[e]
		return ok && tv.Value != nil
	}
	switch {
	case isConst(b.Y) && !isConst(b.X):
		return b.X
	case isConst(b.X) && !isConst(b.Y):
		return b.Y
	}
	return nil
}
