package oauthredirect

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// verdictResult reports whether a function returns a verdict: a bool
// first result (isSafe(u) bool), or a struct, or a pointer to one, that
// carries a bool field (check, err := checkRedirect(u), then
// check.Valid). Whether the function checks a parameter is decided from
// its body either way (creditOf); the result's type only says that a
// caller can act on the answer.
func verdictResult(sig *types.Signature) bool {
	if resultIsBool(sig) {
		return true
	}
	if sig.Results().Len() == 0 {
		return false
	}
	t := sig.Results().At(0).Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < s.NumFields(); i++ {
		if isBool(s.Field(i).Type()) {
			return true
		}
	}
	return false
}

// passedOn returns the results of a call that are computed from the
// value passed as parameter idx: a helper that trims or normalises the
// URL (normalizeOrigin(u) returning its host) hands the same URL on,
// and a check of its result is a check of the URL. For a function of
// this package the results are traced to the parameter whether or not
// the helper checked something on the way (a port compared with "443"
// makes no allow-list); for another package's, its fact's unvalidated
// returns are what is known. The result is taken as the whole URL: a
// comparison with a non-empty value or a lookup counts.
func (st *state) passedOn(call *ssa.Call, c callee, s *summary, idx int) []ssa.Value {
	rets := s.rets
	if c.fn != nil && len(c.fn.Blocks) > 0 && (st.local(c.fn) || c.fn.Parent() != nil) {
		rets = st.derived(c.fn)
	}
	var out []ssa.Value
	for _, i := range sortedKeys(rets) {
		for _, o := range rets[i] {
			if o.param != idx {
				continue
			}
			if call.Call.Signature().Results().Len() == 1 {
				out = append(out, call)
			} else {
				out = append(out, extracts(call, i)...)
			}
			break
		}
	}
	return out
}

// derived returns, per result of fn, the origins its returned values are
// computed from, checked or not.
func (st *state) derived(fn *ssa.Function) map[int][]origin {
	out := map[int][]origin{}
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for i, r := range ret.Results {
				t := &tracer{st: st, seen: map[ssa.Value]bool{}, all: true}
				out[i] = append(out[i], t.value(r)...)
			}
		}
	}
	return out
}
