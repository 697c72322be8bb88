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

// passedOn returns the results of a call that its callee's summary
// traces back to parameter idx unvalidated: a helper that trims or
// normalises the URL (normalizeOrigin(u) returning its host) hands the
// same URL on, and a check of its result is a check of the URL. The
// result is taken as the whole URL: a comparison with a non-empty value
// or a lookup counts, and the host-only checks need the URL's own host.
func passedOn(call *ssa.Call, s *summary, idx int) []ssa.Value {
	var out []ssa.Value
	for _, i := range sortedKeys(s.rets) {
		for _, o := range s.rets[i] {
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
