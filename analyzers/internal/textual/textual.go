// Package textual tells the types that carry text: a string or a byte
// slice (named or not), the types a credential travels in.
package textual

import "go/types"

// Type reports whether t's underlying type is a string or a byte slice.
func Type(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		e, ok := u.Elem().Underlying().(*types.Basic)
		return ok && e.Kind() == types.Byte
	}
	return false
}
