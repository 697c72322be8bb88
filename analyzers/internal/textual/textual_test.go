package textual

import (
	"go/types"
	"testing"
)

func TestType(t *testing.T) {
	named := func(u types.Type) types.Type {
		return types.NewNamed(types.NewTypeName(0, nil, "T", nil), u, nil)
	}
	for _, c := range []struct {
		t    types.Type
		want bool
	}{
		{types.Typ[types.String], true},
		{types.Typ[types.UntypedString], true},
		{types.NewSlice(types.Typ[types.Byte]), true},
		{named(types.Typ[types.String]), true},
		{named(types.NewSlice(types.Typ[types.Uint8])), true},
		{types.Typ[types.Int], false},
		{types.NewSlice(types.Typ[types.String]), false},
		{types.NewSlice(types.Typ[types.Rune]), false},
		{types.NewPointer(types.Typ[types.String]), false},
	} {
		if got := Type(c.t); got != c.want {
			t.Errorf("Type(%v) = %v, want %v", c.t, got, c.want)
		}
	}
}
