package tokenlog

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// strings.Replacer. A template filled by a replacer holds what the
// replacer puts in: strings.NewReplacer("__TOKEN__", token).Replace(tmpl)
// carries the token (kuma's CNI installer substitutes the node's
// service-account token into the operator's config and logs the
// result). NewReplacer takes old, new pairs: the new strings (odd
// positions) flow into the replacer, the old ones do not, and a
// replacer whose old strings hold a credential masks it
// (strings.NewReplacer(password, "****").Replace(cmd)), as
// strings.ReplaceAll does (replacemask.go): the text it is given then
// keeps its parameters but not that credential.

// replacerTaint returns the taint of a strings.NewReplacer call or of a
// (*strings.Replacer).Replace call, and ok; !ok for any other call.
func (f *fnState) replacerTaint(fn *types.Func, args []ssa.Value, recv ssa.Value) (taint, bool) {
	if fn.Pkg() == nil || fn.Pkg().Path() != "strings" {
		return taint{}, false
	}
	switch {
	case fn.Name() == "NewReplacer" && len(args) == 1:
		newT, _ := f.replacerPairs(args[0])
		return newT, true
	case fn.Name() == "Replace" && len(args) == 1 && recv != nil && isStringsReplacer(recv.Type()):
		t := f.recvVal(recv)
		text := f.deep(args[0])
		if nr, ok := recv.(*ssa.Call); ok {
			if callee := nr.Call.StaticCallee(); callee != nil && callee.Name() == "NewReplacer" && callee.Pkg != nil && callee.Pkg.Pkg.Path() == "strings" && len(nr.Call.Args) == 1 {
				if _, oldT := f.replacerPairs(nr.Call.Args[0]); oldT.tr != nil && text.tr != nil && oldT.tr.src == text.tr.src {
					text = text.withoutTrace() // the credential is replaced
				}
			}
		}
		return t.union(text), true
	}
	return taint{}, false
}

// replacerPairs returns the taint of the new strings (odd positions) and
// of the old ones (even positions) of NewReplacer's variadic argument,
// as the call builds it (the array SSA allocates for the arguments); a
// slice passed on whole (NewReplacer(pairs...)) is all new strings.
func (f *fnState) replacerPairs(v ssa.Value) (newT, oldT taint) {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return f.deep(v), taint{}
	}
	a, ok := sl.X.(*ssa.Alloc)
	if !ok || a.Referrers() == nil {
		return f.deep(v), taint{}
	}
	for _, r := range *a.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		k, ok := constIndex(ia.Index)
		if !ok {
			return f.deep(v), taint{}
		}
		for _, s := range *ia.Referrers() {
			st, ok := s.(*ssa.Store)
			if !ok || st.Addr != ia {
				continue
			}
			if k%2 == 1 {
				newT = newT.union(f.deep(st.Val))
			} else {
				oldT = oldT.union(f.deep(st.Val))
			}
		}
	}
	return newT, oldT
}

// isStringsReplacer reports whether t is *strings.Replacer.
func isStringsReplacer(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "strings" && n.Obj().Name() == "Replacer"
}
