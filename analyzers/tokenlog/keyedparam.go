package tokenlog

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// A project's own accessor of request parameters.
//
// r.URL.Query().Get("token") is a credential because the key names one.
// Services wrap such reads (navidrome's req.Params(r).String("token"),
// a helper queryParam(r, name)): the wrapper passes its own parameter on
// as the key, so no constant reaches the library call, and its callers'
// constant never meets the library. A function whose result is, on
// every return that is not a constant, a keyed read of the request
// (an accessor credsrc knows: url.Values.Get, Header.Get, FormValue and
// the web frameworks' equivalents) whose key is one of the function's
// own parameters is a keyed accessor; a call of it with a constant
// credential name as that argument is a credential source, like the
// library call. The accessor is recognised by asking credsrc whether the
// library call would be a credential with a credential name for a key
// and not with another name; an exported accessor carries a keyedParam
// fact to other packages.

// keyedParam marks a function whose result 0 is the request value named
// by its parameter Param (SSA index, the receiver counting).
type keyedParam struct{ Param int }

func (*keyedParam) AFact() {}

func (k *keyedParam) String() string {
	return fmt.Sprintf("result is the request value keyed by param %d", k.Param)
}

// keyedAccessor returns the parameter fn passes on as the key of a
// keyed request read it returns, or -1.
func keyedAccessor(fn *ssa.Function) int {
	if fn == nil || len(fn.Blocks) == 0 || fn.Signature.Results().Len() == 0 || !credsrc.StringLike(fn.Signature.Results().At(0).Type()) {
		return -1
	}
	key := -1
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		k, ok := keyedRead(fn, ret.Results[0], map[ssa.Value]bool{})
		switch {
		case !ok:
			return -1
		case k < 0:
			// a constant ("" when the value is missing)
		case key >= 0 && key != k:
			return -1
		default:
			key = k
		}
	}
	return key
}

// keyedRead follows v to a keyed request read whose key is a parameter
// of fn: its SSA index, -1 for a constant, false for anything else.
func keyedRead(fn *ssa.Function, v ssa.Value, seen map[ssa.Value]bool) (int, bool) {
	if seen[v] {
		return -1, true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const:
		return -1, true
	case *ssa.Phi:
		key := -1
		for _, e := range v.Edges {
			k, ok := keyedRead(fn, e, seen)
			if !ok || (k >= 0 && key >= 0 && k != key) {
				return -1, false
			}
			if k >= 0 {
				key = k
			}
		}
		return key, true
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok {
			return keyedCallKey(fn, &c.Call, v.Index)
		}
	case *ssa.Call:
		return keyedCallKey(fn, &v.Call, 0)
	}
	return -1, false
}

// keyedCallKey reports which parameter of fn is the key of the library
// read c (result i), if c is one.
func keyedCallKey(fn *ssa.Function, c *ssa.CallCommon, i int) (int, bool) {
	obj := credsrc.Callee(c)
	if obj == nil {
		return -1, false
	}
	args := c.Args
	if !c.IsInvoke() && c.Signature().Recv() != nil && len(args) > 0 {
		args = args[1:]
	}
	for j, a := range args {
		p, ok := a.(*ssa.Parameter)
		if !ok {
			continue
		}
		probe := func(name string) credsrc.Const {
			return func(k int) (string, bool) { return name, k == j }
		}
		if _, yes := credsrc.FromCallee(obj, probe("access_token"), i); !yes {
			continue
		}
		if _, also := credsrc.FromCallee(obj, probe("page"), i); also {
			continue // a credential whatever the key
		}
		for k, fp := range fn.Params {
			if fp == p {
				return k, true
			}
		}
	}
	return -1, false
}

// exportKeyed exports a keyedParam fact for each exported accessor.
func (st *pkgState) exportKeyed(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || !obj.Exported() {
			continue
		}
		if k := keyedAccessor(fn); k >= 0 {
			st.pass.ExportObjectFact(obj, &keyedParam{Param: k})
		}
	}
}

// keyedCall makes the result of a keyed accessor called with a
// constant credential name a credential source.
func (f *fnState) keyedCall(c *ssa.CallCommon, obj *types.Func, results []taint) {
	if c.IsInvoke() || len(results) == 0 || results[0].tr != nil {
		return
	}
	k := -1
	callee := c.StaticCallee()
	switch {
	case callee != nil && callee.Pkg == f.st.ssaPkg:
		k = keyedAccessor(callee)
	case obj != nil && obj.Pkg() != f.st.pass.Pkg:
		var fact keyedParam
		if f.st.pass.ImportObjectFact(obj, &fact) {
			k = fact.Param
		}
	}
	if k < 0 || k >= len(c.Args) {
		return
	}
	name, ok := credsrc.ConstString(c.Args[k])
	if !ok || !(credname.IsCredentialParam(name) || credname.IsCredentialHeader(name)) {
		return
	}
	src := credsrc.Source{Kind: credname.Classify(name), Desc: fmt.Sprintf("%s from the %q request value", credname.Classify(name), name), Typed: true}
	if src.Kind == credname.None {
		src.Kind = credname.Credential
		src.Desc = fmt.Sprintf("credential from the %q request value", name)
	}
	results[0] = taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: c.Pos(), Message: src.Desc}}}}
}
