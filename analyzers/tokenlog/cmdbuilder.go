package tokenlog

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// A program's own command builder.
//
// A CLI often builds its cobra commands through a helper of its own that
// takes the command's work as a function and stores, as the command's
// Run, a literal that calls it:
//
//	func cmdBuilderWithInit(parent *Command, cr CmdRunner, …) *Command {
//		…
//		c.Command.Run = func(cmd *cobra.Command, args []string) {
//			…
//			err = cr(c)
//		}
//	}
//
// (doctl's commands package; `cmdBuilderWithInit(cmd, RunAuthToken,
// "token", …)` makes `doctl auth token`). The function handed to that
// parameter is the command's body: what it prints to stdout is the
// command's output. So is a function handed to a parameter of another
// builder that passes its own parameter on (doctl's CmdBuilder calls
// cmdBuilderWithInit). A function also called directly, or used as a
// value elsewhere, is judged as before.

// builderParams returns, for the package's functions, the indexes (in
// fn.Params) of the parameters whose function becomes a command's body.
func (ix *cliIndex) builderParams() map[*ssa.Function]map[int]bool {
	if ix.builders != nil {
		return ix.builders
	}
	ix.builders = map[*ssa.Function]map[int]bool{}
	mark := func(f *ssa.Function, p ssa.Value) bool {
		for i, q := range f.Params {
			if q == p && !ix.builders[f][i] {
				if ix.builders[f] == nil {
					ix.builders[f] = map[int]bool{}
				}
				ix.builders[f][i] = true
				return true
			}
		}
		return false
	}
	// A closure stored in a body field that calls one of its free
	// variables bound to a parameter of the function making it.
	for _, st := range ix.stores {
		mc, ok := st.Val.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		lit, ok := mc.Fn.(*ssa.Function)
		if !ok || lit.Parent() == nil {
			continue
		}
		for _, in := range instrs(lit.Blocks) {
			call, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			// cr(c), or *cr when the closure captures the
			// parameter's variable.
			callee := call.Common().Value
			byRef := false
			if ld, ok := callee.(*ssa.UnOp); ok && ld.Op == token.MUL {
				callee, byRef = ld.X, true
			}
			fv, ok := callee.(*ssa.FreeVar)
			if !ok {
				continue
			}
			for k, v := range lit.FreeVars {
				if v != fv || k >= len(mc.Bindings) {
					continue
				}
				b := mc.Bindings[k]
				if !byRef {
					mark(lit.Parent(), b)
					continue
				}
				// The variable's only value is the parameter: the
				// store that spills it.
				if refs := b.Referrers(); refs != nil {
					for _, r := range *refs {
						if st, ok := r.(*ssa.Store); ok && st.Addr == b {
							mark(lit.Parent(), st.Val)
						}
					}
				}
			}
		}
	}
	// A parameter handed on to a builder's parameter.
	for changed := len(ix.builders) > 0; changed; {
		changed = false
		for g, sites := range ix.calls {
			for j := range ix.builders[g] {
				for _, site := range sites {
					if j < len(site.call.Args) && mark(site.caller, unchanged(site.call.Args[j])) {
						changed = true
					}
				}
			}
		}
	}
	return ix.builders
}

// unchanged strips a conversion to a named function type (CmdRunner).
func unchanged(v ssa.Value) ssa.Value {
	if ct, ok := v.(*ssa.ChangeType); ok {
		return ct.X
	}
	return v
}

// builtBody reports whether the named function fn is used only as an
// argument for a builder's parameter (builderParams), at least once, and
// is never called directly.
func builtBody(fn *ssa.Function) bool {
	ix := cliIndexOf(fn.Pkg)
	builders := ix.builderParams()
	if len(builders) == 0 || len(ix.calls[fn]) > 0 {
		return false
	}
	handed := false
	for _, user := range ix.valueUsers[fn] {
		for _, in := range instrs(user.Blocks) {
			if _, ok := in.(*ssa.DebugRef); ok {
				continue
			}
			var ops []*ssa.Value
			uses := false
			for _, op := range in.Operands(ops) {
				if op != nil && *op == ssa.Value(fn) {
					uses = true
				}
			}
			if !uses {
				continue
			}
			switch in := in.(type) {
			case *ssa.ChangeType:
				if !handedToBuilder(in, builders) {
					return false
				}
			case ssa.CallInstruction:
				if !argOfBuilder(in.Common(), fn, builders) {
					return false
				}
			default:
				return false
			}
			handed = true
		}
	}
	return handed
}

// handedToBuilder reports whether every use of the conversion ct is as an
// argument for a builder's parameter.
func handedToBuilder(ct *ssa.ChangeType, builders map[*ssa.Function]map[int]bool) bool {
	refs := ct.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, r := range *refs {
		if _, ok := r.(*ssa.DebugRef); ok {
			continue
		}
		call, ok := r.(ssa.CallInstruction)
		if !ok || !argOfBuilder(call.Common(), ct, builders) {
			return false
		}
	}
	return true
}

// argOfBuilder reports whether v is passed to c only at a builder's
// parameter.
func argOfBuilder(c *ssa.CallCommon, v ssa.Value, builders map[*ssa.Function]map[int]bool) bool {
	g := c.StaticCallee()
	if g == nil {
		return false
	}
	found := false
	for i, a := range c.Args {
		if a == v {
			if !builders[g][i] {
				return false
			}
			found = true
		}
	}
	return found
}
