package tokenlog

import (
	"go/token"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// Masked copies built by a helper.
//
// A configuration is often logged through a helper that returns a copy
// with its credentials masked: log.Printf("%+v", cfg.redacted()), where
// redacted copies the receiver, overwrites each credential field with a
// constant ("[redacted]") or with the result of a masking function, and
// returns the copy. The value such a call returns prints the masks, so a
// struct printed whole is judged by the helper's body: it counts as
// masked when every value it returns is a local copy in which each
// credential field that may be set at the return holds a mask there
// (constBefore). A helper that returns the credential on some path, or
// fills the field from anything but a mask, leaves the print reported.
//
// A masking function takes one string and returns a constant on every
// path, or its parameter only where the parameter is empty
// (func redact(s string) string { if s == "" { return s }; return "***" }).
//
// Only helpers in the package being analyzed are read (their bodies are
// in its SSA form); a helper from another package is not a mask.

// isMasker reports whether fn is a masking function.
func (ps *pkgState) isMasker(fn *ssa.Function) bool {
	if fn == nil || fn.Blocks == nil || len(fn.Params) != 1 {
		return false
	}
	if v, ok := ps.maskers[fn]; ok {
		return v
	}
	ps.maskers[fn] = false
	p := fn.Params[0]
	res := fn.Signature.Results()
	if res.Len() != 1 || !credsrc.StringLike(p.Type()) || !credsrc.StringLike(res.At(0).Type()) {
		return false
	}
	returns := 0
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		returns++
		switch r := ret.Results[0].(type) {
		case *ssa.Const:
			if isZeroConst(r) {
				return false // "" is no mask: the caller's value is dropped, not hidden
			}
		case *ssa.Parameter:
			if r != p || !onlyWhenEmpty(b, p) {
				return false
			}
		default:
			return false
		}
	}
	ps.maskers[fn] = returns > 0
	return returns > 0
}

// onlyWhenEmpty reports whether block b runs only when x is empty: it is
// dominated by the successor of a test of x taken when x is empty.
func onlyWhenEmpty(b *ssa.BasicBlock, x ssa.Value) bool {
	for d := b; d != nil; d = d.Idom() {
		if len(d.Preds) != 1 {
			continue
		}
		test := d.Preds[0]
		ifi, ok := test.Instrs[len(test.Instrs)-1].(*ssa.If)
		if !ok || len(test.Succs) != 2 || test.Succs[0] == test.Succs[1] {
			continue
		}
		y, nonEmpty, ok := emptinessTest(ifi.Cond)
		if ok && y == x && test.Succs[1-nonEmpty] == d {
			return true
		}
	}
	return false
}

// maskCall reports whether v, a value stored to a credential field, is
// the result of a masking function.
func (ps *pkgState) maskCall(v ssa.Value) bool {
	c, ok := v.(*ssa.Call)
	return ok && ps.isMasker(c.Call.StaticCallee())
}

// maskedResult reports whether x, a struct about to be printed whole, is
// the result of a helper of the package that returns a masked copy.
// When the helper masks some credential fields but not all, left is the
// first it leaves, which the report names.
func (f *fnState) maskedResult(x ssa.Value) (masked bool, left *credField) {
	call, ok := x.(*ssa.Call)
	if !ok {
		return false, nil
	}
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Blocks == nil || fn.Pkg != f.st.ssaPkg || fn == f.fn {
		return false, nil
	}
	if v, ok := f.st.maskedCopies[fn]; ok {
		return v.masked, v.left
	}
	f.st.maskedCopies[fn] = maskVerdict{}
	v := f.judgeMaskCopy(fn)
	f.st.maskedCopies[fn] = v
	return v.masked, v.left
}

// maskVerdict is what maskedResult found for one helper.
type maskVerdict struct {
	masked bool
	left   *credField
}

func (f *fnState) judgeMaskCopy(fn *ssa.Function) maskVerdict {
	g := newFnState(f.st, fn, false, nil)
	returns := 0
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		returns++
		ld, ok := ret.Results[0].(*ssa.UnOp)
		if !ok || ld.Op != token.MUL {
			return maskVerdict{}
		}
		a, ok := ld.X.(*ssa.Alloc)
		if !ok {
			return maskVerdict{}
		}
		masked := 0
		for _, c := range f.st.credFields(deref(a.Type()), "", "", 0) {
			if _, plain := f.st.plain[c.v]; plain || !g.setBefore(a, ld, c.path) {
				continue // holds no credential (credsrc.Holders), or not set
			}
			if !g.constBefore(a, ld, c.path) {
				c := c
				return maskVerdict{left: &c}
			}
			masked++
		}
		if masked == 0 {
			// Nothing masked: not a redacting helper, whatever it
			// returns (an empty struct prints no credential anyway).
			return maskVerdict{}
		}
	}
	return maskVerdict{masked: returns > 0}
}
