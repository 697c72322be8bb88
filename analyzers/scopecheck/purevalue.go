package scopecheck

import "go/types"

// A pure value function of another module. scopecheck cannot see into
// another module's code, so a call there counts as work by default. A
// function that is given only plain values and returns only plain
// values, with no error, cannot reach the application's state: it
// builds or converts a value (null.StringFrom(s), a money or decimal
// constructor, a slug or hash helper). The rule: a package function, or
// a method with a value receiver, all of whose parameters, receiver and
// results are reference-free (basic types, and structs, arrays and
// slices of them; no pointer, map, channel, function or interface),
// with at least one result and no error result, is no work. A function
// that takes or returns a handle (a *DB, a client, an interface), or
// can fail (an error result, the sign of I/O), still is.

// pureValueFunc reports whether fn is such a pure value function.
func pureValueFunc(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return false
	}
	if r := sig.Recv(); r != nil && !referenceFree(r.Type(), 0) {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if !referenceFree(sig.Params().At(i).Type(), 0) {
			return false
		}
	}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if isError(t) || !referenceFree(t, 0) {
			return false
		}
	}
	return true
}

// referenceFree reports whether a value of type t holds no reference to
// state outside itself.
func referenceFree(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer && u.Kind() != types.Invalid
	case *types.Array:
		return referenceFree(u.Elem(), depth+1)
	case *types.Slice:
		return referenceFree(u.Elem(), depth+1)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if !referenceFree(u.Field(i).Type(), depth+1) {
				return false
			}
		}
		return true
	}
	return false
}
