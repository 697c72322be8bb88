package tokenlog

import (
	"go/token"
	"go/types"
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
// wrapper that reaches one.
func (f *fnState) leak(c *ssa.CallCommon, tr *trace, rule, sinkName string, via []string, inner *analysis.RelatedInformation) {
	if !f.report {
		return
	}
	if old, ok := f.diags[c]; ok && (old.Category != ruleStruct || tr.carrier != nil) {
		// One finding per call; a credential flow outranks a struct
		// printed whole.
		return
	}
	if tr.carrier != nil && rule != ruleError {
		rule = ruleStruct
	}
	if !tr.src.Typed && tr.carrier == nil && len(tr.via)+len(via) > maxNamedChain {
		// A name is a weaker hint than a type: a value named secret
		// that travels through several functions before it is logged
		// is more often test data or a scanner's own finding than a
		// leak, so such chains are not reported.
		return
	}
	var msg string
	vt := f.st.viaText(via)
	switch {
	case tr.carrier != nil && rule == ruleStruct:
		msg = f.describe(tr) + " is printed whole by " + sinkName + vt
	case rule == ruleError:
		msg = f.describe(tr) + " is put in an error message by " + sinkName + vt
	default:
		msg = f.describe(tr) + " reaches " + sinkName + vt
	}
	related := append([]analysis.RelatedInformation(nil), tr.steps...)
	if len(via) > 0 {
		related = append(related, analysis.RelatedInformation{Pos: c.Pos(), Message: "passed to " + f.st.short(via[0])})
	}
	if inner != nil {
		related = append(related, *inner)
	} else {
		related = append(related, analysis.RelatedInformation{Pos: c.Pos(), Message: "reaches " + sinkName + vt})
	}
	// Steps without a position (synthetic code) are dropped: SARIF
	// needs a location for every step.
	kept := related[:0]
	for _, r := range related {
		if r.Pos.IsValid() {
			kept = append(kept, r)
		}
	}
	pos := c.Pos()
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
	f.diags[c] = analysis.Diagnostic{Pos: pos, End: end, Category: rule, Message: msg, Related: kept}
}
