package tokenlog

import (
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// val returns the taint of a value.
func (f *fnState) val(v ssa.Value) taint { return f.vals[v] }

// deep returns the taint of a value and of the memory it refers to: a
// slice's elements, a map's entries, a pointed-to struct's fields.
func (f *fnState) deep(v ssa.Value) taint {
	t := f.vals[v]
	for _, mt := range f.mem[v] {
		t = t.union(mt)
	}
	return t
}

// meaningless reports whether a type cannot carry a credential: numbers
// and booleans (len(tok), tok == want) are where flows end. Errors end
// flows too: an error returned beside a decoded credential
// (base64.DecodeString) describes the failure. The exception is an
// error that holds a credential (src.InError): the *url.Error of a
// request whose URL carries one, or an error made from one, which
// setVal and setTuple keep (urlerror.go).
func meaningless(t types.Type) bool {
	if types.Identical(t, errorType) {
		return true
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString == 0 && b.Kind() != types.UnsafePointer && b.Kind() != types.Invalid
}

var errorType = types.Universe.Lookup("error").Type()

func (f *fnState) setVal(v ssa.Value, t taint) {
	if f.issued != nil {
		t = t.union(f.issuedTaint(v)) // issuedcookie.go
	}
	if types.Identical(v.Type(), errorType) {
		var ok bool
		if t, ok = errorCarried(t); !ok {
			return // errors end flows, but a *url.Error (urlerror.go)
		}
	}
	if t.zero() || meaningless(v.Type()) && !inError(t) || openedAsPath(v, f.st.paths) {
		return
	}
	old := f.vals[v]
	n := old.union(t)
	if !n.same(old) {
		f.vals[v] = n
		f.changed = true
	}
}

func (f *fnState) setTuple(v ssa.Value, ts []taint) {
	old := f.tuples[v]
	tup, _ := v.Type().(*types.Tuple)
	if len(old) < len(ts) {
		old = append(old, make([]taint, len(ts)-len(old))...)
	}
	for i, t := range ts {
		if tup != nil && i < tup.Len() && types.Identical(tup.At(i).Type(), errorType) {
			t, _ = errorCarried(t) // urlerror.go
		}
		if t.zero() || (tup != nil && i < tup.Len() && meaningless(tup.At(i).Type()) && !inError(t)) {
			continue
		}
		n := old[i].union(t)
		if !n.same(old[i]) {
			old[i] = n
			f.changed = true
		}
	}
	f.tuples[v] = old
}

// addr splits an address into its root (an allocation, parameter,
// global or other pointer value) and a path of field and element
// steps: ".2" for field 2, "[]" for any element.
func addr(v ssa.Value) (ssa.Value, string) {
	switch a := v.(type) {
	case *ssa.FieldAddr:
		r, p := addr(a.X)
		return r, p + "." + strconv.Itoa(a.Field)
	case *ssa.IndexAddr:
		r, p := addr(a.X)
		return r, p + "[]"
	}
	return v, ""
}

func (f *fnState) store(address ssa.Value, t taint) {
	if t.zero() {
		return
	}
	root, path := addr(address)
	m := f.mem[root]
	if m == nil {
		m = map[string]taint{}
		f.mem[root] = m
	}
	old := m[path]
	n := old.union(t)
	if !n.same(old) {
		m[path] = n
		f.changed = true
	}
}

// under reports whether path p lies at or below path q: ".1.2" is
// under ".1", ".10" is not.
func under(p, q string) bool {
	if !strings.HasPrefix(p, q) {
		return false
	}
	return len(p) == len(q) || p[len(q)] == '.' || p[len(q)] == '['
}

// load returns the taint of the value at an address: what was stored
// there or in an enclosing object, and the taint of the root pointer
// itself when no field was selected on the way (a tainted slice's
// elements are tainted; a tainted struct pointer's fields are not).
// When a whole struct, array or map is loaded, what was stored in its
// parts is kept per part, as the memory of the loaded value, so that
// copying a struct (c := cfg) keeps c.Addr apart from c.Password, and a
// map captured by a closure keeps m["host"] apart from m["password"].
func (f *fnState) load(v ssa.Value, address ssa.Value, typ types.Type) taint {
	root, path := addr(address)
	var t taint
	whole := false
	switch typ.Underlying().(type) {
	case *types.Struct, *types.Array, *types.Map:
		whole = true
	}
	// A whole local struct read: parts not yet written, or overwritten
	// with a constant, are left out (structset.go).
	local, _ := root.(*ssa.Alloc)
	at, _ := v.(ssa.Instruction)
	if !whole || path != "" || at == nil {
		local = nil
	}
	// When every write through root is visible, only those through
	// this definition of it count: a loop's element is a new pointer
	// each time (loopfresh.go).
	ws, fresh := f.reachingWrites(root, at, path, whole)
	for _, w := range ws {
		mt := f.deep(w.val)
		if strings.Contains(path[len(w.path):], ".") {
			mt = mt.realOnly()
		}
		t = t.union(mt)
	}
	for p, mt := range f.mem[root] {
		if fresh {
			break
		}
		if local != nil && (!f.setBefore(local, at, p) || f.constBefore(local, at, p)) {
			continue
		}
		switch {
		case under(path, p):
			if strings.Contains(path[len(p):], ".") {
				// A field of an object stored whole: a credential
				// stored whole taints its fields, a parameter does
				// not (its caller passed the object, not the field).
				mt = mt.realOnly()
			}
			t = t.union(mt)
		case whole && under(p, path):
			f.setMem(v, p[len(path):], mt)
		}
	}
	if _, ok := typ.Underlying().(*types.Pointer); ok && structLike(typ) && !fresh {
		// A pointer stored with its pointee's parts (storeValue).
		pre := path + pointee
		for p, mt := range f.mem[root] {
			if strings.HasPrefix(p, pre) {
				f.setMem(v, p[len(pre):], mt)
			}
		}
	}
	if ia, ok := address.(*ssa.IndexAddr); ok && path == "[]" {
		if _, ok := f.views[ia.X]; ok {
			// An element of the list parameter: the elements it may
			// be (IndexAddr above), not the whole list.
			return t.union(f.vals[ia])
		}
	}
	if !strings.Contains(path, ".") {
		t = t.union(f.vals[root])
	}
	return t
}

// setMem records taint for part rel of the memory of v.
func (f *fnState) setMem(v ssa.Value, rel string, t taint) {
	if t.zero() {
		return
	}
	m := f.mem[v]
	if m == nil {
		m = map[string]taint{}
		f.mem[v] = m
	}
	old := m[rel]
	n := old.union(t)
	if !n.same(old) {
		m[rel] = n
		f.changed = true
	}
}

// storeValue stores val at address: the parts of a struct, array or
// map value (entries under constant keys) keep their own paths.
func (f *fnState) storeValue(address, val ssa.Value) {
	switch val.Type().Underlying().(type) {
	case *types.Struct, *types.Array, *types.Map:
		f.store(address, f.vals[val])
		root, path := addr(address)
		for rel, t := range f.mem[val] {
			f.setMem(root, path+rel, t)
		}
		return
	case *types.Pointer:
		// A pointer to a struct whose fields were written apart
		// (cached = &device): the pointee's parts are kept under
		// the pointer's path, for a load of the pointer to take
		// back (load).
		if !structLike(val.Type()) || len(f.mem[val]) == 0 {
			break
		}
		f.store(address, f.vals[val])
		root, path := addr(address)
		for rel, t := range f.mem[val] {
			f.setMem(root, path+pointee+rel, t)
		}
		return
	}
	f.store(address, f.deep(val))
}

// pointee marks, in a memory path, the parts of the struct a stored
// pointer points to.
const pointee = "*"

// field is the taint of field i of a struct value.
func (f *fnState) field(x ssa.Value, i int) taint {
	t := f.vals[x].realOnly()
	fp := "." + strconv.Itoa(i)
	for p, mt := range f.mem[x] {
		if under(p, fp) {
			t = t.union(mt)
		}
	}
	return t
}

// source recognises a value that is itself a credential.
func (f *fnState) source(v ssa.Value) taint {
	if decodedClaims(v) {
		// The decoded claims of a JWT, whatever the variable is
		// called (segments.go).
		return taint{}
	}
	if u, ok := v.(*ssa.UnOp); ok {
		if g, ok := u.X.(*ssa.Global); ok && f.st.constVars[g.Object()] {
			// A package variable named like a credential whose value
			// is a literal (sample values, placeholders) is found by
			// hardcodedcred where it is written; logging it leaks
			// nothing that is not in the source already.
			return taint{}
		}
		if fa, ok := u.X.(*ssa.FieldAddr); ok {
			if a, ok := fa.X.(*ssa.Alloc); ok && constOnlyField(a, fa.Field) {
				// The same for a field of a local struct that the
				// function fills only with constants (a sandbox or
				// demo configuration).
				return taint{}
			}
		}
	}
	if obj := credsrc.ValueObject(v); obj != nil {
		if _, plain := f.st.plain[obj]; plain {
			// The package shows the value is a duration, number,
			// path, URN or URL: no credential whatever its name.
			return taint{}
		}
	}
	if f.st.bareRequestHeader(v) {
		// The headers of a request the package built and put no
		// credential in (outreq.go).
		return taint{}
	}
	if aboutCookieValue(v) {
		// A cookie named for a location or a preference
		// (cookieabout.go).
		return taint{}
	}
	if f.maskedDump(v) || f.bareDump(v) {
		return taint{} // dumpmask.go, outreq.go
	}
	src, ok := credsrc.FromValue(v)
	if !ok {
		src, ok = f.sentSource(v) // sentfields.go
	}
	if !ok {
		src, ok = f.localName(v)
	}
	if !ok {
		src, ok = filledLocal(v, f.st.plain)
	}
	if !ok {
		src, ok = f.typeSource(v)
	}
	if !ok {
		src, ok = dsnSource(v) // dsn.go
	}
	if !ok {
		src, ok = f.st.loginURLSource(v) // loginurl.go
	}
	if !ok {
		return taint{}
	}
	return taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: v.Pos(), Message: src.Desc}}}}
}

// filledLocal applies the name hint to a local variable a call fills
// through its address (var pw string; fmt.Scanln(&pw), or
// flag.StringVar(&token, …)): namedLocals anchors names at assignments,
// and such a variable has none. A load of the variable is the named
// local when its address is handed to a call, directly or as an element
// of a variadic ...any list, and nowhere else but loads and stores.
func filledLocal(v ssa.Value, plain map[types.Object]string) (credsrc.Source, bool) {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return credsrc.Source{}, false
	}
	a, ok := u.X.(*ssa.Alloc)
	if !ok || a.Comment == "" || a.Referrers() == nil {
		return credsrc.Source{}, false
	}
	filled := false
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp, *ssa.Store, *ssa.DebugRef:
		case *ssa.Call:
			filled = true
		case *ssa.MakeInterface:
			// fmt.Scanln(&pw): the address goes into the ...any list.
			filled = filled || r.Referrers() != nil && len(*r.Referrers()) > 0
		default:
			return credsrc.Source{}, false
		}
	}
	if !filled {
		return credsrc.Source{}, false
	}
	for _, r := range *a.Referrers() {
		if d, ok := r.(*ssa.DebugRef); ok && d.Object() != nil {
			if _, isPlain := plain[d.Object()]; isPlain {
				return credsrc.Source{}, false
			}
		}
	}
	return credsrc.FromName("variable", a.Comment, u.Type())
}

// localName applies the name hint of a local variable the value is
// assigned to (see namedLocals).
func (f *fnState) localName(v ssa.Value) (credsrc.Source, bool) {
	idx := 0
	pos := v.Pos()
	if e, ok := v.(*ssa.Extract); ok {
		idx = e.Index
		pos = e.Tuple.Pos()
	}
	switch v.(type) {
	case *ssa.Call, *ssa.Extract, *ssa.Lookup, *ssa.TypeAssert, *ssa.Convert, *ssa.UnOp:
	default:
		return credsrc.Source{}, false
	}
	if m, ok := f.st.locals[pos]; ok {
		src, ok := m[idx]
		return src, ok
	}
	return credsrc.Source{}, false
}

func (f *fnState) visit(instr ssa.Instruction) {
	switch i := instr.(type) {
	case *ssa.Store:
		if !f.overwritten[i] { // overwrite.go
			f.storeValue(i.Addr, i.Val)
		}
		f.errorStore(i) // errstore.go
		return
	case *ssa.MapUpdate:
		if k, ok := credsrc.ConstKey(i.Key); ok {
			// An entry under a constant key is kept apart, like a
			// field: m["port"] of a config map is not m["secret"].
			f.setMem(i.Map, keyPath(k), f.deep(i.Value).union(f.queryLiteralKeyed(i)))
			return
		}
		f.store(i.Map, f.deep(i.Value))
		return
	case *ssa.Call:
		f.call(i.Common(), i)
		return
	case *ssa.Defer:
		f.call(i.Common(), nil)
		return
	case *ssa.Go:
		f.call(i.Common(), nil)
		return
	}
	v, ok := instr.(ssa.Value)
	if !ok {
		return
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op == token.MUL {
			if val, ok := f.early[v]; ok {
				// A read before the value is overwritten (overwrite.go).
				f.setVal(v, f.deep(val).union(f.source(v)))
				return
			}
			if fa, ok := v.X.(*ssa.FieldAddr); ok && f.st.accessPairs && f.accessKeyField(fa.X.Type(), fa.Field) {
				return // an access key id, whatever struct it is read from
			}
			if signedData(v) || leadingField(v) {
				// The data a MAC in another part covers, or the scheme,
				// user or key id before the credential (segments.go).
				f.setVal(v, f.source(v))
				return
			}
			f.setVal(v, f.load(v, v.X, v.Type()).union(f.source(v)).union(f.requestURLLoad(v)).union(f.requestFormLoad(v)))
			f.sharePointerField(v) // fieldptr.go
		}
	case *ssa.IndexAddr:
		// An element of the list parameter: the caller's argument at
		// that position (args[0]) or from the lowest offset on (a
		// range over args[1:]).
		if offs, ok := f.views[v.X]; ok {
			var m uint64
			if k, ok := constIndex(v.Index); ok {
				m = shift(1<<uint(k), offs)
			} else if start, step, ok := strideIndex(v.Index); ok {
				m = shift(strideMask(start, step), offs) // origins.go
			} else {
				m = fromElem(lowest(offs))
			}
			f.setVal(v, taint{elems: m})
		}
	case *ssa.BinOp:
		f.compared(v)
		if v.Op == token.ADD && !meaningless(v.Type()) {
			f.setVal(v, f.val(v.X).union(f.val(v.Y)).union(f.concatKeyed(v)).union(f.mintedTaint(v))) // urlparam.go, minted.go
		}
	case *ssa.Convert:
		f.setVal(v, f.conv(v.X, v.Type()).union(f.source(v)))
	case *ssa.ChangeType:
		f.setVal(v, f.conv(v.X, v.Type()))
	case *ssa.MultiConvert:
		f.setVal(v, f.conv(v.X, v.Type()))
	case *ssa.ChangeInterface:
		f.setVal(v, f.deep(v.X))
	case *ssa.SliceToArrayPointer:
		f.setVal(v, f.deep(v.X))
	case *ssa.MakeInterface:
		f.setVal(v, f.makeInterface(v))
	case *ssa.TypeAssert:
		t := f.deep(v.X)
		if filter := filterOf(v.AssertedType); filter != "" {
			t = filterArg(v.X, t, filter)
		}
		t = t.union(f.source(v))
		if v.CommaOk {
			f.setTuple(v, []taint{t, {}})
		} else {
			f.setVal(v, t)
		}
	case *ssa.Slice:
		if offs, ok := f.views[v]; ok {
			// The list parameter sliced (args[1:]): its elements from
			// the lowest offset on.
			f.setVal(v, taint{elems: fromElem(lowest(offs))}.union(f.memOnly(v.X)))
			return
		}
		if !shortSlice(v) && !f.shortTokenSlice(v) {
			if structElems(v.Type()) {
				// A slice of structs keeps its elements' fields apart
				// (elemfields.go).
				f.sliceParts(v)
				return
			}
			f.setVal(v, f.deep(v.X))
		}
	case *ssa.Phi:
		var t taint
		if offs, ok := f.views[v]; ok {
			// The list parameter from one of several offsets.
			t = taint{elems: fromElem(lowest(offs))}
			for _, e := range v.Edges {
				if _, ok := f.views[e]; !ok {
					t = t.union(f.deep(e))
				}
			}
		} else {
			for i, e := range v.Edges {
				if !f.deadEdge(v, i, e) {
					t = t.union(f.deep(e))
				}
			}
		}
		f.setVal(v, t)
	case *ssa.Extract:
		var t taint
		if ts := f.tuples[v.Tuple]; v.Index < len(ts) {
			t = ts[v.Index]
		}
		f.setVal(v, t.union(f.source(v)))
		if ps := f.tparts[v.Tuple]; v.Index < len(ps) {
			for p, mt := range ps[v.Index] {
				f.setMem(v, p, mt)
			}
		}
	case *ssa.Field:
		if f.st.accessPairs && f.accessKeyField(v.X.Type(), v.Field) {
			return // an access key id (credsrc.AccessKeyID)
		}
		f.setVal(v, f.field(v.X, v.Field).union(f.source(v)))
	case *ssa.Index:
		f.setVal(v, f.val(v.X))
	case *ssa.Lookup:
		t := f.source(v)
		if !isHeaderLike(v.X.Type()) {
			t = t.union(f.lookup(v))
		}
		if v.CommaOk {
			f.setTuple(v, []taint{t, {}})
		} else {
			f.setVal(v, t)
		}
	case *ssa.Next:
		if r, ok := v.Iter.(*ssa.Range); ok && !isHeaderLike(r.X.Type()) {
			// Values carry the map's taint; keys do not: stores keep
			// no taint for keys, and the keys of a map of credentials
			// are their names.
			t := f.deep(r.X)
			f.setTuple(v, []taint{{}, {}, t})
		} else if ok && isPkgType(r.X.Type(), "net/http", "Header") && !credHeadersFiltered(v) {
			// The values of a request's headers, one by one: they
			// carry its Authorization and Cookie values unless the
			// loop leaves both out (headercopy.go).
			f.setTuple(v, []taint{{}, {}, f.val(r.X)})
		}
	}
}

// constOnlyField reports whether field i of the local struct variable a
// is only ever given constants: every store to it stores a constant, no
// whole value is stored into the variable, and neither the variable's
// address nor the field's escapes to anything that could write it (a
// call, a closure, another variable). Loads of the whole struct and of
// other fields are fine.
func constOnlyField(a *ssa.Alloc, i int) bool {
	return constOnlyField1(a, i, 0)
}

func constOnlyField1(a *ssa.Alloc, i, depth int) bool {
	refs := a.Referrers()
	if refs == nil {
		return false
	}
	stored := false
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if r.Addr != a {
				return false
			}
			switch val := r.Val.(type) {
			case *ssa.Const:
				// The zero value a composite literal starts from.
			case *ssa.UnOp:
				// cfg := T{…}: the literal is built in a variable of
				// its own and copied.
				b, ok := val.X.(*ssa.Alloc)
				if !ok || b == a || depth > 2 || !constOnlyField1(b, i, depth+1) {
					return false
				}
				stored = true
			default:
				return false
			}
		case *ssa.FieldAddr:
			if r.Field != i {
				continue
			}
			frefs := r.Referrers()
			if frefs == nil {
				continue
			}
			for _, fr := range *frefs {
				switch fr := fr.(type) {
				case *ssa.DebugRef:
				case *ssa.UnOp:
					if fr.Op != token.MUL {
						return false
					}
				case *ssa.Store:
					if fr.Addr != r {
						return false
					}
					if _, ok := fr.Val.(*ssa.Const); !ok {
						return false
					}
					stored = true
				default:
					return false
				}
			}
		default:
			return false
		}
	}
	return stored
}

// keyPath is the memory path of a map entry under a constant key.
func keyPath(k string) string { return "[" + strconv.Quote(k) + "]" }

// lookup is the taint of m[k] for a map or string value: with a
// constant key, the map's own taint, the entry stored under that key
// and the entries stored under keys not known; otherwise all of it.
func (f *fnState) lookup(v *ssa.Lookup) taint {
	k, ok := credsrc.ConstKey(v.Index)
	if !ok {
		return f.deep(v.X)
	}
	t := f.vals[v.X]
	kp := keyPath(k)
	for p, mt := range f.mem[v.X] {
		if under(p, kp) || under(p, "[]") || p == "" || p[0] == '.' {
			t = t.union(mt)
		}
	}
	if t.tr != nil && t.tr.decoded && !credname.IsCredential(k) {
		// m["error"] of a decoded token response: an entry no
		// credential name keys.
		t.tr = nil
	}
	return t
}

// memOnly is the taint of what was stored in the memory of v.
func (f *fnState) memOnly(v ssa.Value) taint {
	var t taint
	for _, mt := range f.mem[v] {
		t = t.union(mt)
	}
	return t
}

// isHeaderLike reports whether a map type is http.Header, url.Values or
// gRPC metadata.MD, whose entries are credentials only by key (credsrc
// decides): reading Content-Type from a request's headers reads no
// credential.
func isHeaderLike(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "net/http.Header", "net/url.Values", "google.golang.org/grpc/metadata.MD":
		return true
	}
	return false
}

// conv is the taint of a conversion. A conversion to a type that prints
// itself through a method (a redacting String or LogValue) keeps the
// taint: the method hides the value only when it is printed, which
// makeInterface sees, and string(s) converts it back.
func (f *fnState) conv(x ssa.Value, _ types.Type) taint {
	return f.deep(x)
}

// makeInterface is where a value is handed to fmt, slog, zap or logrus
// as an interface: a type with a hiding method ends the flow, and a
// struct with a credential field becomes a credential of its own.
func (f *fnState) makeInterface(v *ssa.MakeInterface) taint {
	xt := v.X.Type()
	if t, ok := f.printedValue(v); ok {
		return t
	}
	// A value only fmt prints is hidden by fmt's methods alone
	// (fmthides.go).
	byFmt := f.st.hidesType(xt) && !credsrc.HidesFromFmt(xt) && fmtPrinted(v)
	// A value encoded with encoding/json shows only the fields the
	// encoder writes, and only MarshalJSON or MarshalText hide it: a
	// String method (gRPC's redacting metadata.MD.String) is not called
	// (jsonenc.go).
	asJSON := jsonEncoded(v)
	hides := f.st.hidesType(xt)
	if asJSON {
		hides = jsonHides(xt)
	}
	if hides && !byFmt {
		return taint{}
	}
	t := f.deep(v.X)
	if asJSON {
		t = f.jsonDeep(v.X)
	}
	if a, at := localStruct(v); a != nil && at == v {
		// A local struct printed by pointer: the parts not yet
		// written are left out (structset.go).
		t = f.vals[a]
		for p, mt := range f.mem[a] {
			if f.setBefore(a, v, p) && !f.constBefore(a, v, p) && (!asJSON || jsonVisible(a.Type(), p)) {
				t = t.union(mt)
			}
		}
	}
	if (t.tr == nil || t.tr.unreported()) && !containerElemPtr(v) {
		c := f.st.carrier(xt)
		switch {
		case asJSON:
			c = jsonCarrier(xt)
		case byFmt:
			c = f.st.fmtCarrier(xt)
		}
		if c != nil {
			// A local struct is judged by the fields that may be set
			// when it is printed (structset.go).
			if cf, local := f.printedCred(v, asJSON, c); local && cf == nil {
				c = nil
			} else if masked, left := f.maskedResult(v.X); !local && masked {
				c = nil // a masked copy returned by a helper (maskcopy.go)
			} else if !local && left != nil && left.name != c.Field {
				c = &credsrc.Carrier{Type: c.Type, Field: left.name, Source: left.src}
			} else if local && cf.name != c.Field {
				c = &credsrc.Carrier{Type: c.Type, Field: cf.name, Source: cf.src}
			}
		}
		if c == nil && !hides && !asJSON {
			// A map whose credential entry the package reads by key
			// (credmap.go).
			if key, src, ok := f.credMapEntry(v.X); ok {
				c = &credsrc.Carrier{Type: "map " + mapName(v.X), Field: strconv.Quote(key), Source: src}
			}
		}
		if c != nil && c.Field == "Header" && isHTTPRequestPtr(xt) && f.st.bareRequest(v.X) {
			// A request the package built and put no credential
			// header in, printed whole (outreq.go).
			c = nil
		}
		if c != nil {
			t.tr = &trace{src: c.Source, carrier: c, steps: []analysis.RelatedInformation{{Pos: v.Pos(), Message: c.Type + " has credential field " + c.Field}}}
			if !v.Pos().IsValid() {
				t.tr.steps[0].Pos = v.X.Pos()
			}
		}
	}
	return t
}

// shortSlicePrefix is the longest slice of a credential still shown: a
// four-to-eight-character prefix or suffix identifies a token without
// disclosing it (the messages of authvet itself show four).
const shortSlicePrefix = 8

// smallConst reports whether v is an integer constant of at most
// shortSlicePrefix.
func smallConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return false
	}
	n, ok := constant.Int64Val(c.Value)
	return ok && n <= shortSlicePrefix
}

// shortSlice reports whether a slice keeps at most a short prefix
// (tok[:4]) or suffix (tok[len(tok)-4:]) of a string.
func shortSlice(s *ssa.Slice) bool {
	if b, ok := s.X.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return false
	}
	if smallConst(s.High) || builtinAny(s.High, "min", smallConst) {
		// tok[:4], tok[:min(len(tok), 6)]
		return true
	}
	// tok[len(tok)-4:], tok[max(0, len(tok)-4):]
	return s.High == nil && (smallBack(s.Low) || builtinAny(s.Low, "max", smallBack))
}

// tokenSlicePrefix is the longest prefix or suffix of a token (an OAuth,
// session or bearer token, never a password or key) still taken as an
// identifier: tokens are generated at 20 characters and more (DingTalk's
// 32, a JWT's hundreds), so ten or twelve of them leave far too many to
// guess, while the same prefix of a password is most of it.
const tokenSlicePrefix = 12

// shortTokenSlice reports whether v keeps at most tokenSlicePrefix
// characters of a value known here to be a token (goth's DingTalk
// provider logs AccessToken[:10] + "..." in its debug mode). A value that
// reaches the slice from a parameter is judged only when the parameter's
// own name says token (RefreshToken(refreshToken string)): a helper's
// show(secret string) may be passed a password.
func (f *fnState) shortTokenSlice(v *ssa.Slice) bool {
	if b, ok := v.X.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return false
	}
	small := func(x ssa.Value) bool {
		c, ok := x.(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
			return false
		}
		n, ok := constant.Int64Val(c.Value)
		return ok && n <= tokenSlicePrefix
	}
	back := func(x ssa.Value) bool {
		b, ok := x.(*ssa.BinOp)
		return ok && b.Op == token.SUB && small(b.Y)
	}
	// window is tok[8:20]: a constant run of at most tokenSlicePrefix
	// characters inside the token (a key's id part, mailpost's
	// raw[8:20] after its "mp_live_" prefix).
	window := func() bool {
		lo, ok1 := v.Low.(*ssa.Const)
		hi, ok2 := v.High.(*ssa.Const)
		if !ok1 || !ok2 || lo.Value == nil || hi.Value == nil || lo.Value.Kind() != constant.Int || hi.Value.Kind() != constant.Int {
			return false
		}
		l, _ := constant.Int64Val(lo.Value)
		h, _ := constant.Int64Val(hi.Value)
		return h > l && h-l <= tokenSlicePrefix
	}
	if !(small(v.High) || builtinAny(v.High, "min", small) || (v.High == nil && (back(v.Low) || builtinAny(v.Low, "max", back))) || window()) {
		return false
	}
	t := f.deep(v.X)
	return t.tr != nil && t.tr.src.Kind == credname.Token && (!t.origins() || t.tr.param != 0)
}

// smallBack reports whether v is x - c for a small constant c.
func smallBack(v ssa.Value) bool {
	b, ok := v.(*ssa.BinOp)
	return ok && b.Op == token.SUB && smallConst(b.Y)
}

// builtinAny reports whether v is a call of the named builtin (min,
// max) with an argument that pred accepts.
func builtinAny(v ssa.Value, name string, pred func(ssa.Value) bool) bool {
	c, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	if b, ok := c.Call.Value.(*ssa.Builtin); !ok || b.Name() != name {
		return false
	}
	for _, a := range c.Call.Args {
		if pred(a) {
			return true
		}
	}
	return false
}

// openedAsPath reports whether the function opens or reads v as a file
// path (os.ReadFile(v), tls.LoadX509KeyPair(v, …)), or hands it to a
// path parameter of a helper, of this package or another, that does
// (readJSON(credentials), whose parameter goes to ioutil.ReadFile): a
// value used as a path is a path, not the credential it may be derived
// from (the "file:/run/secrets/pw" reference of a password setting, its
// prefix trimmed; oauth2l's --credentials, the key file's name),
// whatever flowed into it.
func openedAsPath(v ssa.Value, paths func(*types.Func) []int) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, ref := range *refs {
		call, ok := ref.(ssa.CallInstruction)
		if !ok {
			continue
		}
		callee := call.Common().StaticCallee()
		if callee == nil {
			continue
		}
		fn, _ := callee.Object().(*types.Func)
		if !credsrc.IsPathTaker(fn) {
			if fn != nil && paths != nil && pathParamArg(call.Common(), fn, v, paths(fn)) {
				return true
			}
			continue
		}
		// A method's receiver comes first among the SSA arguments.
		off := 0
		if fn.Type().(*types.Signature).Recv() != nil {
			off = 1
		}
		for i, a := range call.Common().Args {
			if a == v && credsrc.PathArg(fn, i-off) {
				return true
			}
		}
	}
	return false
}

// pathParamArg reports whether v is a call's argument at one of params,
// the path parameters of fn (pathParam, which counts a method's
// receiver out).
func pathParamArg(c *ssa.CallCommon, fn *types.Func, v ssa.Value, params []int) bool {
	off := 0
	if fn.Type().(*types.Signature).Recv() != nil {
		off = 1
	}
	for _, p := range params {
		if i := p + off; i < len(c.Args) && c.Args[i] == v {
			return true
		}
	}
	return false
}

// accessKeyField reports whether field i of the struct t (or pointed to
// by t) is an access key id in a package that pairs access keys with
// secret keys (credsrc.AccessKeyID): authInfo.AccessKey, parsed from an
// Authorization header, is the key id the header names, not its
// signature.
func (f *fnState) accessKeyField(t types.Type, i int) bool {
	fld := credsrc.FieldOf(t, i)
	return fld != nil && credsrc.AccessKeyID(fld, true)
}
