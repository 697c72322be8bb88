package tokenlog

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A pointer printed inside a container.
//
// fmt prints a pointer to a struct as &{field values} only at the top
// level of what it is handed; a pointer inside a slice, a map or another
// value prints as its address (fmt's printValue: "pointer to array or
// slice or struct? ok at top level but not embedded (avoid loops)").
// sops logs its key groups with log.Debugf("%+v", group), a []MasterKey
// whose elements are *hcvault.MasterKey: the Vault token field is never
// shown. So a pointer made an interface only to be put in a container
// (appended to a slice, stored in a slice element or a map) does not
// make its struct's credential fields a credential: the type's carrier
// is not applied. What was stored in its fields still flows as before.

// containerElemPtr reports whether v converts a pointer to a struct to
// an interface only to put it in a slice or a map.
func containerElemPtr(v *ssa.MakeInterface) bool {
	p, ok := v.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	if _, ok := p.Elem().Underlying().(*types.Struct); !ok {
		return false
	}
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.MapUpdate:
			if r.Value != ssa.Value(v) {
				return false
			}
		case *ssa.Store:
			if r.Val != ssa.Value(v) || !(elemOfSlice(r.Addr) || varargsOf(r.Addr, appendArg)) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// appendArg accepts the list appended by the builtin append.
func appendArg(c *ssa.CallCommon, arg ssa.Value) bool {
	b, ok := c.Value.(*ssa.Builtin)
	return ok && b.Name() == "append" && len(c.Args) == 2 && c.Args[1] == arg
}

// elemOfSlice reports whether addr is an element of a slice (s[i] = x),
// not of a variadic list's backing array.
func elemOfSlice(addr ssa.Value) bool {
	ia, ok := addr.(*ssa.IndexAddr)
	if !ok {
		return false
	}
	_, isSlice := ia.X.Type().Underlying().(*types.Slice)
	return isSlice
}
