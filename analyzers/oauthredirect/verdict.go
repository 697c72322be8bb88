package oauthredirect

import "go/types"

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
