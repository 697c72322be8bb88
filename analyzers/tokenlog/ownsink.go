package tokenlog

import (
	"go/token"
	"sort"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Where a flow through a helper is reported.
//
// A function whose parameter reaches a sink is one of two kinds, and
// the kind decides where a caller's credential is reported:
//
//   - A forwarder only hands the parameter on to the sink (a log
//     wrapper: func debugf(format string, args ...any), func
//     logToken(t string) { log.Printf("t=%s", t) }). What is logged is
//     the caller's choice, each call is a leak of its own, and each is
//     reported at the call, with the wrapper's sink in the code flow.
//   - A helper that does something else with the parameter (parses,
//     decodes, compares, returns or stores it) and also writes it to a
//     sink on the way (func splitAuthHeader(h string) echoing h in its
//     error) owns the sink (paramSink.Own): the leak is in the helper,
//     and however many callers pass it a credential there is one
//     finding, at the sink inside the helper, whose code flow runs from
//     the first caller's source (in source order) through each call to
//     the sink; the message counts the other calls.
//
// Across packages, positions do not travel with facts, and the helper's
// package is analysed before its callers, without knowing what they pass.
// A flow into another package's own-sink helper is therefore reported
// in the caller's package once per helper sink (the first call, in
// source order; the message counts the other calls of the package), and
// a flow into another package's forwarder at each call, as within one
// package. A parameter that is a credential by name is reported by the
// helper itself whatever its callers pass (paramSink.Self), as before.
//
// The variadic or []any list parameter (listParam) is a list of things
// to log: it is always forwarded.

// sinkSite is where an own-sink flow is reported: the innermost sink
// call of the package being analysed, the function that holds it, and
// the calls that lead there from the function whose summary holds the
// entry.
type sinkSite struct {
	pos  token.Pos
	fn   string
	hops []analysis.RelatedInformation
	// ext is set for the call of another package's own-sink helper,
	// reported at the first such call of the package: key identifies
	// the helper's sink.
	ext bool
	key string
}

// pending is a leak of one call, before it is reported: key is set for
// an own-sink flow, merged with the other calls that reach the same
// sink (pkgState.merge); from names the calling function.
type pending struct {
	analysis.Diagnostic
	key  string
	from string
	call token.Pos
}

// merged is one own-sink finding and the calls that reach it.
type merged struct {
	pending
	calls map[token.Pos]bool
}

// merge adds an own-sink leak: the first call in source order names the
// flow, the others are counted.
func (st *pkgState) merge(p pending) {
	m, ok := st.merged[p.key]
	if !ok {
		st.merged[p.key] = &merged{pending: p, calls: map[token.Pos]bool{p.call: true}}
		return
	}
	m.calls[p.call] = true
	if p.call < m.call {
		m.pending = p
	}
}

// mergedDiags returns the own-sink findings, their messages completed
// with the number of calls.
func (st *pkgState) mergedDiags() []analysis.Diagnostic {
	keys := make([]string, 0, len(st.merged))
	for k := range st.merged {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]analysis.Diagnostic, 0, len(keys))
	for _, k := range keys {
		m := st.merged[k]
		d := m.Diagnostic
		others := len(m.calls) - 1
		if m.from != "" {
			d.Message += ", passed by " + m.from
		}
		n := "1 other call"
		if others > 1 {
			n = strconv.Itoa(others) + " other calls"
		}
		switch {
		case others == 0:
		case m.from != "":
			d.Message += " and " + n
		default:
			d.Message += " (and " + n + " in this package)"
		}
		out = append(out, d)
	}
	return out
}

// dropShadowed returns diags without those at a sink that an own-sink
// finding in merged already reports under the same rule: a helper's
// parameter named secret, reported by its name, and the Authorization
// header its callers pass, followed to the same log call, are one leak
// at one place. The merged finding names where the value comes from.
func dropShadowed(diags, merged []analysis.Diagnostic) []analysis.Diagnostic {
	if len(merged) == 0 {
		return diags
	}
	type site struct {
		pos token.Pos
		cat string
	}
	at := map[site]bool{}
	for _, d := range merged {
		at[site{d.Pos, d.Category}] = true
	}
	out := diags[:0]
	for _, d := range diags {
		if !at[site{d.Pos, d.Category}] {
			out = append(out, d)
		}
	}
	return out
}

// consumes reports whether the function does something with parameter p
// besides handing it to a sink: the uses of the parameter are followed
// through the steps that build a log message (interface conversion,
// concatenation, the implicit array of a variadic call, calls whose
// result carries it, such as fmt.Sprintf), and any other use (a
// comparison, a return, a store, a field read, a call that does not
// lead to a sink) means the function consumes it.
func (f *fnState) consumes(p int) bool {
	if p == f.list || p < 0 || p >= len(f.fn.Params) || p >= 64 {
		return false
	}
	seen := map[ssa.Value]bool{}
	var uses func(v ssa.Value) bool
	// forwarded reports whether the call instruction hands the
	// parameter to a sink (directly or through a forwarder).
	forwarded := func(c *ssa.CallCommon) bool {
		for k := range f.sinks {
			if k.call == c && k.param == p {
				return true
			}
		}
		return false
	}
	uses = func(v ssa.Value) bool {
		if seen[v] {
			return false
		}
		seen[v] = true
		refs := v.Referrers()
		if refs == nil {
			return false
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case ssa.CallInstruction:
				if forwarded(r.Common()) {
					continue
				}
				if b, ok := r.Common().Value.(*ssa.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
					// A length read bounds the line (if len(msg) >
					// max { msg = msg[:max-12] + " [TRUNCATED]" }):
					// the wrapper still forwards what it is given.
					continue
				}
				call, ok := r.(*ssa.Call)
				if !ok {
					return true
				}
				t := f.vals[call]
				for _, tt := range f.tuples[call] {
					t = t.union(tt)
				}
				if t.params&(1<<uint(p)) == 0 {
					return true
				}
				if uses(call) {
					return true
				}
			case *ssa.MakeInterface, *ssa.ChangeType, *ssa.Convert, *ssa.ChangeInterface,
				*ssa.MultiConvert, *ssa.Slice, *ssa.Phi, *ssa.Extract:
				if uses(r.(ssa.Value)) {
					return true
				}
			case *ssa.BinOp:
				if r.Op != token.ADD || uses(r) {
					return true
				}
			case *ssa.Store:
				// The implicit array of a variadic call: followed to
				// the call through the slice of the array.
				ia, ok := r.Addr.(*ssa.IndexAddr)
				if !ok || r.Val != v {
					return true
				}
				al, ok := ia.X.(*ssa.Alloc)
				if !ok || al.Referrers() == nil {
					return true
				}
				for _, ar := range *al.Referrers() {
					switch ar := ar.(type) {
					case *ssa.IndexAddr, *ssa.DebugRef:
					case *ssa.Slice:
						if uses(ar) {
							return true
						}
					default:
						return true
					}
				}
			default:
				return true
			}
		}
		return false
	}
	return uses(f.fn.Params[p])
}

// logForwarders reports whether a parameter's way to its sink is a
// chain of forwarders (no function on it owns the sink) ending in a log
// or print sink: an in-house logger's layers (SysError → logHelper →
// fmt.Fprintf), which a credential known by its name passes as it would
// a single log call.
func logForwarders(ps paramSink) bool {
	return !ps.Own && ps.ErrPkg == "" && (ps.Rule == ruleLog || ps.Rule == rulePrint)
}
