package tokenlog

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// One record, alternative sinks: code that logs a request at a level
// chosen by its outcome writes the same values at one of several calls,
//
//	if err != nil {
//		logger.Error(msg, attrs...)
//	} else {
//		logger.Info(msg, attrs...)
//	}
//
// and at most one of them runs. The credential leaks once, so it is
// reported once: among the findings of one function for the same source
// and sub-rule, a call that no path connects to an earlier-reported one
// (neither block reaches the other: the branches of an if/else or the
// cases of a switch) is dropped. Calls in one block, in sequence, or in
// a loop (where a back edge connects them) are each reported.

// dropAlternatives removes from f.diagList the findings at calls that
// are alternatives to an earlier finding of the same source and rule.
func (f *fnState) dropAlternatives() {
	if len(f.diagList) < 2 {
		return
	}
	type key struct {
		rule string
		src  token.Pos
		desc string
	}
	var blocks map[*ssa.CallCommon]*ssa.BasicBlock
	kept := map[key][]*ssa.CallCommon{}
	out := f.diagList[:0]
	for _, c := range f.diagList {
		d := f.diags[c]
		if d.key != "" || len(d.Related) == 0 {
			out = append(out, c)
			continue
		}
		k := key{d.Category, d.Related[0].Pos, d.Related[0].Message}
		if blocks == nil {
			blocks = callBlocks(f.fn)
		}
		alt := false
		for _, o := range kept[k] {
			if f.alternatives(blocks[o], blocks[c]) {
				alt = true
				break
			}
		}
		if alt {
			delete(f.diags, c)
			continue
		}
		kept[k] = append(kept[k], c)
		out = append(out, c)
	}
	f.diagList = out
}

// alternatives reports whether blocks a and b are distinct and no path
// leads from one to the other.
func (f *fnState) alternatives(a, b *ssa.BasicBlock) bool {
	return a != nil && b != nil && a != b && !f.after(a, b) && !f.after(b, a)
}

// callBlocks maps the calls of fn to their blocks.
func callBlocks(fn *ssa.Function) map[*ssa.CallCommon]*ssa.BasicBlock {
	m := map[*ssa.CallCommon]*ssa.BasicBlock{}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(ssa.CallInstruction); ok {
				m[c.Common()] = b
			}
		}
	}
	return m
}
