package tokenlog

import (
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// The error a helper makes from its caller's credential. A lookup that
// rejects the key it is given with fmt.Errorf("no tenant for api key
// %s", key) returns that error to the middleware that passed the key,
// which logs it ("api key rejected", "err", err): the log holds the
// key. The callee's summary says only that its parameter reaches an
// error constructor (reported where the caller passes the credential,
// the error rule); the error it returns is not followed, since errors
// end flows. When the caller passes a credential to such a parameter,
// the callee's error results hold it (src.InError, urlerror.go), so a
// log of the returned error is reported at the log call, as for an
// error made in the same function.
//
// Not when the callee also logs or prints the parameter itself (the
// error it makes is then likely its own to log), nor for a callee
// without an error result, nor when the error is made by a helper the
// callee calls (the summary does not say on which path), nor for a
// value known only as a "credential" (a map entry named authorization
// may hold roles).

// errorReturned gives the error results of the call the credential tr
// that the callee puts in an error through parameter ps.Param.
func (f *fnState) errorReturned(c *ssa.CallCommon, callee *ssa.Function, s *summary, ps paramSink, tr *trace, sinkName string, results []taint) {
	if tr.src.InError || tr.carrier != nil || tr.reqParams != 0 || tr.src.Kind == credname.Credential || len(ps.Via) > 0 {
		// Only a credential of a known kind (not a bare "credential"
		// entry of some map), put in an error by the callee itself:
		// a summary is path-insensitive, and an error a deeper helper
		// makes on another path of the callee (a validator's branch
		// for another field) would be taken for this one.
		return
	}
	for _, other := range s.Sinks {
		if other.Param == ps.Param && other.Rule != ruleError {
			return
		}
	}
	in := f.st.short(f.st.funcName(callee))
	sig := callee.Signature
	for i := 0; i < sig.Results().Len() && i < len(results); i++ {
		if !types.Identical(sig.Results().At(i).Type(), errorType) {
			continue
		}
		cp := *tr
		cp.src.InError = true
		// The credential's own returns are part of its name now
		// ("… returned by bearer"); the error's returns that follow
		// are not hops of the credential (sentHops).
		cp.src.Desc = f.describe(tr) + " put in an error by " + sinkName + " in " + in
		cp.via, cp.sentHops = nil, 0
		cp.steps = append(append([]analysis.RelatedInformation(nil), tr.steps...), analysis.RelatedInformation{Pos: c.Pos(), Message: "put in an error by " + sinkName + " in " + in + " and returned"})
		results[i] = results[i].union(taint{tr: &cp})
	}
}
