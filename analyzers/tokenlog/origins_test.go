package tokenlog

import "testing"

func TestPrinted(t *testing.T) {
	for _, c := range []struct {
		format string
		want   uint64
	}{
		{"%s %d", allElems},
		{"%T", allElems &^ 1},
		{"value of type %T: %v", allElems &^ 1},
		{"%v at %p", allElems &^ 2},
		{"100%% %T", allElems &^ 1},
		{"%*d %T", allElems &^ 4}, // the * takes operand 0
		{"%[1]T %[1]v", allElems}, // explicit indexes: everything
		{"%-10.3s|%+v|%#T", allElems &^ 4},
	} {
		if got := printed(c.format); got != c.want {
			t.Errorf("printed(%q) = %b, want %b", c.format, got, c.want)
		}
	}
}

func TestShift(t *testing.T) {
	for _, c := range []struct {
		elems, offs, want uint64
	}{
		{1, 1, 1},         // element 0 of a view at offset 0
		{1, 2, 2},         // element 0 of args[1:] is element 1
		{1, 2 | 4, 2 | 4}, // args[1:] or args[2:]
		{fromElem(0), 2, fromElem(1)},
		{1 << 63, 2, 1 << 63}, // saturates at 63
		{1 << 62, 4, 1 << 63}, // 62 + 2 is 63 or later
		{0, 1, 0},
	} {
		if got := shift(c.elems, c.offs); got != c.want {
			t.Errorf("shift(%b, %b) = %b, want %b", c.elems, c.offs, got, c.want)
		}
	}
}

func TestGuards(t *testing.T) {
	a := taint{params: 1}.guarded("T:string")
	b := taint{params: 2}.guarded("T:string")
	u := a.union(b)
	if len(u.guards) != 1 || u.guards[0].params != 3 {
		t.Errorf("union of two guards with one filter = %+v, want one guard on params 0 and 1", u.guards)
	}
	if v := u.union(a); !v.same(u) {
		t.Errorf("union with a part of itself changed the taint: %+v", v)
	}
	if g := (taint{params: 1}).guarded(""); g.params != 1 || len(g.guards) != 0 {
		t.Errorf("an empty filter guarded the taint: %+v", g)
	}
}
