package tokenlog

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// Masks set where a credential is present.
//
// A copy of a configuration is often masked only where the credential
// is set: masked := *cfg; if len(cfg.JWT.Secret) != 0 {
// masked.JWT.Secret = "XXXXXXXX" }; log.Printf("%+v", masked). On the
// path where the mask is skipped the field is empty, so the print shows
// the mask or nothing. A constant store to a field counts as done before
// the print when it sits in the branch of a test that the field is not
// empty (len(x) != 0, len(x) > 0, x != "", x != nil, or the else branch
// of the negated test), the test runs on every path to the print, and
// the tested value is that field: of the copy itself, or of the value
// it was copied from, read the same way (the same package variable,
// parameter or local). A mask under any other condition (a flag, a
// length over some bound) leaves the credential on one path and is
// still reported.

// maskedWhenSet reports whether s, a constant store to path p of local
// allocation a, runs on every path to at on which p is not empty.
func (f *fnState) maskedWhenSet(a *ssa.Alloc, s allocWrite, at ssa.Instruction, p string) bool {
	sb, ab := s.instr.Block(), at.Block()
	if sb == nil || ab == nil || sb.Parent() != ab.Parent() || len(sb.Preds) != 1 {
		return false
	}
	test := sb.Preds[0]
	if len(test.Succs) != 2 || test.Succs[0] == test.Succs[1] || test.Succs[1-indexOf(test.Succs, sb)] == sb {
		return false
	}
	ifi, ok := test.Instrs[len(test.Instrs)-1].(*ssa.If)
	if !ok || !test.Dominates(ab) || test == ab {
		return false
	}
	x, nonEmpty, ok := emptinessTest(ifi.Cond)
	if !ok || test.Succs[nonEmpty] != sb {
		return false
	}
	return f.isFieldOf(a, x, p)
}

func indexOf(bs []*ssa.BasicBlock, b *ssa.BasicBlock) int {
	for i, c := range bs {
		if c == b {
			return i
		}
	}
	return -1
}

// emptinessTest recognises a test that a string, slice or map x is not
// empty; nonEmpty is the successor taken when it is not.
func emptinessTest(cond ssa.Value) (x ssa.Value, nonEmpty int, ok bool) {
	b, isBin := cond.(*ssa.BinOp)
	if !isBin {
		return nil, 0, false
	}
	l, r, op := b.X, b.Y, b.Op
	if isEmptyConst(l) {
		// 0 < len(x), "" != x: put x on the left.
		l, r = r, l
		switch op {
		case token.LSS:
			op = token.GTR
		case token.GEQ:
			op = token.LEQ
		}
	}
	if !isEmptyConst(r) {
		return nil, 0, false
	}
	if c, isCall := l.(*ssa.Call); isCall {
		if bi, isBuiltin := c.Call.Value.(*ssa.Builtin); isBuiltin && bi.Name() == "len" && len(c.Call.Args) == 1 {
			l = c.Call.Args[0]
		} else {
			return nil, 0, false
		}
	}
	switch op {
	case token.NEQ, token.GTR:
		return l, 0, true
	case token.EQL, token.LEQ:
		return l, 1, true
	}
	return nil, 0, false
}

// isEmptyConst reports whether v is 0, "" or nil.
func isEmptyConst(v ssa.Value) bool {
	_, ok := v.(*ssa.Const)
	return ok && isZeroConst(v)
}

// isFieldOf reports whether x is a read of path p of allocation a, or of
// the value a was copied from.
func (f *fnState) isFieldOf(a *ssa.Alloc, x ssa.Value, p string) bool {
	ld, ok := x.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	root, path := addr(ld.X)
	if path != p {
		return false
	}
	if root == a {
		return true
	}
	for _, w := range f.allocWrites(a) {
		st, ok := w.instr.(*ssa.Store)
		if !ok || w.path != "" || st.Addr != a {
			continue
		}
		if src, ok := st.Val.(*ssa.UnOp); ok && src.Op == token.MUL && sameRef(src.X, root) {
			return true
		}
	}
	return false
}

// sameRef reports whether two pointers are read the same way: the same
// value, or loads of the same package variable, parameter or local.
func sameRef(x, y ssa.Value) bool {
	if x == y {
		return true
	}
	lx, ok1 := x.(*ssa.UnOp)
	ly, ok2 := y.(*ssa.UnOp)
	if !ok1 || !ok2 || lx.Op != token.MUL || ly.Op != token.MUL {
		return false
	}
	switch lx.X.(type) {
	case *ssa.Global, *ssa.Alloc, *ssa.Parameter, *ssa.FreeVar:
		return lx.X == ly.X
	}
	return false
}
