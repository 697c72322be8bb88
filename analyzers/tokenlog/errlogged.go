package tokenlog

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// An error built from a credential and logged by the same function.
//
// Errors end flows: an error built from a credential is reported where
// it is built, as a note (tokenlog/error), since where it goes next is
// mostly out of sight, returned to callers that may only match it. When
// the function that builds it also hands it to a log or print sink,
// directly or after collecting it in a slice it ranges over (sops's
// audit setup: auditErrors = append(auditErrors, errors.Wrap(err,
// "connectStr: "+conf.ConnStr)), then log.Error(err) for each), the
// credential reaches the log: that is reported at the log call as the
// log or print rule would, with the error's making as a step.

// errLoggedHere reports the credential that call c (of a sink of the
// error rule, whose result is v) puts in an error, at each log or print
// call of the function that the error reaches.
func (f *fnState) errLoggedHere(c *ssa.CallCommon, v *ssa.Call, sk sink, args []ssa.Value) {
	var t taint
	for i := sk.first; i < len(args); i++ {
		t = t.union(f.argOf(c, args, sk.first, i))
	}
	if t.zero() {
		return
	}
	step := &analysis.RelatedInformation{Pos: c.Pos(), Message: "put in an error message by " + sk.name}
	for _, lc := range f.errSinks(v) {
		obj := credsrc.Callee(lc)
		if obj == nil {
			continue // a function value: no table names it
		}
		var arg0 ssa.Value
		if len(lc.Args) > 0 {
			arg0 = lc.Args[0]
		}
		lsk, _, ok := f.st.classify(obj, arg0)
		if !ok && !f.st.judgedNotLogger(obj) {
			// A logger known by its shape, as call judges one.
			lsk, ok = shapeSink(obj)
		}
		if !ok || (lsk.rule != ruleLog && lsk.rule != rulePrint) {
			continue
		}
		if lsk.rule == rulePrint && commandOutput(f.fn, lsk.name) {
			continue
		}
		if t.tr != nil {
			f.leak(lc, t.tr, lsk.rule, lsk.name, nil, false, step, nil)
		}
		// A parameter's way to the log, for the callers (go-zero's
		// logc.Errorf(ctx, format, v...) logs fmt.Errorf(format,
		// v...).Error()): it outranks the error it went through.
		f.paramSinks(lc, t, paramSink{Rule: lsk.rule, Sink: lsk.name, pos: lc.Pos()})
	}
}

// errSinks returns the calls of the function that an error value v
// reaches as an argument (or in a variadic list): through conversions to
// an interface, phis, its Error method's string, and a slice it is
// appended to and later read back by index (a range over collected
// errors).
func (f *fnState) errSinks(v ssa.Value) []*ssa.CallCommon {
	var out []*ssa.CallCommon
	seen := map[ssa.Value]bool{}
	var visit func(v ssa.Value, depth int)
	visit = func(v ssa.Value, depth int) {
		if depth > 8 || seen[v] || v.Referrers() == nil {
			return
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.Phi:
				visit(r.(ssa.Value), depth+1)
			case *ssa.UnOp:
				visit(r, depth+1) // an element loaded back
			case *ssa.IndexAddr:
				if r.X == v {
					visit(r, depth+1) // &errs[i], loaded next
				}
			case *ssa.Store:
				if r.Val != v {
					continue
				}
				ia, ok := r.Addr.(*ssa.IndexAddr)
				if !ok {
					continue
				}
				al, ok := ia.X.(*ssa.Alloc)
				if !ok || al.Referrers() == nil {
					continue
				}
				for _, ar := range *al.Referrers() {
					sl, ok := ar.(*ssa.Slice)
					if !ok || sl.Referrers() == nil {
						continue
					}
					for _, u := range *sl.Referrers() {
						call, ok := u.(*ssa.Call)
						if !ok {
							continue
						}
						if b, isB := call.Call.Value.(*ssa.Builtin); isB && b.Name() == "append" {
							visit(call, depth+1) // the slice it was appended to
						} else {
							out = append(out, &call.Call)
						}
					}
				}
			case *ssa.Call:
				if r.Call.IsInvoke() && r.Call.Value == v && r.Call.Method.Name() == "Error" && len(r.Call.Args) == 0 {
					// err.Error(): the message goes on as a string
					// (go-zero's logc.Errorf logs
					// fmt.Errorf(format, v...).Error()).
					visit(r, depth+1)
					continue
				}
				if b, isB := r.Call.Value.(*ssa.Builtin); isB {
					if b.Name() == "append" {
						visit(r, depth+1)
					}
					continue
				}
				for _, a := range r.Call.Args {
					if a == v {
						out = append(out, &r.Call)
						break
					}
				}
			}
		}
	}
	visit(v, 0)
	return out
}
