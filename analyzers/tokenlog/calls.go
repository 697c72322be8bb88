package tokenlog

import (
	"go/types"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// call applies a call: a sink reports or records the parameters that
// reach it, a known library call propagates or sanitizes, a function
// with a summary applies it. v is the call's value, nil for go and defer.
func (f *fnState) call(c *ssa.CallCommon, v *ssa.Call) {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		f.builtin(b, c, v)
		return
	}
	var results []taint
	n := 1
	if v != nil {
		if tup, ok := v.Type().(*types.Tuple); ok {
			n = tup.Len()
		}
	}
	results = make([]taint, n)
	obj := credsrc.Callee(c)
	callee := c.StaticCallee()
	// Sources: the call's results themselves.
	wholeURL := false // r.URL.Redacted() keeps the query (requrl.go)
	if v != nil && obj != nil {
		consts := credsrc.SSAConsts(c)
		for i := range results {
			src, ok := credsrc.FromCallee(obj, consts, i)
			if !ok && i == 0 && v != nil {
				src, ok = dsnSource(v) // os.Getenv("DATABASE_URL"), dsn.go
			}
			if !ok && i == 0 && (c.IsInvoke() || f.st.isRandom(obj)) && !f.namedLocal(v) {
				// store.RotateSCIMToken(tid): named for making a
				// credential (credsrc.FromProducer), and either
				// drawing random bytes (a secret made here) or out of
				// sight behind an interface. A body that can be read
				// otherwise decides by its summary.
				src, ok = credsrc.FromProducer(obj, resultType(v, 0))
			}
			if ok {
				results[i] = taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: c.Pos(), Message: src.Desc}}}}
			}
		}
		if dumpCall(obj) != "" && (f.maskedDumpCall(v) || f.st.bareRequestDump(c)) {
			// Masked before the dump (dumpmask.go), or a request the
			// package built and put no credential header in (outreq.go).
			results[0] = taint{}
		}
		f.getterCall(c, obj, results)
		f.keyedCall(c, obj, results)
		f.ifaceGetterCall(c, obj, results)
		f.stringerCall(c, obj, results)
		f.urlCall(c, obj, results)
		f.tokenResponseCall(c, obj, results)
		wholeURL = f.requestURLCall(c, obj, results)
		f.urlErrorCall(c, obj, results) // urlerror.go
		f.presentedCall(c, obj)
	}
	name := ""
	if obj != nil {
		name = obj.Name()
	} else if callee != nil {
		name = callee.Name()
	}
	if !wholeURL && isSanitizerName(name) && !longTruncation(callee) || (callee != nil && returnsRedactionMarker(callee)) || (v != nil && jwtClaims(c)) ||
		(callee != nil && callee.Pkg == f.st.ssaPkg && shortPrefixCall(c, callee)) {
		f.setResults(v, nil)
		return
	}
	args, recv := c.Args, ssa.Value(nil)
	if c.IsInvoke() {
		recv = c.Value
	} else if c.Signature().Recv() != nil && len(args) > 0 {
		recv, args = args[0], args[1:]
	}
	handled := false
	if obj != nil && (obj.Pkg() == nil || obj.Pkg() != f.st.pass.Pkg) {
		var arg0 ssa.Value
		if len(args) > 0 {
			arg0 = args[0]
		}
		if sk, eff, ok := f.st.classify(obj, arg0); ok {
			handled = true
			if sk.rule != "" {
				f.sink(c, sk, recv, args)
			}
			if sk.rule == ruleError && v != nil {
				f.errLoggedHere(c, v, sk, args)      // errlogged.go
				f.errorWrapped(c, sk, args, results) // urlerror.go
			}
			switch eff {
			case effPropagate:
				if bindsLogger(obj, v) {
					// The binding is the sink; the derived logger
					// keeps its receiver's taint only (loggerbind.go).
					f.sink(c, bindSink(obj), nil, args)
					if recv != nil {
						for i := range results {
							results[i] = results[i].union(f.val(recv))
						}
					}
					break
				}
				if t, ok := f.replacerTaint(obj, args, recv); ok {
					// strings.NewReplacer and Replace (replacer.go)
					for i := range results {
						results[i] = results[i].union(t)
					}
					break
				}
				var t taint
				if obj.Pkg() != nil && obj.Pkg().Path() == "fmt" && obj.Name() == "Sprintf" {
					t = f.sprintfKeyed(c, args) // urlparam.go
				}
				masked := f.replacedCred(obj, args) // replacemask.go
				for i, a := range args {
					if flowArgs(obj, i) {
						if obj.Pkg() != nil && obj.Pkg().Path() == "fmt" {
							t = t.union(f.argOf(c, args, 0, i))
						} else if i == 0 && masked {
							t = t.union(f.deep(a).withoutTrace())
						} else {
							t = t.union(f.deep(a))
						}
					}
				}
				if recv != nil {
					t = t.union(f.recvVal(recv))
				}
				t = cookieURL(obj, t)
				if t.tr != nil {
					if refined := credsrc.Bearer(t.tr.src, obj, credsrc.SSAConsts(c)); refined != t.tr.src {
						tr := *t.tr
						tr.src = refined
						t.tr = &tr
					}
				}
				for i := range results {
					results[i] = results[i].union(t)
				}
			case effWriteRecv:
				if recv != nil {
					t := f.queryKeyed(c, obj, args)
					for _, a := range args {
						t = t.union(f.deep(a))
					}
					f.store(recv, t)
				}
			case effReadRecv:
				if recv != nil && !f.maskedHeaderClone(obj, v) {
					results[0] = results[0].union(f.deep(recv))
				}
			case effWriteArg0:
				if len(args) > 0 {
					var t taint
					for _, a := range args[1:] {
						t = t.union(f.deep(a))
					}
					dst := args[0]
					if mi, ok := dst.(*ssa.MakeInterface); ok {
						dst = mi.X
					}
					f.store(dst, t)
				}
			case effDecodeMap:
				if len(args) == 2 {
					dst := args[1]
					if mi, ok := dst.(*ssa.MakeInterface); ok {
						dst = mi.X
					}
					// Only a credential's own text (a token response):
					// a struct marshalled and decoded back is judged by
					// what is done to its keys (go-authcrunch deletes
					// the secret ones before logging the map).
					if t := f.deep(args[0]); t.tr != nil && t.tr.carrier == nil && decodesIntoMap(dst) {
						tr := *t.tr
						tr.decoded = true
						t.tr = &tr
						f.store(dst, t)
					}
				}
			case effSanitize:
				f.setResults(v, nil)
				return
			}
		}
	}
	var parts []map[string]taint
	var sum *summary
	if !handled && callee != nil {
		if sum = f.st.calleeSummary(callee); sum != nil {
			parts = f.apply(c, callee, sum, results, recv != nil && isHeaderLike(recv.Type()))
			f.reqErrApply(c, callee, sum, results) // urlerror.go
		}
	}
	if !handled && sum == nil && obj != nil && (callee == nil || obj.Pkg() != f.st.pass.Pkg) {
		// A logger known by its shape only (shapesink.go).
		if sk, ok := shapeSink(obj); ok && !f.st.judgedNotLogger(obj) {
			f.sink(c, sk, nil, args)
		}
	}
	// The name of the variable the result is assigned to is the last
	// resort: typed sources and summaries say more.
	if m, ok := f.st.locals[c.Pos()]; ok && v != nil {
		for i := range results {
			if src, ok := m[i]; ok && results[i].tr == nil {
				results[i] = results[i].union(taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: c.Pos(), Message: src.Desc}}}})
			}
		}
	}
	if v != nil && len(results) == 1 && results[0].tr == nil {
		results[0] = results[0].union(f.mintedTaint(v)) // minted.go
	}
	f.setResults(v, results)
	f.setParts(v, parts)
}

// recvVal is the taint a propagating method takes from its receiver. A
// pointer-receiver method called on a local variable
// (log := base.With().Str(k, tok).Logger(); log.Warn() is
// (*Logger).Warn(&log)) gets the variable's address, an Alloc: it reads
// what was stored in the variable, as a value-receiver method would
// read the value itself.
func (f *fnState) recvVal(recv ssa.Value) taint {
	if a, ok := recv.(*ssa.Alloc); ok {
		return f.deep(a)
	}
	return f.val(recv)
}

func (f *fnState) setResults(v *ssa.Call, results []taint) {
	if v == nil {
		return
	}
	if _, ok := v.Type().(*types.Tuple); ok {
		f.setTuple(v, results)
		return
	}
	if len(results) > 0 {
		f.setVal(v, results[0])
	}
}

// setParts records the taint of the fields of struct results: as the
// memory of the call's value, or per result of a tuple, for Extract.
func (f *fnState) setParts(v *ssa.Call, parts []map[string]taint) {
	if v == nil || parts == nil {
		return
	}
	if _, ok := v.Type().(*types.Tuple); !ok {
		for p, t := range parts[0] {
			f.setMem(v, p, t)
		}
		return
	}
	old := f.tparts[v]
	if old == nil {
		old = make([]map[string]taint, len(parts))
		f.tparts[v] = old
	}
	for i, m := range parts {
		for p, t := range m {
			if old[i] == nil {
				old[i] = map[string]taint{}
			}
			n := old[i][p].union(t)
			if !n.same(old[i][p]) {
				old[i][p] = n
				f.changed = true
			}
		}
	}
}

func (f *fnState) builtin(b *ssa.Builtin, c *ssa.CallCommon, v *ssa.Call) {
	switch b.Name() {
	case "append":
		var t taint
		for _, a := range c.Args {
			t = t.union(f.deep(a))
		}
		f.setResults(v, []taint{t})
	case "copy":
		if len(c.Args) == 2 {
			f.store(c.Args[0], f.deep(c.Args[1]))
		}
	case "print", "println":
		f.sink(c, sink{rule: rulePrint, name: b.Name()}, nil, c.Args)
	}
}

// sink checks the arguments of a sink call.
func (f *fnState) sink(c *ssa.CallCommon, sk sink, recv ssa.Value, args []ssa.Value) {
	f.st.sinkCallers[f.fn] = true
	// Whether the print is a command's output is asked only of a
	// credential that reaches it (commandDelegate reads the package).
	output, asked := false, false
	fmtOut, fmtAsked := false, false
	formatOut := func() bool {
		if !fmtAsked {
			fmtOut, fmtAsked = sk.rule == rulePrint && stdoutPrint(sk.name) && (formatCase(f.fn, c) || formatHelper(f.fn)), true
		}
		return fmtOut
	}
	isOutput := func() bool {
		if !asked {
			output, asked = sk.rule == rulePrint && (commandOutput(f.fn, sk.name) || formatOut()), true
		}
		return output
	}
	check := func(t taint, v ssa.Value) {
		if sk.masked && (t.tr == nil || configuredSecret(t.tr)) {
			// A masking logger hides the program's configured secrets;
			// what callers hand a masked sink is not followed
			// (lgrmask.go).
			return
		}
		if !t.zero() && formatOut() {
			// One output format of a command: neither a leak here nor
			// at the callers that hand the credential (formatcase.go).
			return
		}
		if t.tr != nil && t.tr.reqParams != 0 {
			f.reqSink(c, t.tr, sk, nil) // urlerror.go
			return
		}
		if t.tr != nil && !isOutput() && !(sk.rule == ruleError && t.tr.src.InError) {
			rule := sk.rule
			if rule == rulePrint && f.st.freshPrint(f.fn, sk.name, v) {
				// A credential fn generated, printed for whoever runs
				// it: a note (freshprint.go).
				rule = rulePrintGenerated
			}
			f.leak(c, t.tr, rule, sk.name, nil, false, nil, nil)
		}
		f.paramSinks(c, t, paramSink{Rule: sk.rule, Sink: sk.name, pos: c.Pos()})
	}
	if sk.recv && recv != nil {
		check(f.val(recv), recv)
	}
	for i := sk.first; i < len(args); i++ {
		check(f.argOf(c, args, sk.first, i), args[i])
	}
	f.passedAsCredential(c, sk, args, isOutput) // passedcred.go
}

// argOf is the taint of argument i of a call with a printf-style format
// at argument format: the operands of %T and %p are not printed, only
// their type or address.
func (f *fnState) argOf(c *ssa.CallCommon, args []ssa.Value, format, i int) taint {
	if i == len(args)-1 {
		if m, ok := formatMask(args, c.Signature().Variadic(), calleeName(c), format); ok && m != allElems {
			return f.argTaint(args[i], true, m, "")
		}
	}
	return f.deep(args[i])
}

// formatMask returns the operands printed (see printed) by a call to a
// variadic ...f function whose constant format at argument format is
// followed by its list, the last argument.
func formatMask(args []ssa.Value, variadic bool, name string, format int) (uint64, bool) {
	if !variadic || format < 0 || format+1 != len(args)-1 || !strings.HasSuffix(name, "f") {
		return allElems, false
	}
	s, ok := credsrc.ConstString(args[format])
	if !ok {
		return allElems, false
	}
	return printed(s), true
}

// wrapperPrinted narrows the list elements of a printf-style wrapper
// (func Errorf(format string, args ...any) handing both on to a logger)
// that reach its sink to those the caller's constant format prints: the
// operands of %T and %p only show a type or an address, through a
// wrapper as at the logger itself.
// It reports false when no element that reaches the sink is printed.
func wrapperPrinted(c *ssa.CallCommon, callee *ssa.Function, list int, elems uint64) (uint64, bool) {
	m, ok := formatMask(c.Args, callee.Signature.Variadic(), callee.Name(), list-1)
	if !ok || m == allElems {
		return elems, true
	}
	if elems != 0 && elems != allElems {
		m &= elems
	}
	return m, m != 0
}

func calleeName(c *ssa.CallCommon) string {
	if c.IsInvoke() {
		return c.Method.Name()
	}
	if fn := c.StaticCallee(); fn != nil {
		return fn.Name()
	}
	return ""
}

// printed returns the operands a printf format prints: all but those
// of %T and %p. A format with explicit argument indexes ([n]) is taken
// to print everything.
func printed(format string) uint64 {
	m := allElems
	arg := 0
	indexed := !formatVerbs(format, func(verb byte, _ string) {
		if (verb == 'T' || verb == 'p') && arg < 63 {
			m &^= 1 << uint(arg)
		}
		arg++
	})
	if indexed {
		return allElems
	}
	return m
}

// formatVerbs calls operand for each operand a printf format consumes,
// in order, with its verb ('*' for one a * width or precision takes)
// and the format's text between the previous verb and this one ("" for
// a *). It reports false, having stopped, at explicit argument indexes
// ([n]), which it does not model.
func formatVerbs(format string, operand func(verb byte, before string)) bool {
	start := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		text := format[start:i]
		i++
		// Flags, width and precision; a * takes an operand of its own.
		for ; i < len(format); i++ {
			ch := format[i]
			if ch == '[' {
				return false
			}
			if ch == '*' {
				operand('*', "")
				continue
			}
			if !strings.ContainsRune("+-# 0.123456789", rune(ch)) {
				break
			}
		}
		if i >= len(format) || format[i] == '%' {
			continue
		}
		operand(format[i], text)
		start = i + 1
	}
	return true
}

// paramSinks records that the parameters and list elements t derives
// from reach a sink.
func (f *fnState) paramSinks(c *ssa.CallCommon, t taint, ps paramSink) {
	if f.report && t.tr != nil && t.tr.carrier != nil {
		// The struct is printed whole here and reported here
		// (tokenlog/struct, carrierself.go): callers stay silent.
		ps.Printed = true
	}
	t.eachOrigin(func(g guard) {
		ps.Filter = g.filter
		for bits, p := g.params, 0; bits != 0 && p < 64; p++ {
			if bits&(1<<uint(p)) == 0 {
				continue
			}
			bits &^= 1 << uint(p)
			k := sinkKey{call: c, param: p, filter: g.filter}
			if _, ok := f.sinks[k]; !ok {
				ps.Param = p
				ps.Elems = 0
				f.sinks[k] = ps
			}
		}
		if g.elems != 0 && f.list >= 0 {
			k := sinkKey{call: c, param: f.list, filter: g.filter}
			old, ok := f.sinks[k]
			if !ok {
				old = ps
				old.Param = f.list
			}
			if !ok || old.Elems|g.elems != old.Elems {
				old.Elems |= g.elems
				f.sinks[k] = old
			}
		}
	})
}

// apply applies a callee's summary at a call.
//
// headerRecv is set for methods on http.Header and url.Values, whose
// receiver's taint (the whole request header) does not reach results: a
// credential entry is recognised by its key (credsrc), and reading
// Content-Type reads no credential.
func (f *fnState) apply(c *ssa.CallCommon, callee *ssa.Function, s *summary, results []taint, headerRecv bool) []map[string]taint {
	name := f.st.funcName(callee)
	local := callee.Pkg == f.st.ssaPkg
	list := listIndex(callee.Signature, len(c.Args))
	var parts []map[string]taint
	put := func(i int, path string, t taint) {
		if path == "" {
			results[i] = results[i].union(t)
			return
		}
		if parts == nil {
			parts = make([]map[string]taint, len(results))
		}
		if parts[i] == nil {
			parts[i] = map[string]taint{}
		}
		parts[i][path] = parts[i][path].union(t)
	}
	for _, r := range s.Results {
		if r.Result >= len(results) || r.Path == "" && results[r.Result].tr != nil || redactedBy(c, r) {
			continue
		}
		tr := &trace{src: r.Source, via: append(append([]string(nil), r.Via...), name), decoded: r.Decoded}
		if local && r.pos.IsValid() {
			tr.steps = append(tr.steps, analysis.RelatedInformation{Pos: r.pos, Message: r.Source.Desc + " read in " + f.st.short(name)})
		}
		tr.steps = append(tr.steps, analysis.RelatedInformation{Pos: c.Pos(), Message: r.Source.Desc + " returned by " + f.st.short(name)})
		put(r.Result, r.Path, taint{tr: tr})
	}
	for _, fl := range s.Flows {
		if headerRecv && fl.Param == 0 {
			continue
		}
		if fl.Param < len(c.Args) && fl.Result < len(results) {
			t := f.argTaint(c.Args[fl.Param], fl.Param == list, fl.Elems, fl.Filter)
			if t.tr != nil {
				t.tr = t.tr.withStep(c.Pos(), "passed through "+f.st.short(name))
			}
			put(fl.Result, fl.Path, t)
		}
	}
	for _, ps := range s.Sinks {
		if ps.Self || ps.Param >= len(c.Args) {
			continue
		}
		elems := ps.Elems
		if ps.Param == list {
			var shown bool
			if elems, shown = wrapperPrinted(c, callee, list, elems); !shown {
				continue // only %T and %p operands
			}
		}
		t := f.argTaint(c.Args[ps.Param], ps.Param == list, elems, ps.Filter)
		sinkName, via := errCtor(callee, name, ps, prepend(name, ps.Via))
		// at is where a flow into a helper that owns its sink is
		// reported (ownsink.go); mine what this function's own
		// summary records for its callers.
		var at, mine *sinkSite
		switch {
		case ps.Own && local && ps.at != nil:
			at = ps.at
			mine = &sinkSite{pos: at.pos, fn: at.fn, hops: append([]analysis.RelatedInformation{{Pos: c.Pos(), Message: "passed to " + f.st.short(name)}}, at.hops...)}
		case ps.Own && !local:
			at = &sinkSite{pos: c.Pos(), ext: true, key: "ext:" + name + "#" + strconv.Itoa(ps.Param) + "#" + ps.Filter + "#" + ps.Rule + "#" + ps.Sink}
			mine = &sinkSite{pos: c.Pos(), fn: f.st.short(f.st.funcName(f.fn))}
		}
		if !t.zero() && ps.Rule == rulePrint && stdoutPrint(ps.Sink) && formatCase(f.fn, c) {
			continue // a helper printing one output format (formatcase.go)
		}
		if t.tr != nil && !ps.Printed && !(ps.Rule == rulePrint && commandOutput(f.fn, ps.Sink)) {
			// A command's body (or a delegate only command bodies
			// call) that hands a credential to a helper printing it to
			// stdout shows it as its output, whatever other callers the
			// helper has (cliout.go).
			var inner *analysis.RelatedInformation
			if local && ps.pos.IsValid() {
				inner = &analysis.RelatedInformation{Pos: ps.pos, Message: "written by " + ps.Sink + " in " + f.st.short(name)}
			}
			f.leak(c, t.tr, ps.Rule, sinkName, via, logForwarders(ps), inner, at)
			if ps.Rule == ruleError {
				f.errorReturned(c, callee, s, ps, t.tr, sinkName, results) // errreturn.go
			}
		}
		f.paramSinks(c, t, paramSink{Rule: ps.Rule, Sink: sinkName, Via: via, Own: mine != nil, ErrPkg: ps.ErrPkg, Printed: ps.Printed, pos: c.Pos(), at: mine})
	}
	return parts
}

// argTaint is the taint of argument a of a call, as far as a callee's
// summary entry (elements of the list parameter, a type filter) uses it.
//
// For the list parameter only the selected elements count: those of a
// variadic call's implicit array are read one by one, and a caller's
// own list parameter handed on (args...) maps to its own elements.
func (f *fnState) argTaint(a ssa.Value, isList bool, elems uint64, filter string) taint {
	if !isList || elems == 0 || elems == allElems && filter == "" {
		return filterArg(a, f.deep(a), filter)
	}
	if offs, ok := f.views[a]; ok {
		return taint{elems: shift(elems, offs)}.guarded(filter)
	}
	if _, ok := a.(*ssa.Const); ok {
		return taint{}
	}
	if sl, ok := a.(*ssa.Slice); ok && sl.Low == nil {
		if al, ok := sl.X.(*ssa.Alloc); ok && al.Referrers() != nil {
			var t taint
			for _, ref := range *al.Referrers() {
				ia, ok := ref.(*ssa.IndexAddr)
				if !ok || ia.Referrers() == nil {
					continue
				}
				if k, ok := constIndex(ia.Index); ok && !hasElem(elems, k) {
					continue
				}
				for _, r := range *ia.Referrers() {
					if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
						t = t.union(filterArg(st.Val, f.deep(st.Val), filter))
					}
				}
			}
			return t
		}
	}
	// Another slice: its elements' dynamic types are known only if
	// they are not interfaces.
	t := f.deep(a)
	if s, ok := a.Type().Underlying().(*types.Slice); ok && !types.IsInterface(s.Elem()) {
		if filter != "" && !passes(s.Elem(), filter) {
			return taint{}
		}
		return t
	}
	return t.guarded(filter)
}

// resultType returns the type of result i of the call v.
func resultType(v *ssa.Call, i int) types.Type {
	if tup, ok := v.Type().(*types.Tuple); ok {
		if i < tup.Len() {
			return tup.At(i).Type()
		}
		return nil
	}
	return v.Type()
}

// namedLocal reports whether result 0 of v is assigned to a local whose
// name is a credential's: that name describes it (localName).
func (f *fnState) namedLocal(v *ssa.Call) bool {
	_, ok := f.localName(v)
	return ok
}

// decodesIntoMap reports whether dst points to a map or an interface
// (var m map[string]any; json.Unmarshal(b, &m)): the decoded document
// lands there whole.
func decodesIntoMap(dst ssa.Value) bool {
	p, ok := dst.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	switch p.Elem().Underlying().(type) {
	case *types.Map, *types.Interface:
		return true
	}
	return false
}
