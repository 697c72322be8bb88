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
// and at most one of them runs before the paths join again. The
// credential leaks once, so it is reported once: among the findings of
// one function for the same source and sub-rule, a call that no path
// connects to an earlier-reported one (neither block reaches the other)
// but whose path joins the earlier one's (a block both reach: the
// branches of an if/else or the cases of a switch, followed by common
// code) is dropped. Calls in one block, in sequence, or in a loop (where
// a back edge connects them) are each reported, and so are calls on
// paths that never join: each failure of a chain of checks that logs and
// returns is its own record.

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
	below := map[*ssa.BasicBlock]map[*ssa.BasicBlock]bool{}
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
			if f.alternatives(blocks[o], blocks[c]) && join(below, blocks[o], blocks[c]) {
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

// join reports whether some block is reachable from both a and b;
// below caches the blocks reachable from each block.
func join(below map[*ssa.BasicBlock]map[*ssa.BasicBlock]bool, a, b *ssa.BasicBlock) bool {
	ra, rb := reachable(below, a), reachable(below, b)
	for x := range ra {
		if rb[x] {
			return true
		}
	}
	return false
}

// reachable returns the blocks reachable from the end of b, cached in
// below.
func reachable(below map[*ssa.BasicBlock]map[*ssa.BasicBlock]bool, b *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	if r, ok := below[b]; ok {
		return r
	}
	r := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if r[x] {
			continue
		}
		r[x] = true
		stack = append(stack, x.Succs...)
	}
	below[b] = r
	return r
}
