package tokenlog

import (
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// funcName names a function for messages: unqualified within the
// analyzed package, package-qualified outside it.
func (st *pkgState) funcName(fn *ssa.Function) string {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if fn.Parent() != nil {
		return "a function literal in " + st.funcName(fn.Parent())
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return fn.Name()
	}
	return credsrc.QualifiedName(obj)
}

// short drops the analyzed package's own qualifier from a function name
// for messages: "debugf" rather than "app.debugf".
func (st *pkgState) short(name string) string {
	return strings.TrimPrefix(name, st.pass.Pkg.Name()+".")
}

func (st *pkgState) viaText(via []string) string {
	out := make([]string, len(via))
	for i, v := range via {
		out[i] = st.short(v)
	}
	return viaText(out)
}

// maxNamedChain is the longest call chain (functions returned through
// plus wrappers called) reported for a credential known only by its name.
const maxNamedChain = 1

// leak records a finding at a sink call, or at the outermost call of a
// wrapper that reaches one; at, when set, is the helper sink the flow is
// reported at instead (ownsink.go).
//
// fwd is set when via is a chain of logging wrappers that only hand the
// value on to a log or print sink (forwarders, ownsink.go): they are
// the logger, not functions the value travels through, and do not
// count toward maxNamedChain.
func (f *fnState) leak(c *ssa.CallCommon, tr *trace, rule, sinkName string, via []string, fwd bool, inner *analysis.RelatedInformation, at *sinkSite) {
	if !f.report || tr.reqParams != 0 {
		return // a stand-in for the callers' URLs (urlerror.go)
	}
	if old, ok := f.diags[c]; ok && (old.Category != ruleStruct || tr.carrier != nil) {
		// One finding per call; a credential flow outranks a struct
		// printed whole.
		return
	}
	if tr.carrier != nil && rule != ruleError {
		rule = ruleStruct
	}
	if tr.src.Desc == tokenResponseDesc && failedResponseBranch(f.fn, c) {
		// A token response written only where the status test said it
		// failed is an error body (tokenresp.go).
		return
	}
	hops := len(tr.via) + len(via)
	if fwd {
		hops = len(tr.via)
	}
	if tr.src.InError {
		// A credential a request's URL carried, in the error of the
		// send: its hops end where it was sent (urlerror.go).
		hops = tr.sentHops
	}
	if !tr.src.Typed && tr.carrier == nil && hops > maxNamedChain {
		// A name is a weaker hint than a type: a value named secret
		// that travels through several functions before it is logged
		// is more often test data or a scanner's own finding than a
		// leak, so such chains are not reported.
		return
	}
	var verb string
	switch {
	case tr.carrier != nil && rule == ruleStruct:
		verb = " is printed whole by "
	case rule == ruleError:
		verb = " is put in an error message by "
	default:
		verb = " reaches "
	}
	vt := f.st.viaText(via)
	if rule == rulePrintGenerated {
		vt += ": this function generated it at random, and prints it for whoever runs the program; where stdout is collected as a log, it stays there"
	}
	msg := f.describe(tr) + verb + sinkName + vt
	if at != nil && !at.ext {
		msg = f.describe(tr) + verb + sinkName + " in " + at.fn
	}
	related := append([]analysis.RelatedInformation(nil), tr.steps...)
	if len(via) > 0 {
		related = append(related, analysis.RelatedInformation{Pos: f.st.sitePos(c), Message: "passed to " + f.st.short(via[0])})
	}
	switch {
	case at != nil && !at.ext:
		related = append(related, at.hops...)
		related = append(related, analysis.RelatedInformation{Pos: at.pos, Message: "reaches " + sinkName + " in " + at.fn})
	case inner != nil:
		related = append(related, *inner)
	default:
		related = append(related, analysis.RelatedInformation{Pos: f.st.sitePos(c), Message: "reaches " + sinkName + vt})
	}
	// Steps without a position (synthetic code) are dropped: SARIF
	// needs a location for every step.
	kept := related[:0]
	for _, r := range related {
		if r.Pos.IsValid() {
			kept = append(kept, r)
		}
	}
	pos := f.st.sitePos(c)
	p := pending{call: pos}
	if at != nil {
		pos = at.pos
		p.key = at.key
		if !at.ext {
			p.key = "at:" + strconv.Itoa(int(at.pos)) + "#" + rule
			p.from = f.st.short(f.st.funcName(f.fn))
		}
	}
	end := token.NoPos
	if !pos.IsValid() {
		return
	}
	if ce, ok := f.st.calls[pos]; ok {
		pos, end = ce.Pos(), ce.End()
	}
	if _, ok := f.diags[c]; !ok {
		f.diagList = append(f.diagList, c)
	}
	p.Diagnostic = analysis.Diagnostic{Pos: pos, End: end, Category: rule, Message: msg, Related: kept}
	f.diags[c] = p
}
