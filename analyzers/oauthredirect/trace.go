package oauthredirect

import (
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// tracer follows one value back to where it comes from. In open mode
// a value only stays attacker-chosen through concatenation when it
// comes first (or after a prefix like "/" that leaves the host open);
// in dynamic mode any part of a URL built from the request counts,
// because "https://" + r.Host + "/callback" is exactly what dynamic-uri
// is about.
type tracer struct {
	st   *state
	dyn  bool
	seen map[ssa.Value]bool
	// all keeps origins that passed a check: what a value is computed
	// from, not whether it is still unsafe (verdict.go).
	all bool
}

// maxSteps bounds one trace; real flows to a redirect take a handful of
// steps, and a bound keeps pathological functions cheap.
const maxSteps = 400

// trace returns the origins of v that are request data or (for
// summaries) parameters, and have not been validated on the way.
func (st *state) trace(v ssa.Value, dyn bool) []origin {
	t := &tracer{st: st, dyn: dyn, seen: map[ssa.Value]bool{}}
	return t.value(v)
}

func (t *tracer) value(v ssa.Value) []origin {
	if v == nil || t.seen[v] || len(t.seen) > maxSteps {
		return nil
	}
	t.seen[v] = true
	out := t.step(v)
	if len(out) > 0 && !t.all && t.st.creditOf(v).ok() {
		// The value, or something derived from it, passed an
		// allow-list, a same-origin or a path-only check.
		return nil
	}
	return out
}

func (t *tracer) step(v ssa.Value) []origin {
	switch v := v.(type) {
	case *ssa.Parameter:
		fn := v.Parent()
		for i, p := range fn.Params {
			if p == v {
				return []origin{{param: i, pos: v.Pos()}}
			}
		}
	case *ssa.FreeVar:
		fn := v.Parent()
		mc := t.st.closures[fn]
		if mc == nil {
			return nil
		}
		for i, fv := range fn.FreeVars {
			if fv == v && i < len(mc.Bindings) {
				return t.value(mc.Bindings[i])
			}
		}
	case *ssa.Call:
		return t.call(v, -1)
	case *ssa.Extract:
		switch tup := v.Tuple.(type) {
		case *ssa.Call:
			return t.call(tup, v.Index)
		case *ssa.TypeAssert, *ssa.Lookup:
			// v, ok := x.(string) and v, ok := m[k]: the value is
			// element 0, the ok flag carries nothing.
			if v.Index == 0 {
				return t.value(tup)
			}
		}
	case *ssa.Phi:
		var out []origin
		for _, e := range v.Edges {
			out = append(out, t.value(e)...)
		}
		return out
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil
		}
		if o, ok := loadSource(v); ok {
			return t.st.checked(v, o)
		}
		return t.stored(v.X)
	case *ssa.Field:
		if o, ok := loadSource(v); ok {
			return t.st.checked(v, o)
		}
		if isNamed(v.X.Type(), "net/url", "URL") {
			if _, name, _ := fieldName(v); urlField(name, t.dyn) {
				return t.value(v.X)
			}
			return nil
		}
		// A field of a struct value a helper returned: the struct as a
		// whole is traced, which reaches request data only when the
		// helper decoded it from request data (decodedInto).
		switch v.X.(type) {
		case *ssa.Call, *ssa.Extract:
			return t.value(v.X)
		}
	case *ssa.BinOp:
		if v.Op != token.ADD || !isString(v.Type()) {
			return nil
		}
		left := t.value(v.X)
		if !t.dyn && sameOriginPath(v.X, v.Y) {
			return left
		}
		if t.dyn || unsafePrefix(v.X) {
			return append(left, t.value(v.Y)...)
		}
		return left
	case *ssa.Convert:
		return t.value(v.X)
	case *ssa.ChangeType:
		return t.value(v.X)
	case *ssa.MakeInterface:
		return t.value(v.X)
	case *ssa.TypeAssert:
		return t.value(v.X)
	case *ssa.Slice:
		if isString(v.X.Type()) {
			return t.value(v.X)
		}
	case *ssa.Index:
		return t.indexed(v, v.X)
	case *ssa.Lookup:
		if o, ok := lookupSource(v); ok {
			return t.st.checked(v, o)
		}
	}
	return nil
}

// indexed handles r.URL.Query()["next"][0] and r.Form["next"][0].
func (t *tracer) indexed(v ssa.Value, x ssa.Value) []origin {
	if o, ok := indexSource(v, x); ok {
		return t.st.checked(v, o)
	}
	return nil
}

// stored follows a load from addr to the values stored there: a local
// captured by a closure (Alloc, FreeVar), a field of a local struct,
// or an element of a slice (r.URL.Query()["next"][0]).
func (t *tracer) stored(addr ssa.Value) []origin {
	switch a := addr.(type) {
	case *ssa.IndexAddr:
		return t.indexed(addr, a.X)
	case *ssa.FreeVar:
		mc := t.st.closures[a.Parent()]
		if mc == nil {
			return nil
		}
		for i, fv := range a.Parent().FreeVars {
			if fv == a && i < len(mc.Bindings) {
				return t.stored(mc.Bindings[i])
			}
		}
		return nil
	case *ssa.Alloc:
		var out []origin
		for _, s := range storesTo(a) {
			out = append(out, t.value(s)...)
		}
		if !boundToBrowser(a) {
			for _, data := range decodedInto(a) {
				out = append(out, t.value(data)...)
			}
		}
		return out
	case *ssa.FieldAddr:
		base, name, _ := fieldName(a)
		var out []origin
		if alloc, ok := base.(*ssa.Alloc); ok && boundFromRequest(alloc) {
			// A field of a struct the request body or query was
			// decoded into (json.NewDecoder(r.Body).Decode(&req),
			// c.ShouldBindJSON(&req)).
			o := origin{kind: kParam, desc: "request field " + name, pos: a.Pos(), param: -1}
			return t.st.checked(addrLoad(a), o)
		}
		if alloc, ok := base.(*ssa.Alloc); ok {
			if !boundToBrowser(alloc) {
				for _, data := range decodedInto(alloc) {
					out = append(out, t.value(data)...)
				}
			}
			for _, s := range storesTo(alloc) {
				// The whole struct stored, as a helper returned it
				// (st, err := decodeState(…); st.Return).
				switch s.(type) {
				case *ssa.Call, *ssa.Extract:
					out = append(out, t.value(s)...)
				}
			}
			for _, ref := range *alloc.Referrers() {
				if fa, ok := ref.(*ssa.FieldAddr); ok && fa.Field == a.Field {
					for _, s := range storesTo(fa) {
						out = append(out, t.value(s)...)
					}
				}
			}
		}
		if isNamed(base.Type(), "net/url", "URL") && urlField(name, t.dyn) {
			// u.Path of a URL parsed from request data.
			out = append(out, t.value(base)...)
		}
		return out
	}
	return nil
}

// storesTo returns the values stored at addr.
func storesTo(addr ssa.Value) []ssa.Value {
	var out []ssa.Value
	refs := addr.Referrers()
	if refs == nil {
		return nil
	}
	for _, ref := range *refs {
		if s, ok := ref.(*ssa.Store); ok && s.Addr == addr {
			out = append(out, s.Val)
		}
	}
	return out
}

// urlField reports whether a url.URL field keeps an attacker's choice
// of destination: the path (which may be "//evil.example" or
// "/\evil.example"), and in dynamic mode the host too. The query and
// fragment cannot change where the browser goes.
func urlField(name string, dyn bool) bool {
	switch name {
	case "Path", "RawPath", "Opaque":
		return true
	case "Host", "Scheme", "User":
		return dyn
	}
	return false
}

// call returns the origins of result idx (-1: the only result) of call.
func (t *tracer) call(call *ssa.Call, idx int) []origin {
	if o, ok := callSource(call, idx); ok {
		var v ssa.Value = call
		return t.st.checked(v, o)
	}
	c, ok := resolve(call.Common())
	if !ok {
		return nil
	}
	if idx > 0 {
		// Second results are errors and booleans (url.Parse, GetQuery).
		if s := t.st.summaryOf(c); s != nil {
			return t.fromSummary(call, s, idx)
		}
		return nil
	}
	if args, ok := t.propagates(c); ok {
		var out []origin
		for _, a := range args {
			out = append(out, t.value(a)...)
		}
		return out
	}
	if s := t.st.summaryOf(c); s != nil {
		return t.fromSummary(call, s, max(idx, 0))
	}
	return nil
}

// fromSummary maps a callee's summary of result idx to the caller.
func (t *tracer) fromSummary(call *ssa.Call, s *summary, idx int) []origin {
	rets := s.rets
	if t.dyn {
		rets = s.dyn
	}
	var out []origin
	for _, o := range rets[idx] {
		if o.param >= 0 {
			args := call.Common().Args
			if o.param < len(args) {
				out = append(out, t.value(args[o.param])...)
			}
			continue
		}
		o.pos = call.Pos()
		out = append(out, t.st.checked(call, o)...)
	}
	return out
}

// propagates returns the arguments (receiver included) whose data the
// standard library function returns unchanged enough to keep a
// redirect target attacker-chosen. Escaping functions (url.QueryEscape,
// url.PathEscape) are not listed: their result cannot name another host.
func (t *tracer) propagates(c callee) ([]ssa.Value, bool) {
	one := func(v ssa.Value) ([]ssa.Value, bool) { return []ssa.Value{v}, v != nil }
	switch c.pkg {
	case "strings":
		switch c.name {
		case "TrimSpace", "TrimPrefix", "TrimSuffix", "Trim", "TrimLeft", "TrimRight", "ToLower", "ToUpper",
			"Replace", "ReplaceAll", "Clone", "ToValidUTF8":
			if c.recv == "" {
				return one(c.arg(0))
			}
		}
	case "path":
		if c.name == "Clean" {
			return one(c.arg(0))
		}
	case "net/url":
		switch {
		case c.recv == "" && (c.name == "Parse" || c.name == "ParseRequestURI" || c.name == "PathUnescape" || c.name == "QueryUnescape"):
			return one(c.arg(0))
		case c.recv == "URL" && (c.name == "String" || c.name == "Redacted" || c.name == "EscapedPath" || c.name == "RequestURI" || c.name == "JoinPath"):
			return t.urlValue(c.recvVal)
		case c.recv == "URL" && c.name == "ResolveReference":
			return []ssa.Value{c.recvVal, c.arg(0)}, true
		}
	case "encoding/base64":
		if c.recv == "Encoding" && c.name == "DecodeString" {
			return one(c.arg(0))
		}
	case "fmt":
		if c.name == "Sprintf" && c.recv == "" {
			return t.sprintf(c)
		}
	}
	return nil, false
}

// urlValue returns what a *url.URL is made of: the URL itself when it
// was parsed or returned (traced further), or the fields stored into a
// literal url.URL{…}.
func (t *tracer) urlValue(u ssa.Value) ([]ssa.Value, bool) {
	alloc, ok := u.(*ssa.Alloc)
	if !ok {
		return []ssa.Value{u}, true
	}
	return t.allocFields(alloc, 0), true
}

// allocFields returns the values stored in the destination fields of a
// local url.URL, following whole-struct copies (u := url.URL{…} is a
// literal copied into the variable).
func (t *tracer) allocFields(alloc *ssa.Alloc, depth int) []ssa.Value {
	var out []ssa.Value
	for _, ref := range *alloc.Referrers() {
		if fa, ok := ref.(*ssa.FieldAddr); ok {
			if _, name, _ := fieldName(fa); urlField(name, t.dyn) {
				out = append(out, storesTo(fa)...)
			}
		}
	}
	if depth < 3 {
		for _, v := range storesTo(alloc) {
			if l, ok := v.(*ssa.UnOp); ok && l.Op == token.MUL {
				if a, ok := l.X.(*ssa.Alloc); ok {
					out = append(out, t.allocFields(a, depth+1)...)
				}
			}
		}
	}
	return out
}

// sprintf returns the arguments of fmt.Sprintf that can decide the
// destination: in open mode the first one, when the format starts with
// it or with an open prefix ("%s", "/%s", "https://%s/…"); in dynamic
// mode all of them.
func (t *tracer) sprintf(c callee) ([]ssa.Value, bool) {
	format, ok := credsrc.ConstString(c.arg(0))
	args := variadic(c.arg(1))
	if t.dyn {
		return args, true
	}
	if !ok || len(args) == 0 {
		return nil, true
	}
	i := strings.IndexByte(format, '%')
	if i < 0 || !openPrefix(format[:i]) {
		return nil, true
	}
	return args[:1], true
}

// variadic returns the values packed into a ...any slice.
func variadic(v ssa.Value) []ssa.Value {
	s, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	alloc, ok := s.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for _, ref := range *alloc.Referrers() {
		if ia, ok := ref.(*ssa.IndexAddr); ok {
			out = append(out, storesTo(ia)...)
		}
	}
	return out
}

// unsafePrefix reports whether a string that v is prepended to can
// still send the browser to another host: v is a constant like "", "/"
// or "https://" (the appended value supplies the host), or
// "https://app.example.com" without a slash ("@evil.example" makes
// app.example.com a user name). A non-constant prefix (a configured
// base URL) is trusted.
func unsafePrefix(v ssa.Value) bool {
	s, ok := credsrc.ConstString(v)
	if !ok {
		return false
	}
	return openPrefix(s)
}

var schemeHost = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:(//[^/?#]*)?$`)

func openPrefix(s string) bool {
	return s == "" || s == "/" || s == "\\" || schemeHost.MatchString(s)
}

// checked drops an origin read from the request when the same request
// value (same source, same key) is validated in the function, across
// all its reads: r.FormValue("next") read once for the check and again
// for the redirect, or req.Next checked for "/" in one read and for "//"
// in another.
func (st *state) checked(v ssa.Value, o origin) []origin {
	fn := v.Parent()
	if fn != nil && st.validSources(fn)[o.desc].ok() {
		return nil
	}
	return []origin{o}
}

// validSources returns, by description, the checks fn applies to its
// reads of request values.
func (st *state) validSources(fn *ssa.Function) map[string]credit {
	if m, ok := st.validated[fn]; ok {
		return m
	}
	m := map[string]credit{}
	st.validated[fn] = m
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			v, ok := in.(ssa.Value)
			if !ok {
				continue
			}
			if o, ok := sourceOf(v); ok {
				m[o.desc] |= st.creditOf(v)
			}
		}
	}
	return m
}

// isStdlib reports whether path is a standard library package: its
// first element has no dot and is one of the standard library's top
// directories. The list matters because applications in modules with a
// dot-less path ("myapp/auth") are common, and their functions are not
// the standard library's.
func isStdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && stdTop[first]
}

var stdTop = map[string]bool{}

func init() {
	for _, p := range strings.Fields(`archive bufio builtin bytes cmp compress container context crypto database
		debug embed encoding errors expvar flag fmt go hash html image index io iter log maps math mime net os
		path plugin reflect regexp runtime slices sort strconv strings structs sync syscall testing text time
		unicode unique unsafe weak internal vendor`) {
		stdTop[p] = true
	}
}

// resultIsBool reports whether the function's only or first result is
// a boolean.
func resultIsBool(sig *types.Signature) bool {
	return sig.Results().Len() > 0 && isBool(sig.Results().At(0).Type())
}

// addrLoad returns the load of addr, the value the source check and the
// validation look at, or addr itself when it is not loaded.
func addrLoad(addr ssa.Value) ssa.Value {
	if refs := addr.Referrers(); refs != nil {
		for _, ref := range *refs {
			if u, ok := ref.(*ssa.UnOp); ok && u.Op == token.MUL {
				return u
			}
		}
	}
	return addr
}

// decodedInto returns the data decoded into the struct at alloc by
// json.Unmarshal(data, &v) or json.NewDecoder(data).Decode(&v): a state
// parameter base64-decoded and unmarshalled (st.Return) holds what the
// request sent.
func decodedInto(alloc *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	check := func(call *ssa.Call, arg ssa.Value) {
		c, ok := resolve(call.Common())
		if !ok {
			return
		}
		switch {
		case c.is("encoding/json", "", "Unmarshal") && c.arg(1) == arg:
			out = append(out, c.arg(0))
		case c.pkg == "encoding/json" && c.recv == "Decoder" && c.name == "Decode" && c.arg(0) == arg:
			if dec, ok := c.recvVal.(*ssa.Call); ok {
				if d, ok := resolve(dec.Common()); ok && d.is("encoding/json", "", "NewDecoder") {
					out = append(out, d.arg(0))
				}
			}
		}
	}
	for _, ref := range *alloc.Referrers() {
		if mi, ok := ref.(*ssa.MakeInterface); ok && mi.Referrers() != nil {
			for _, r2 := range *mi.Referrers() {
				if call, ok := r2.(*ssa.Call); ok {
					check(call, mi)
				}
			}
		}
	}
	return out
}
