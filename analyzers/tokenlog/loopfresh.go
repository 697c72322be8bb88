package tokenlog

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A pointer defined again is a new pointer.
//
// Memory is tracked per SSA value: a store through bridge.URL taints
// the URL field of that value. Inside a loop one SSA value names a
// different pointer on every iteration (for _, bridge := range list
// loads a new element each time), so a field written late in one
// iteration does not reach a read early in the next: the definition of
// bridge runs in between and gives it a new object. A read of a field
// of such a value sees a store through it only when the store can run
// before the read without passing through the value's definition again.
//
// This applies when the value is an element pointer loaded from a slice
// or array in the function and is only used to read and write its own
// fields. A value
// handed to a call, stored, converted or captured may be written
// through elsewhere, and keeps the flow-insensitive view.

// reachingWrites returns, for a read at `at` of path of root, the
// writes through root that it may see, and true, when root is an
// element pointer loaded in the function, every write through it is a
// visible store, and the read is of one field or element (not a whole
// struct). Otherwise it returns false and the caller keeps the
// flow-insensitive memory.
func (f *fnState) reachingWrites(root ssa.Value, at ssa.Instruction, path string, whole bool) ([]fieldWrite, bool) {
	if path == "" || whole || at == nil {
		return nil, false
	}
	// An element pointer loaded from a slice or array: its memory is
	// filled only by stores through it (a call's result, by contrast,
	// brings the memory its callee filled).
	def, ok := root.(*ssa.UnOp)
	if !ok || def.Op != token.MUL || def.Block() == nil || at.Block() == nil || def.Parent() != at.Parent() {
		return nil, false
	}
	if _, elem := def.X.(*ssa.IndexAddr); !elem {
		return nil, false
	}
	writes, ok := fieldWrites(root)
	if !ok {
		return nil, false
	}
	var out []fieldWrite
	for _, w := range writes {
		if !under(path, w.path) {
			continue // a part of the field read, or another field
		}
		switch w.val.Type().Underlying().(type) {
		case *types.Struct, *types.Array, *types.Map:
			return nil, false // stored whole, its parts are kept in memory
		}
		if precedesWithin(w.instr, at, def) {
			out = append(out, w)
		}
	}
	return out, true
}

// fieldWrite is a store through a field or element address of a value.
type fieldWrite struct {
	instr ssa.Instruction
	path  string
	val   ssa.Value
}

// fieldWrites returns the stores through v's fields and elements, and
// false when v has another use that may write through it.
func fieldWrites(v ssa.Value) ([]fieldWrite, bool) {
	var out []fieldWrite
	ok := true
	walkAddrs(v, func(r ssa.Instruction, x ssa.Value, path string) {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				ok = false
			}
		case *ssa.Store:
			if r.Addr != x || path == "" {
				ok = false
				return
			}
			out = append(out, fieldWrite{instr: r, path: path, val: r.Val})
		default:
			ok = false
		}
	})
	return out, ok
}

// precedesWithin reports whether w can run before at without def
// running in between.
func precedesWithin(w, at, def ssa.Instruction) bool {
	wb, ab, db := w.Block(), at.Block(), def.Block()
	if wb == ab {
		for _, i := range wb.Instrs {
			switch i {
			case w:
				return true
			case at:
				// at first: w reaches it only round a loop, through
				// the block again.
				return loopsBackWithout(wb, ab, db)
			}
		}
		return false
	}
	return loopsBackWithout(wb, ab, db)
}

// loopsBackWithout reports whether block to can be reached from the end
// of block from without entering block def (whose definition would run
// again first: def dominates its uses, so in def's block it comes
// before them).
func loopsBackWithout(from, to, def *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), from.Succs...)
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		if b == def {
			continue
		}
		if b == to {
			return true
		}
		stack = append(stack, b.Succs...)
	}
	return false
}
