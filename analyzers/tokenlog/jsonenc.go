package tokenlog

import (
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// JSON-encoding sinks (issue 15, class H): zerolog's Any, Interface and
// Fields, json.Marshal, json.MarshalIndent and json.Encoder.Encode write
// a value with encoding/json, which leaves out unexported fields and
// fields tagged `json:"-"`, and lets a MarshalJSON or MarshalText method
// decide what its type shows. A credential in such a field is not
// written; %v, %+v and %#v (fmt, and every logger that formats with fmt)
// ignore tags and still print it.

// jsonEncoded reports whether every use of the interface value v hands
// it to an encoding/json encoder as the value to encode.
func jsonEncoded(v *ssa.MakeInterface) bool {
	return onlyArgOf(v, jsonArg)
}

// jsonArg reports whether v is the argument that the call encodes with
// encoding/json.
func jsonArg(c *ssa.CallCommon, v ssa.Value) bool {
	fn := credsrc.Callee(c)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	args := c.Args
	if !c.IsInvoke() && c.Signature().Recv() != nil && len(args) > 0 {
		args = args[1:]
	}
	last := len(args) > 0 && args[len(args)-1] == v
	recv := credsrc.RecvTypeName(fn)
	switch fn.Pkg().Path() {
	case "encoding/json":
		switch {
		case recv == "" && (fn.Name() == "Marshal" || fn.Name() == "MarshalIndent"):
			return len(args) > 0 && args[0] == v
		case recv == "Encoder" && fn.Name() == "Encode":
			return last
		}
	case "github.com/rs/zerolog":
		// Event.Any/Interface(key, v) and Context.Any/Interface(key, v)
		// marshal v with zerolog.InterfaceMarshalFunc (json.Marshal);
		// Fields(map or slice) writes each value the same way.
		if recv != "Event" && recv != "Context" {
			return false
		}
		switch fn.Name() {
		case "Any", "Interface", "Fields":
			return last
		}
	}
	return false
}

// jsonDeep is the taint of what encoding/json writes for v: the value's
// own taint and the parts of its memory that the encoder shows.
func (f *fnState) jsonDeep(v ssa.Value) taint {
	t := f.vals[v]
	for p, mt := range f.mem[v] {
		if jsonVisible(v.Type(), p) {
			t = t.union(mt)
		}
	}
	return t
}

// jsonHides reports whether encoding/json writes values of type t
// through a method of their own.
func jsonHides(t types.Type) bool {
	ms := types.NewMethodSet(t)
	if _, ok := t.Underlying().(*types.Pointer); !ok {
		// encoding/json calls pointer methods of addressable values
		// too; a value in an interface is not addressable, but a field
		// reached through a pointer is: be generous, as the analyzer is
		// for String methods.
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	return ms.Lookup(nil, "MarshalJSON") != nil || ms.Lookup(nil, "MarshalText") != nil
}

// jsonField reports whether encoding/json writes field fv: exported (or
// an embedded struct, whose exported fields are promoted) and not
// tagged `json:"-"`.
func jsonField(fv *types.Var, tag string) bool {
	if !fv.Exported() && !fv.Anonymous() {
		return false
	}
	return reflect.StructTag(tag).Get("json") != "-"
}

// jsonVisible reports whether encoding/json writes the part of a value
// of type t at memory path p (".2" field 2, "[]" an element, `["k"]` a
// map entry). Paths it cannot follow count as written.
func jsonVisible(t types.Type, p string) bool {
	for depth := 0; ; depth++ {
		if p == "" || depth > 16 {
			return true
		}
		if depth > 0 && jsonHides(t) {
			return false
		}
		if pt, ok := t.Underlying().(*types.Pointer); ok {
			t = pt.Elem()
			if jsonHides(t) {
				return false
			}
		}
		switch {
		case p[0] == '.':
			end := strings.IndexAny(p[1:], ".[")
			if end < 0 {
				end = len(p) - 1
			}
			i, err := strconv.Atoi(p[1 : 1+end])
			st, ok := t.Underlying().(*types.Struct)
			if err != nil || !ok || i >= st.NumFields() {
				return true
			}
			if !jsonField(st.Field(i), st.Tag(i)) {
				return false
			}
			t, p = st.Field(i).Type(), p[1+end:]
		case p[0] == '[':
			end := strings.Index(p, "]")
			if end < 0 {
				return true
			}
			switch u := t.Underlying().(type) {
			case *types.Slice:
				t = u.Elem()
			case *types.Array:
				t = u.Elem()
			case *types.Map:
				t = u.Elem()
			default:
				return true
			}
			if end+1 < len(p) && p[1] == '"' {
				// A quoted key may hold "]": find the closing quote.
				if q := strings.Index(p[2:], "\"]"); q >= 0 {
					end = q + 3
				}
			}
			p = p[end+1:]
		default:
			return true
		}
	}
}

// jsonCarrier narrows a carrier (credsrc.CarrierOf) to a value
// encoding/json writes: the first credential field the encoder shows,
// following pointer fields (the encoder writes what they point to).
func jsonCarrier(t types.Type) *credsrc.Carrier {
	if t == nil || jsonHides(t) {
		return nil
	}
	e, ok := credsrc.StructElem(t, jsonHides) // a slice or map is encoded element by element
	if !ok {
		return nil
	}
	field, src, ok := jsonCarrierField(e, 0, map[types.Type]bool{})
	if !ok {
		return nil
	}
	return &credsrc.Carrier{Type: credsrc.TypeString(t), Field: field, Source: src}
}

func jsonCarrierField(t types.Type, depth int, seen map[types.Type]bool) (string, credsrc.Source, bool) {
	if pt, ok := t.Underlying().(*types.Pointer); ok {
		t = pt.Elem()
	}
	if depth > credsrc.CarrierDepth || seen[t] || (depth > 0 && jsonHides(t)) {
		return "", credsrc.Source{}, false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" {
		// As for CarrierOf: net/http's structs are printed for
		// debugging all the time; the request is judged by its parts.
		return "", credsrc.Source{}, false
	}
	seen[t] = true
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return "", credsrc.Source{}, false
	}
	for i := 0; i < st.NumFields(); i++ {
		fv := st.Field(i)
		if !jsonField(fv, st.Tag(i)) || jsonHides(fv.Type()) {
			continue // not written, or written by its type's MarshalJSON or MarshalText
		}
		if src, ok := credsrc.FromFieldOf(t, i); ok {
			return fv.Name(), src, true
		}
		ft := fv.Type()
		if pt, ok := ft.Underlying().(*types.Pointer); ok {
			ft = pt.Elem()
		}
		if _, isStruct := ft.Underlying().(*types.Struct); isStruct && !credsrc.CiphertextType(ft) {
			if sub, src, ok := jsonCarrierField(ft, depth+1, seen); ok {
				return fv.Name() + "." + sub, src, true
			}
		}
	}
	return "", credsrc.Source{}, false
}
