package tokenlog

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A value overwritten before anything else can see it.
//
// A variable captured by a closure lives in a cell (an *ssa.Alloc), and
// the cell's taint is the union of everything stored in it. A parameter
// replaced by its digest before the closure is made,
//
//	func (d *Backend) UserByAccessToken(ctx context.Context, token string) (User, error) {
//		token = HashToken(token)
//		if err := d.db.Transaction(func(tx *Tx) error { … token … }); err != nil {
//			d.logger.Error("lookup failed", "token", token) // the digest
//
// spills the parameter into the cell (store S1) and stores the digest
// over it (store S2) in the same block, with only reads of the cell in
// between. When every other use of the cell comes after S2 (later in
// the block, or in a block S2's block dominates), nothing but those
// reads can see S1's value: S1 is dropped from the cell, and the reads
// between get S1's value alone. The rule is a strong update where one is
// sound; any other use of the cell before S2 (a closure made, its
// address passed, a read in another block) keeps the union.

// overwrites finds, in fn, the stores to a cell of a non-aggregate type
// that a later store overwrites as described above: dead holds them,
// early maps each read between the two to the value of the first.
func overwrites(fn *ssa.Function) (dead map[*ssa.Store]bool, early map[*ssa.UnOp]ssa.Value) {
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			s1, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			a, ok := s1.Addr.(*ssa.Alloc)
			if !ok || aggregate(a.Type().(*types.Pointer).Elem()) {
				continue
			}
			var loads []*ssa.UnOp
			var s2 *ssa.Store
			s2at := -1
		scan:
			for j := i + 1; j < len(b.Instrs); j++ {
				switch in := b.Instrs[j].(type) {
				case *ssa.UnOp:
					if in.X == a {
						loads = append(loads, in)
						continue
					}
				case *ssa.Store:
					if in.Addr == a {
						s2, s2at = in, j
						break scan
					}
				case *ssa.DebugRef:
					continue
				}
				if usesValue(b.Instrs[j], a) {
					break
				}
			}
			if s2 == nil || !othersAfter(a, s1, s2, s2at, loads) {
				continue
			}
			if dead == nil {
				dead, early = map[*ssa.Store]bool{}, map[*ssa.UnOp]ssa.Value{}
			}
			dead[s1] = true
			for _, l := range loads {
				early[l] = s1.Val
			}
		}
	}
	return dead, early
}

// aggregate reports whether t is stored in parts (a struct, an array or
// a map), which the rule leaves to structset.go.
func aggregate(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Struct, *types.Array, *types.Map:
		return true
	}
	return false
}

// usesValue reports whether instr has v among its operands.
func usesValue(instr ssa.Instruction, v ssa.Value) bool {
	for _, op := range instr.Operands(nil) {
		if op != nil && *op == v {
			return true
		}
	}
	return false
}

// othersAfter reports whether every use of the cell a other than s1,
// the reads between and s2 comes after s2 (at index s2at of its block):
// later in that block, or in a block it dominates.
func othersAfter(a *ssa.Alloc, s1, s2 *ssa.Store, s2at int, loads []*ssa.UnOp) bool {
	between := map[ssa.Instruction]bool{s1: true, s2: true}
	for _, l := range loads {
		between[l] = true
	}
	b := s2.Block()
	for _, r := range *a.Referrers() {
		if between[r] {
			continue
		}
		if _, ok := r.(*ssa.DebugRef); ok {
			continue
		}
		rb := r.Block()
		if rb == b {
			if indexIn(b, r) <= s2at {
				return false
			}
			continue
		}
		if !b.Dominates(rb) {
			return false
		}
	}
	return true
}

// indexIn returns the index of instr in b.
func indexIn(b *ssa.BasicBlock, instr ssa.Instruction) int {
	for i, in := range b.Instrs {
		if in == instr {
			return i
		}
	}
	return -1
}
