package tokenlog

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A copy of a request's headers, masked.
//
// h := r.Header.Clone() holds the request's Authorization and Cookie
// values like r.Header itself, so logging the copy logs them (nuclio's
// request logger masks "cookie" and its own session header on the copy,
// and logs Authorization). A copy on which the function sets both
// Authorization and Cookie to a constant, or deletes them (anywhere in
// the function: the analysis is not path-sensitive there, which favours
// precision), holds neither.

// maskedHeaderClone reports whether v is a call of http.Header's Clone
// whose result the function masks: both credential headers deleted or
// set to a constant on it.
func (f *fnState) maskedHeaderClone(fn *types.Func, v *ssa.Call) bool {
	if v == nil || fn == nil || fn.Name() != "Clone" || !isPkgType(v.Type(), "net/http", "Header") {
		return false
	}
	masked := map[string]bool{}
	for _, r := range *v.Referrers() {
		if name, _ := maskedHeader(r, func(h ssa.Value) bool { return h == v }); name != "" {
			masked[name] = true
		}
	}
	return masked["Authorization"] && masked["Cookie"]
}
