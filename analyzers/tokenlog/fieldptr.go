package tokenlog

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// One pointer field read twice is one object.
//
// req.URL.RawQuery = q.Encode(); log.Print(req.URL.String()): SSA loads
// req.URL once for the store and again for the call, two values, and
// what was stored through the first was not seen through the second. A
// load of a pointer-typed field of a value (the same SSA value, the
// same field) reads the object every other such load reads, unless the
// field itself is written in between; the analysis is flow-insensitive
// for memory anyway, so the writes made through any of them are shared
// by all (their per-part memory is merged). Loads of the field of two
// different values (two requests), of two different fields, and of
// non-pointer fields (a copied struct) stay apart.

// ptrFieldKey names a field of a value.
type ptrFieldKey struct {
	x     ssa.Value
	field int
}

// sharePointerField merges the memory of v, a load of a pointer-typed
// field, with that of the other loads of the same field of the same
// value.
func (f *fnState) sharePointerField(v *ssa.UnOp) {
	fa, ok := v.X.(*ssa.FieldAddr)
	if !ok {
		return
	}
	if _, ok := v.Type().Underlying().(*types.Pointer); !ok {
		return
	}
	if f.ptrLoads == nil {
		f.ptrLoads = map[ptrFieldKey][]*ssa.UnOp{}
	}
	k := ptrFieldKey{fa.X, fa.Field}
	known := false
	for _, w := range f.ptrLoads[k] {
		if w == v {
			known = true
			continue
		}
		for rel, t := range f.mem[w] {
			f.setMem(v, rel, t)
		}
		for rel, t := range f.mem[v] {
			f.setMem(w, rel, t)
		}
	}
	if !known {
		f.ptrLoads[k] = append(f.ptrLoads[k], v)
	}
}
