package tokenlog

import (
	"go/types"
	"sort"
	"strconv"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// summarize analyzes a named function (once) and the function literals
// inside it, reporting what they leak, and returns its summary.
func (st *pkgState) summarize(fn *ssa.Function) *summary {
	if s, ok := st.sums[fn]; ok {
		return s
	}
	if st.busy[fn] {
		// A recursive call: its summary is not known yet. Recursion
		// through a logger wrapper is rare, so it is cut here.
		return &summary{}
	}
	st.busy[fn] = true
	f := newFnState(st, fn, true, nil)
	f.run()
	s := f.summary()
	st.sums[fn] = s
	st.redactions(fn, s)
	delete(st.busy, fn)
	f.closures()
	return s
}

// summarizeQuiet returns the summary of a function literal called
// directly, without reporting; its leaks are reported when it is
// analyzed with what it captures.
func (st *pkgState) summarizeQuiet(fn *ssa.Function) *summary {
	if s, ok := st.quiet[fn]; ok {
		return s
	}
	if st.busy[fn] {
		return &summary{}
	}
	st.busy[fn] = true
	f := newFnState(st, fn, false, nil)
	f.run()
	s := f.summary()
	st.quiet[fn] = s
	delete(st.busy, fn)
	return s
}

// calleeSummary returns what a static callee does: a function of this
// package is analyzed on demand, one of another analyzed package comes
// from its fact. Library functions have no summary; what they do is
// built in (classify).
func (st *pkgState) calleeSummary(callee *ssa.Function) *summary {
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	if callee.Pkg == st.ssaPkg && callee.Synthetic == "" {
		if callee.Parent() != nil {
			return st.summarizeQuiet(callee)
		}
		if st.pass.Fset.File(callee.Pos()) != nil && callee.Blocks != nil {
			return st.summarize(callee)
		}
		return nil
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == st.pass.Pkg {
		return nil
	}
	var s summary
	if st.pass.ImportObjectFact(obj, &s) {
		return &s
	}
	return nil
}

func (st *pkgState) hidesType(t types.Type) bool {
	h, ok := st.hides[t]
	if !ok {
		h = credsrc.Hides(t)
		st.hides[t] = h
	}
	return h
}

func (st *pkgState) carrier(t types.Type) *credsrc.Carrier {
	c, ok := st.carriers[t]
	if !ok {
		if cc, found := credsrc.CarrierHiding(t, st.plain, st.fieldHides); found {
			c = &cc
		} else if cc, found := st.sentCarrier(t, credsrc.Hides); found {
			c = &cc // sentfields.go
		}
		st.carriers[t] = c
	}
	return c
}

// fnState is the analysis of one function body.
type fnState struct {
	st      *pkgState
	fn      *ssa.Function
	report  bool
	vals    map[ssa.Value]taint
	tuples  map[ssa.Value][]taint
	mem     map[ssa.Value]map[string]taint
	changed bool
	// sinks records, per call and parameter, the parameters that reach
	// a sink; diags the leaks to report, per call.
	sinks    map[sinkKey]paramSink
	diags    map[*ssa.CallCommon]pending
	diagList []*ssa.CallCommon
	named    map[int]bool // parameters that are credentials by name
	// list is the SSA index of the list parameter (see listParam), or
	// -1; views maps the values that are that parameter sliced
	// (args[1:]) to the offsets they may start at, one bit each.
	list  int
	views map[ssa.Value]uint64
	// tparts holds, per tuple-valued call and result, the taint of the
	// fields of a struct result (see summary.Results' Path).
	tparts map[ssa.Value][]map[string]taint
	// writes caches allocWrites, reach block reachability (after);
	// both are made on first use.
	writes map[*ssa.Alloc][]allocWrite
	reach  map[[2]*ssa.BasicBlock]bool
	// assume fixes bool parameters to constants, live the blocks that
	// can run then (redactarg.go); both nil in an ordinary run.
	assume map[int]bool
	live   map[*ssa.BasicBlock]bool
	// issued holds the values the function sets as a credential
	// cookie's value (issuedcookie.go).
	issued map[ssa.Value]credsrc.Source
	// ptrLoads groups the loads of one pointer field of one value
	// (req.URL read twice), made on first use (fieldptr.go).
	ptrLoads map[ptrFieldKey][]*ssa.UnOp
	// overwritten holds the stores to a cell that a later store
	// overwrites before anything but the reads in early can see them
	// (overwrite.go).
	overwritten map[*ssa.Store]bool
	early       map[*ssa.UnOp]ssa.Value
	// reqSinks holds the log and print sinks the error of a request
	// sent from a parameter reaches (urlerror.go), per sink call.
	reqSinks map[reqSinkKey]reqSinkEntry
}

type sinkKey struct {
	call   *ssa.CallCommon
	param  int
	filter string
}

func newFnState(st *pkgState, fn *ssa.Function, report bool, free []freeVal) *fnState {
	f := &fnState{
		st:     st,
		fn:     fn,
		report: report,
		vals:   map[ssa.Value]taint{},
		tuples: map[ssa.Value][]taint{},
		mem:    map[ssa.Value]map[string]taint{},
		sinks:  map[sinkKey]paramSink{},
		diags:  map[*ssa.CallCommon]pending{},
		named:  map[int]bool{},
		list:   listParam(fn),
		views:  map[ssa.Value]uint64{},
		tparts: map[ssa.Value][]map[string]taint{},
		issued: issuedCookieValues(fn),
	}
	f.overwritten, f.early = overwrites(fn)
	for i, p := range fn.Params {
		var t taint
		switch {
		case i == f.list:
			t.elems = allElems
			f.views = computeViews(p)
		case i < 64:
			t.params = 1 << uint(i)
		}
		src, ok := credsrc.FromValue(p)
		if !ok {
			src, ok = dsnSource(p) // dsn.go
		}
		if !ok {
			src, ok = st.callbackSource(p) // authcallback.go
		}
		if _, plain := st.plain[p.Object()]; plain {
			ok = false // the package shows it holds no credential
		}
		if ok && !(i == 0 && fn.Signature.Recv() != nil) {
			t.tr = &trace{src: src, param: i + 1, steps: []analysis.RelatedInformation{{Pos: p.Pos(), Message: src.Desc}}}
			f.named[i] = true
		}
		f.vals[p] = t
	}
	for i, fv := range fn.FreeVars {
		if i < len(free) {
			f.vals[fv] = free[i].val
			if len(free[i].mem) > 0 {
				f.mem[fv] = free[i].mem
			}
		}
	}
	return f
}

// freeVal is what a closure captures: the taint of the binding and of
// the memory it points to.
type freeVal struct {
	val taint
	mem map[string]taint
}

// hasWork reports whether a function can matter at all: it must call
// something or return something. Most functions call something, so the
// real savings come from the cheap instruction visits below.
func hasWork(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr.(type) {
			case ssa.CallInstruction, *ssa.Return, *ssa.MakeClosure:
				return true
			}
		}
	}
	return false
}

// maxPasses bounds the fixed-point iteration over a function's blocks;
// taint only grows, and real code converges in two or three passes.
const maxPasses = 5

func (f *fnState) run() {
	if !hasWork(f.fn) {
		return
	}
	if f.assume != nil {
		f.liveBlocks()
	}
	for pass := 0; pass < maxPasses; pass++ {
		f.changed = false
		for _, b := range f.fn.Blocks {
			if f.live != nil && !f.live[b] {
				continue
			}
			for _, instr := range b.Instrs {
				f.visit(instr)
			}
		}
		if !f.changed {
			break
		}
	}
	if f.report {
		f.dropAlternatives()
		for _, c := range f.diagList {
			d := f.diags[c]
			if d.key != "" {
				f.st.merge(d)
				continue
			}
			key := strconv.Itoa(int(d.Pos)) + d.Category + d.Message
			if !f.st.seen[key] {
				f.st.seen[key] = true
				f.st.diags = append(f.st.diags, d.Diagnostic)
			}
		}
	}
}

// closures analyzes the function literals of f's function with what
// they capture, reporting their leaks.
func (f *fnState) closures() {
	done := map[*ssa.Function]bool{}
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok {
				continue
			}
			anon, ok := mc.Fn.(*ssa.Function)
			if !ok || done[anon] || anon.Parent() != f.fn {
				continue
			}
			done[anon] = true
			free := make([]freeVal, len(mc.Bindings))
			for i, b := range mc.Bindings {
				free[i] = freeVal{val: f.val(b), mem: f.mem[b]}
			}
			g := newFnState(f.st, anon, true, free)
			g.run()
			g.closures()
		}
	}
	for _, anon := range f.fn.AnonFuncs {
		if !done[anon] {
			g := newFnState(f.st, anon, true, nil)
			g.run()
			g.closures()
		}
	}
}

// summary collects what callers need to know.
func (f *fnState) summary() *summary {
	s := &summary{}
	keys := make([]sinkKey, 0, len(f.sinks))
	for k := range f.sinks {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].param != keys[j].param {
			return keys[i].param < keys[j].param
		}
		if keys[i].filter != keys[j].filter {
			return keys[i].filter < keys[j].filter
		}
		if ei, ej := f.sinks[keys[i]].Rule == ruleError, f.sinks[keys[j]].Rule == ruleError; ei != ej {
			return ej
		}
		return f.sinks[keys[i]].pos < f.sinks[keys[j]].pos
	})
	// One entry per parameter and filter: the first sink in source
	// order names the flow, a log or print before an error message
	// (errlogged.go); the elements of all of them are merged.
	type pf struct {
		param  int
		filter string
	}
	done := map[pf]int{}
	for _, k := range keys {
		ps := f.sinks[k]
		if i, ok := done[pf{k.param, k.filter}]; ok {
			s.Sinks[i].Elems |= ps.Elems
			continue
		}
		done[pf{k.param, k.filter}] = len(s.Sinks)
		// The callers stay silent only when the function reports the
		// flow itself: a parameter known by name alone is not reported
		// past maxNamedChain wrappers (report.go), and then a caller
		// that passes a typed credential must report it.
		ps.Self = f.named[k.param] && (len(ps.Via) <= maxNamedChain || logForwarders(ps))
		if ps.at == nil && ps.pos.IsValid() && !f.st.skip[f.st.pass.Fset.File(ps.pos)] && f.consumes(k.param) {
			// The function owns the sink (ownsink.go): its callers'
			// flows are reported there, unless it is generated code.
			ps.Own = true
			ps.at = &sinkSite{pos: ps.pos, fn: f.st.short(f.st.funcName(f.fn))}
		}
		s.Sinks = append(s.Sinks, ps)
	}
	// Results are taken whole, except structs and pointers to structs,
	// whose fields are kept apart: a caller that logs the name of a
	// returned config has not logged the key beside it.
	n := f.fn.Signature.Results().Len()
	whole := make([]taint, n)
	parts := make([]map[string]taint, n)
	for _, b := range f.fn.Blocks {
		r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || f.live != nil && !f.live[b] {
			continue
		}
		for i, v := range r.Results {
			if i >= n {
				break
			}
			if !structLike(v.Type()) {
				whole[i] = whole[i].union(f.deep(v))
				continue
			}
			whole[i] = whole[i].union(f.vals[v])
			for p, mt := range f.mem[v] {
				if p == "" {
					whole[i] = whole[i].union(mt)
					continue
				}
				if parts[i] == nil {
					parts[i] = map[string]taint{}
				}
				parts[i][p] = parts[i][p].union(mt)
			}
		}
	}
	cursors := cursorResults(f.fn) // cursorresult.go
	add := func(i int, path string, t taint) {
		if t.tr != nil && t.tr.reqParams != 0 {
			for p := 0; p < 64 && path == ""; p++ {
				if t.tr.reqParams&(1<<uint(p)) != 0 {
					s.ReqErrs = append(s.ReqErrs, reqFlow{Param: p, Result: i, URL: t.tr.reqURL})
				}
			}
			return
		}
		if t.tr != nil && t.tr.param == 0 && !(cursors[i] && bareTokenSource(t.tr.src)) {
			s.Results = append(s.Results, resultSource{Result: i, Source: t.tr.src, Via: t.tr.via, Rule: ruleOf(t.tr), Path: path, Decoded: t.tr.decoded, pos: firstPos(t.tr)})
		}
		t.eachOrigin(func(g guard) {
			for p := 0; p < 64 && p < len(f.fn.Params); p++ {
				if g.params&(1<<uint(p)) != 0 {
					s.Flows = append(s.Flows, paramFlow{Param: p, Result: i, Filter: g.filter, Path: path})
				}
			}
			if g.elems != 0 && f.list >= 0 {
				s.Flows = append(s.Flows, paramFlow{Param: f.list, Result: i, Elems: g.elems, Filter: g.filter, Path: path})
			}
		})
	}
	userHalf := userNameResults(f.fn.Signature) // userhalf.go
	for i := 0; i < n; i++ {
		if userHalf[i] {
			continue
		}
		add(i, "", whole[i])
		paths := make([]string, 0, len(parts[i]))
		for p := range parts[i] {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			add(i, p, parts[i][p])
		}
	}
	formatterSinks(f.fn.Signature, s)
	s.ReqSinks = f.reqSinkList()
	return s
}

// formatterSinks applies the rule for formatters to a summary: a
// function that returns a string and nothing else, and writes nothing
// itself (no logger, no console: its only sinks are errors it builds),
// is not a sink. Translation and message-catalogue calls (x/text's
// Printer.Sprintf, go-i18n's MustLocalize, gettext-style T) build an
// error from their arguments when a message is missing and keep it or
// panic with it; the formatted string is what the caller uses, and it
// is judged where it goes. A formatter that also returns an error hands
// that error to its caller, and errors are judged where they are made
// (tokenlog/error), so its sinks stay.
//
// The rule asks what the function does, not what it is called: one
// that logs a missing message with its arguments is a sink.
func formatterSinks(sig *types.Signature, s *summary) {
	if len(s.Sinks) == 0 {
		return
	}
	res := sig.Results()
	if res.Len() != 1 || !credsrc.StringLike(res.At(0).Type()) {
		return
	}
	for _, ps := range s.Sinks {
		if ps.Rule != ruleError {
			return
		}
	}
	s.Sinks = nil
}

// structLike reports whether t is a struct, a pointer to one or a map:
// the results whose fields (entries under constant keys) a summary
// keeps apart.
func structLike(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t.Underlying().(type) {
	case *types.Struct, *types.Map:
		return true
	}
	return false
}
