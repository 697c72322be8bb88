package tokenlog

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Field-sensitive slices of structs (issue 15, class E). A slice
// literal of structs ([]struct{name, value string}{{"clientSecret",
// cfg.ClientSecret}}) is stored field by field ("[].0", "[].1"); slicing
// the backing array keeps those parts apart, so that a range over the
// slice reads field.name as the constant label it is and field.value as
// the credential.

// structElems reports whether t is a slice of structs.
func structElems(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	_, ok = s.Elem().Underlying().(*types.Struct)
	return ok
}

// sliceParts gives slice v the taint of what it slices: the value's own
// taint, and the memory of its elements per path.
func (f *fnState) sliceParts(v *ssa.Slice) {
	f.setVal(v, f.vals[v.X])
	for p, mt := range f.mem[v.X] {
		f.setMem(v, p, mt)
	}
}
