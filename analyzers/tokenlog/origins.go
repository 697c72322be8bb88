package tokenlog

import (
	"go/constant"
	"go/token"
	"go/types"
	"math/bits"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// taint is what is known of a value: the credential it carries (tr) and
// the parameters of the enclosing function it derives from, for
// summaries.
//
// Parameters are one bit each in params (SSA indexes, receiver first),
// except the list parameter (see listParam), whose elements are tracked
// one by one in elems: bit k is element k, bit 63 element 63 or later.
// A logging helper such as func Error(args ...any) treats its arguments
// by position (a context first, a message, then key-value pairs), and
// only some of them are printed.
//
// guards holds parameters and elements that reach the value only
// through a type assertion: they matter to a caller only when the
// argument's dynamic type passes it (a helper that takes a logger out
// of its first argument with args[0].(*logrus.Entry) does not print the
// *http.Request a caller passes there).
type taint struct {
	tr     *trace
	params uint64
	elems  uint64
	guards []guard // sorted by filter; never modified once built
}

// guard is a set of parameters and list elements seen through a type
// assertion. filter is "T:" and a type (types.TypeString with full
// package paths) for a concrete type, or "I:" and the comma-separated
// exported method names of an interface.
type guard struct {
	params, elems uint64
	filter        string
}

func (t taint) zero() bool {
	return t.tr == nil && t.params == 0 && t.elems == 0 && len(t.guards) == 0
}

// origins reports whether the taint derives from any parameter.
func (t taint) origins() bool { return t.params != 0 || t.elems != 0 || len(t.guards) != 0 }

func (t taint) union(u taint) taint {
	switch {
	case t.tr != nil && u.tr != nil && (t.tr.reqParams != 0 || u.tr.reqParams != 0):
		t.tr = mergeStandIn(t.tr, u.tr) // urlerror.go
	case t.tr == nil || (u.tr != nil && u.tr.before(t.tr)):
		t.tr = u.tr
	}
	t.params |= u.params
	t.elems |= u.elems
	for _, g := range u.guards {
		t.guards = addGuard(t.guards, g)
	}
	return t
}

// same reports whether t and u say the same thing.
func (t taint) same(u taint) bool {
	if t.tr != u.tr || t.params != u.params || t.elems != u.elems || len(t.guards) != len(u.guards) {
		return false
	}
	for i := range t.guards {
		if t.guards[i] != u.guards[i] {
			return false
		}
	}
	return true
}

// realOnly drops the parameter bits: used where a value is derived from
// part of its operand (a field), which a parameter's caller does not
// see as the parameter itself.
func (t taint) realOnly() taint { return taint{tr: t.tr} }

// eachOrigin calls fn for the unguarded parameters and elements and for
// each guard.
func (t taint) eachOrigin(fn func(g guard)) {
	if t.params != 0 || t.elems != 0 {
		fn(guard{params: t.params, elems: t.elems})
	}
	for _, g := range t.guards {
		fn(g)
	}
}

// addGuard returns gs with g merged in, gs itself when g adds nothing
// (so that the fixed point sees no change), a new slice otherwise.
func addGuard(gs []guard, g guard) []guard {
	if g.params == 0 && g.elems == 0 {
		return gs
	}
	i := sort.Search(len(gs), func(i int) bool { return gs[i].filter >= g.filter })
	if i < len(gs) && gs[i].filter == g.filter {
		if gs[i].params|g.params == gs[i].params && gs[i].elems|g.elems == gs[i].elems {
			return gs
		}
		out := append([]guard(nil), gs...)
		out[i].params |= g.params
		out[i].elems |= g.elems
		return out
	}
	out := make([]guard, 0, len(gs)+1)
	out = append(out, gs[:i]...)
	out = append(out, g)
	out = append(out, gs[i:]...)
	return out
}

// guarded puts the parameters of t behind a type assertion's filter. A
// value asserted twice must pass both; keeping one of them (the concrete
// type, which says more) errs towards reporting.
func (t taint) guarded(filter string) taint {
	if filter == "" || !t.origins() {
		return t
	}
	out := taint{tr: t.tr}
	out.guards = addGuard(nil, guard{params: t.params, elems: t.elems, filter: filter})
	concrete := strings.HasPrefix(filter, "T:")
	for _, g := range t.guards {
		if concrete {
			g.filter = filter
		}
		out.guards = addGuard(out.guards, g)
	}
	return out
}

// filterOf spells the filter of a type assertion to t; "" for the empty
// interface, which every value passes.
func filterOf(t types.Type) string {
	if it, ok := t.Underlying().(*types.Interface); ok {
		var names []string
		for i := 0; i < it.NumMethods(); i++ {
			if m := it.Method(i); m.Exported() {
				names = append(names, m.Name())
			}
		}
		if len(names) == 0 {
			return ""
		}
		sort.Strings(names)
		return "I:" + strings.Join(names, ",")
	}
	return "T:" + types.TypeString(t, nil)
}

// passes reports whether a value of dynamic type dt passes filter.
func passes(dt types.Type, filter string) bool {
	switch {
	case filter == "":
		return true
	case strings.HasPrefix(filter, "T:"):
		return types.TypeString(dt, nil) == filter[2:]
	case strings.HasPrefix(filter, "I:"):
		ms := types.NewMethodSet(dt)
		for _, name := range strings.Split(filter[2:], ",") {
			if ms.Lookup(nil, name) == nil {
				return false
			}
		}
		return true
	}
	return true
}

// dynType returns the dynamic type of an argument when it is known: the
// operand of a conversion to an interface, or the static type of a
// value that is not an interface. nil means unknown.
func dynType(v ssa.Value) types.Type {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return mi.X.Type()
	}
	if types.IsInterface(v.Type()) {
		return nil
	}
	return v.Type()
}

// filterArg applies a callee's filter to the taint t of argument a: the
// flow is dropped when a's dynamic type is known and fails it, and the
// caller's own parameters are put behind it when the type is unknown.
func filterArg(a ssa.Value, t taint, filter string) taint {
	if filter == "" {
		return t
	}
	if dt := dynType(a); dt != nil {
		if passes(dt, filter) {
			return t
		}
		return taint{}
	}
	return t.guarded(filter)
}

// listParam returns the SSA index of fn's list parameter, or -1: the
// last parameter when it is variadic or a slice of interfaces (the
// args ...any of a logging helper, the []any it hands on).
func listParam(fn *ssa.Function) int {
	return listIndex(fn.Signature, len(fn.Params))
}

func listIndex(sig *types.Signature, nparams int) int {
	ps := sig.Params()
	if ps.Len() == 0 || nparams == 0 {
		return -1
	}
	s, ok := ps.At(ps.Len() - 1).Type().Underlying().(*types.Slice)
	if !ok {
		return -1
	}
	if sig.Variadic() || types.IsInterface(s.Elem()) {
		return nparams - 1
	}
	return -1
}

// allElems selects every element of the list parameter.
const allElems = ^uint64(0)

// fromElem selects the elements at index n and later.
func fromElem(n int) uint64 {
	if n >= 63 {
		return 1 << 63
	}
	return allElems << uint(n)
}

// lowest returns the lowest index set in a mask.
func lowest(m uint64) int { return bits.TrailingZeros64(m) }

// shift returns the element indexes {o + k}: o from offs, k from elems.
func shift(elems, offs uint64) uint64 {
	if elems == 0 || offs == 0 {
		return 0
	}
	var out uint64
	for o := offs; o != 0; o &= o - 1 {
		i := lowest(o)
		if i == 63 {
			out |= 1 << 63
			continue
		}
		s := elems << uint(i)
		if elems>>uint(64-i) != 0 || i > 0 && elems&(1<<63) != 0 {
			s |= 1 << 63
		}
		out |= s
	}
	return out
}

// strideIndex recognises the index of a loop that walks the list in
// steps: i in for i := c; …; i += k (k > 1), or i + d, so that the
// elements it reads are {c + d + n*k}. A helper taking name/value pairs
// (validateEnable(prefix, on, "APIKey", cfg.APIKey, …)) that prints
// vals[i] and only tests vals[i+1] prints the names, never the values.
func strideIndex(v ssa.Value) (start, step int, ok bool) {
	off := 0
	if b, isBin := v.(*ssa.BinOp); isBin && b.Op == token.ADD {
		if k, ok := constIndex(b.Y); ok {
			off, v = k, b.X
		} else if k, ok := constIndex(b.X); ok {
			off, v = k, b.Y
		} else {
			return 0, 0, false
		}
	}
	phi, isPhi := v.(*ssa.Phi)
	if !isPhi || len(phi.Edges) != 2 {
		return 0, 0, false
	}
	init := -1
	for _, e := range phi.Edges {
		if k, ok := constIndex(e); ok {
			init = k
			continue
		}
		b, isBin := e.(*ssa.BinOp)
		if !isBin || b.Op != token.ADD {
			return 0, 0, false
		}
		switch {
		case b.X == phi:
			step, _ = constIndex(b.Y)
		case b.Y == phi:
			step, _ = constIndex(b.X)
		}
	}
	if init < 0 || step < 2 || init+off >= 63 {
		return 0, 0, false
	}
	return init + off, step, true
}

// strideMask selects the elements start, start+step, …; element 63
// and later (one bit) stays selected.
func strideMask(start, step int) uint64 {
	m := uint64(1) << 63
	for i := start; i < 63; i += step {
		m |= 1 << uint(i)
	}
	return m
}

// constIndex returns the value of a constant index.
func constIndex(v ssa.Value) (int, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	n, ok := constant.Int64Val(c.Value)
	if !ok || n < 0 {
		return 0, false
	}
	if n > 63 {
		n = 63
	}
	return int(n), true
}

// hasElem reports whether mask selects element k.
func hasElem(mask uint64, k int) bool {
	if k >= 63 {
		return mask&(1<<63) != 0
	}
	return mask&(1<<uint(k)) != 0
}

// computeViews finds the values that are the list parameter p, sliced
// (args[1:]) or merged by phis (args = args[1:] in a branch), and the
// offsets each may start at. It depends on the code only, not on
// taint, so it is done once before the fixed point: a phi must not be
// taken for the whole list in a first pass that has not yet seen its
// later edges.
func computeViews(p *ssa.Parameter) map[ssa.Value]uint64 {
	views := map[ssa.Value]uint64{p: 1}
	// Candidates: slices and phis reachable from p through slices and
	// phis.
	cand := map[ssa.Value]bool{p: true}
	work := []ssa.Value{p}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if v.Referrers() == nil {
			continue
		}
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Slice:
				if r.X == v && !cand[r] {
					cand[r] = true
					work = append(work, r)
				}
			case *ssa.Phi:
				if !cand[r] {
					cand[r] = true
					work = append(work, r)
				}
			}
		}
	}
	// A phi with an edge that is neither a view nor a constant (nil) may
	// be another slice; it is dropped, and so is what depends on it.
	for changed := true; changed; {
		changed = false
		for v := range cand {
			ok := true
			switch v := v.(type) {
			case *ssa.Slice:
				ok = cand[v.X]
			case *ssa.Phi:
				for _, e := range v.Edges {
					if _, isConst := e.(*ssa.Const); !isConst && !cand[e] {
						ok = false
					}
				}
			}
			if !ok {
				delete(cand, v)
				changed = true
			}
		}
	}
	for pass := 0; pass < 70; pass++ {
		changed := false
		for v := range cand {
			var n uint64
			switch v := v.(type) {
			case *ssa.Slice:
				offs := views[v.X]
				if offs == 0 {
					continue
				}
				if v.Low == nil {
					n = offs
				} else if k, ok := constIndex(v.Low); ok {
					n = shift(1<<uint(k), offs)
				} else {
					n = fromElem(lowest(offs))
				}
			case *ssa.Phi:
				for i, e := range v.Edges {
					if !emptyEdge(v, i, e) {
						n |= views[e]
					}
				}
			default:
				continue
			}
			if old := views[v]; old|n != old {
				views[v] = old | n
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for v, offs := range views {
		if offs == 0 {
			delete(views, v)
		}
	}
	return views
}

// emptyEdge reports whether edge i of phi (value e) is taken only when
// e has no elements: the branch not taken by if len(args) > 0 { ...;
// args = args[1:] }. Such an edge adds no element, whatever its offset.
func emptyEdge(phi *ssa.Phi, i int, e ssa.Value) bool {
	b := phi.Block()
	if i >= len(b.Preds) {
		return false
	}
	pred := b.Preds[i]
	if len(pred.Instrs) == 0 {
		return false
	}
	ifi, ok := pred.Instrs[len(pred.Instrs)-1].(*ssa.If)
	if !ok || len(pred.Succs) != 2 || pred.Succs[0] == pred.Succs[1] {
		return false
	}
	cond, ok := ifi.Cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	isLen := func(v ssa.Value) bool {
		c, ok := v.(*ssa.Call)
		if !ok {
			return false
		}
		bi, ok := c.Call.Value.(*ssa.Builtin)
		return ok && bi.Name() == "len" && len(c.Call.Args) == 1 && c.Call.Args[0] == e
	}
	isZero := func(v ssa.Value) bool {
		k, ok := constIndex(v)
		_, isConst := v.(*ssa.Const)
		return isConst && ok && k == 0
	}
	// nonEmpty is the successor taken when e has elements.
	var nonEmpty int
	switch {
	case isLen(cond.X) && isZero(cond.Y):
		switch cond.Op {
		case token.GTR, token.NEQ:
			nonEmpty = 0
		case token.EQL, token.LEQ:
			nonEmpty = 1
		default:
			return false
		}
	case isZero(cond.X) && isLen(cond.Y):
		switch cond.Op {
		case token.LSS, token.NEQ:
			nonEmpty = 0
		case token.EQL, token.GEQ:
			nonEmpty = 1
		default:
			return false
		}
	default:
		return false
	}
	return pred.Succs[1-nonEmpty] == b
}
