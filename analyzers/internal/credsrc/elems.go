package credsrc

import "go/types"

// Containers of credential carriers.
//
// fmt, encoding/json, slog and the structured loggers print a slice, an
// array or a map (its values) element by element, each element as it
// would print alone: a []User whose User has a Password field prints
// every password. A container is a carrier when its element type (or
// the struct an element points to) is one, and no element hides itself
// (a String, Format, MarshalJSON or LogValue method of the element type,
// as hides judges them for the printer). Map keys are left out: a key
// type with a credential field is not a pattern seen in real code.

// StructElem peels up to three levels of slices, arrays, maps (values)
// and pointers off t, returning the element type, or t itself when it is
// none of these; ok is false when an element type hides itself.
func StructElem(t types.Type, hides func(types.Type) bool) (types.Type, bool) {
	for range 3 {
		var e types.Type
		switch u := t.Underlying().(type) {
		case *types.Slice:
			e = u.Elem()
		case *types.Array:
			e = u.Elem()
		case *types.Map:
			e = u.Elem()
		case *types.Pointer:
			e = u.Elem()
		default:
			return t, true
		}
		if hides(e) {
			return nil, false
		}
		t = e
	}
	return t, true
}
