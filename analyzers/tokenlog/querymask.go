package tokenlog

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// A served request's query string, parsed and masked.
//
// A request logger often parses the query string (url.ParseQuery of
// r.URL.RawQuery) and overwrites or deletes the credential parameters
// before logging the rest: vals.Set("token", "redacted"),
// vals.Del("api_key"). The parameters so masked are not logged; the
// credential parameters the program reads that are not masked still
// are (a logger that masks "token" while another handler reads
// "accessToken"). The query string is a source only for those left, and
// the finding names one of them.

// unmaskedParams returns the names of params that the query string v
// (a load of a served request's URL.RawQuery) still carries when every
// use of v is url.ParseQuery, minus those each parsed result masks:
// Del(name), or Set(name, constant) with a constant name. Any other use
// of v keeps every name.
func unmaskedParams(v ssa.Value, params []string) []string {
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 {
		return params
	}
	masked := map[string]bool{}
	first := true
	for _, r := range *refs {
		if _, ok := r.(*ssa.DebugRef); ok {
			continue
		}
		call, ok := r.(*ssa.Call)
		if !ok || !isURLFunc(call.Call.StaticCallee(), "", "ParseQuery") {
			return params
		}
		m := maskedOn(call)
		if first {
			masked, first = m, false
			continue
		}
		for n := range masked {
			if !m[n] {
				delete(masked, n)
			}
		}
	}
	var left []string
	for _, p := range params {
		if !masked[p] {
			left = append(left, p)
		}
	}
	return left
}

// maskedOn returns the parameter names masked on the Values that call
// (url.ParseQuery) returns.
func maskedOn(call *ssa.Call) map[string]bool {
	out := map[string]bool{}
	refs := call.Referrers()
	if refs == nil {
		return out
	}
	for _, r := range *refs {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 0 || ex.Referrers() == nil {
			continue
		}
		for _, u := range *ex.Referrers() {
			c, ok := u.(ssa.CallInstruction)
			if !ok {
				continue
			}
			cc := c.Common()
			callee := cc.StaticCallee()
			if len(cc.Args) < 2 || cc.Args[0] != ex {
				continue
			}
			name, ok := credsrc.ConstString(cc.Args[1])
			if !ok {
				continue
			}
			switch {
			case isURLFunc(callee, "Values", "Del"):
				out[name] = true
			case isURLFunc(callee, "Values", "Set") && len(cc.Args) == 3:
				if _, ok := cc.Args[2].(*ssa.Const); ok {
					out[name] = true
				}
			}
		}
	}
	return out
}

// isURLFunc reports whether fn is net/url's function name (recv "") or
// method name of type recv.
func isURLFunc(fn *ssa.Function, recv, name string) bool {
	if fn == nil || fn.Name() != name {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	return ok && obj.Pkg() != nil && obj.Pkg().Path() == "net/url" && credsrc.RecvTypeName(obj) == recv
}
