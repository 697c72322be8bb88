package credexposure

import (
	"go/constant"
	"go/token"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/webfw"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// info is what the backward walk found about a value: whether it is a
// credential (src), which parameters of the function reach it (params,
// bit i for SSA parameter i), and where the credential entered (pos).
type info struct {
	src    credsrc.Source
	ok     bool
	params uint64
	// urlParams marks parameters whose value is the whole URL (as
	// opposed to a raw credential put in its query); see urlCred.
	urlParams uint64
	pos       token.Pos
}

// union merges two findings, preferring a source recognised by type.
func (a info) union(b info) info {
	if b.ok && (!a.ok || !a.src.Typed && b.src.Typed) {
		a.src, a.ok, a.pos = b.src, true, b.pos
	}
	a.params |= b.params
	a.urlParams |= b.urlParams
	return a
}

// fnState is the analysis of one function.
type fnState struct {
	st *pkgState
	fn *ssa.Function
	// names lists the local variables each value is bound to, from the
	// SSA debug references: the name hint for locals.
	names map[ssa.Value][]*types.Var
	creds map[ssa.Value]*info
	urls  map[urlKey]*info
	found []analysis.Diagnostic
	sum   *summary
	// readsAuthHeader is true when the function reads the request's
	// Authorization header.
	readsAuthHeader bool
}

type urlKey struct {
	v       ssa.Value
	inQuery bool
}

func newFnState(st *pkgState, fn *ssa.Function) *fnState {
	f := &fnState{
		st:    st,
		fn:    fn,
		names: map[ssa.Value][]*types.Var{},
		creds: map[ssa.Value]*info{},
		urls:  map[urlKey]*info{},
		sum:   &summary{},
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if ref, ok := instr.(*ssa.DebugRef); ok {
				if v, ok := ref.Object().(*types.Var); ok && !v.IsField() && v.Parent() != nil && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() {
					f.names[ref.X] = append(f.names[ref.X], v)
				}
			}
		}
	}
	return f
}

// summarize analyzes fn (once) and returns its summary; nil while fn is
// being analyzed (recursion), which callers treat as knowing nothing.
func (st *pkgState) summarize(fn *ssa.Function) *summary {
	if s, ok := st.sums[fn]; ok {
		return s
	}
	if st.busy[fn] {
		return nil
	}
	st.busy[fn] = true
	f := st.fn(fn)
	f.analyze()
	delete(st.busy, fn)
	st.sums[fn] = f.sum
	return f.sum
}

// summaryOf returns what is known of a callee: its summary when it is a
// function of this package, its fact when it is one of another analyzed
// package, nil otherwise.
func (st *pkgState) summaryOf(c *ssa.CallCommon) *summary {
	if c.IsInvoke() {
		return nil
	}
	if sf, ok := c.Value.(*ssa.Function); ok {
		if sf.Origin() != nil {
			sf = sf.Origin()
		}
		if sf.Pkg == st.ssaPkg && len(sf.Blocks) > 0 {
			return st.summarize(sf)
		}
	}
	fn := credsrc.Callee(c)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == st.pass.Pkg {
		return nil
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	s := new(summary)
	if st.pass.ImportObjectFact(fn, s) {
		return s
	}
	return nil
}

// analyze computes the function's findings and summary.
func (f *fnState) analyze() {
	f.readsAuthHeader = f.scanAuthHeader()
	f.checkCookies()
	f.checkQueries()
	f.checkAccepted()
	f.summarizeResults()
}

// summarizeResults records which results are credentials, or URLs with
// one in their query, and which parameters reach them.
func (f *fnState) summarizeResults() {
	sig := f.fn.Signature
	for _, b := range f.fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for i, rv := range ret.Results {
			if i >= sig.Results().Len() {
				break
			}
			if credsrc.StringLike(rv.Type()) {
				ci := f.cred(rv)
				if ci.ok {
					addResult(&f.sum.Creds, i, ci.src)
				}
				eachBit(ci.params, func(p int) { addFlow(&f.sum.Flows, p, i) })
				ui := f.urlCred(rv, false)
				if ui.ok {
					addResult(&f.sum.URLs, i, ui.src)
				}
				eachBit(ui.params, func(p int) { addFlow(&f.sum.URLFlows, p, i) })
			}
			if isCookiePtr(rv.Type()) && f.sum.Cookie == nil {
				f.sum.Cookie = f.cookieResult(rv)
			}
		}
	}
}

func addResult(rs *[]resultCred, i int, src credsrc.Source) {
	for _, r := range *rs {
		if r.Result == i {
			return
		}
	}
	*rs = append(*rs, resultCred{Result: i, Source: src})
}

func addFlow(fs *[]paramFlow, p, r int) {
	for _, f := range *fs {
		if f.Param == p && f.Result == r {
			return
		}
	}
	*fs = append(*fs, paramFlow{Param: p, Result: r})
}

// eachBit calls fn with the index of every set bit of m, lowest first.
func eachBit(m uint64, fn func(int)) {
	for i := 0; i < 64; i++ {
		if m&(1<<uint(i)) != 0 {
			fn(i)
		}
	}
}

// paramIndex returns the SSA index of parameter p, or -1.
func paramIndex(fn *ssa.Function, p *ssa.Parameter) int {
	for i, q := range fn.Params {
		if q == p {
			return i
		}
	}
	return -1
}

func bit(i int) uint64 {
	if i < 0 || i >= 64 {
		return 0
	}
	return 1 << uint(i)
}

// usable filters sources that are no credential for this analyzer:
// CSRF double-submit tokens (meant for scripts), OAuth authorization
// codes (single use, and carried in the redirect's query by design) and
// presigned URLs (their signature is a query parameter by design).
func usable(src credsrc.Source) bool {
	return !credsrc.ScriptReadable(src.Desc) && src.Kind != "authorization code" && !credsrc.IsPresigned(src)
}

// cred walks back from v and reports whether it is a credential, or
// which parameters reach it.
func (f *fnState) cred(v ssa.Value) info {
	if m, ok := f.creds[v]; ok {
		if m == nil {
			return info{} // a cycle through φ-nodes
		}
		return *m
	}
	f.creds[v] = nil
	r := f.cred0(v)
	f.creds[v] = &r
	return r
}

func (f *fnState) cred0(v ssa.Value) info {
	var r info
	if f.signedNonce(v) {
		// The message of a signed exchange, sent beside its MAC: the
		// MAC's key is the secret (credsrc/macmessage.go).
		return r
	}
	if src, ok := credsrc.FromValue(v); ok && usable(src) {
		r = info{src: src, ok: true, pos: v.Pos()}
	}
	for _, obj := range f.names[v] {
		if src, ok := credsrc.FromName("variable", obj.Name(), v.Type()); ok && usable(src) {
			r = r.union(info{src: src, ok: true, pos: obj.Pos()})
		}
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		if credsrc.ScriptReadable(v.Name()) {
			return info{}
		}
		r.params |= bit(paramIndex(f.fn, v))
	case *ssa.Phi:
		for _, e := range v.Edges {
			r = r.union(f.cred(e))
		}
	case *ssa.ChangeType:
		r = r.union(f.cred(v.X))
	case *ssa.Convert:
		r = r.union(f.cred(v.X))
	case *ssa.MakeInterface:
		r = r.union(f.cred(v.X))
	case *ssa.TypeAssert:
		r = r.union(f.cred(v.X))
	case *ssa.Slice:
		r = r.union(f.cred(v.X))
	case *ssa.Index:
		r = r.union(f.cred(v.X))
	case *ssa.BinOp:
		if v.Op == token.ADD {
			r = r.union(f.cred(v.X)).union(f.cred(v.Y))
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			r = r.union(f.callCred(call, v.Index))
		}
	case *ssa.Call:
		r = r.union(f.callCred(v, 0))
	case *ssa.UnOp:
		if v.Op == token.MUL {
			r = r.union(f.loadCred(v.X))
		}
	}
	return r
}

// loadCred follows a load to the values stored at its address within
// the function: a local variable captured by address, a field of a
// struct built here, an element of a slice that is a credential.
func (f *fnState) loadCred(addr ssa.Value) info {
	var r info
	switch a := addr.(type) {
	case *ssa.Alloc:
		for _, v := range f.names[a] {
			if src, ok := credsrc.FromName("variable", v.Name(), a.Type().Underlying().(*types.Pointer).Elem()); ok && usable(src) {
				r = r.union(info{src: src, ok: true, pos: v.Pos()})
			}
		}
		for _, ref := range *a.Referrers() {
			if s, ok := ref.(*ssa.Store); ok && s.Addr == a {
				r = r.union(f.cred(s.Val))
			}
		}
	case *ssa.FieldAddr:
		refs := a.X.Referrers()
		if refs == nil {
			break
		}
		for _, ref := range *refs {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.Field != a.Field || fa.X != a.X {
				continue
			}
			for _, fr := range *fa.Referrers() {
				if s, ok := fr.(*ssa.Store); ok && s.Addr == fa {
					r = r.union(f.cred(s.Val))
				}
			}
		}
	case *ssa.IndexAddr:
		if _, isAlloc := a.X.(*ssa.Alloc); !isAlloc {
			r = r.union(f.cred(a.X))
		}
	}
	return r
}

// propagators are library functions whose result carries their
// arguments' text (trimmed, joined, escaped or formatted), keyed by
// "path.Func" or "path.Type.Method".
var propagators = map[string]bool{
	"fmt.Sprintf": true, "fmt.Sprint": true, "fmt.Sprintln": true,
	"strings.TrimPrefix": true, "strings.TrimSuffix": true, "strings.TrimSpace": true,
	"strings.Trim": true, "strings.TrimLeft": true, "strings.TrimRight": true,
	"strings.Join": true, "strings.Split": true, "strings.SplitN": true, "strings.Fields": true,
	"strings.Replace": true, "strings.ReplaceAll": true, "strings.CutPrefix": true, "strings.Clone": true,
	"bytes.TrimSpace": true, "bytes.TrimPrefix": true,
	"strconv.Quote": true, "net/url.QueryEscape": true, "net/url.PathEscape": true,
	"encoding/base64.Encoding.EncodeToString": true,
	// A decoded credential (Basic credentials, a base64 API key) is one.
	"encoding/base64.Encoding.DecodeString": true, "encoding/hex.DecodeString": true,
}

// funcKey names a function or method as "path.Func" or
// "path.Type.Method".
func funcKey(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	path := webfw.Canonical(fn.Pkg().Path()) // echo's major versions as one
	if r := credsrc.RecvTypeName(fn); r != "" {
		return path + "." + r + "." + fn.Name()
	}
	return path + "." + fn.Name()
}

// echoArgs returns the arguments of a call of an echo Context method
// without its receiver: v4's Context is an interface (an invoke), v5's
// a struct whose methods take the receiver first.
func echoArgs(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() || len(c.Args) == 0 {
		return c.Args
	}
	return c.Args[1:]
}

// callCred reports whether result `result` of a call is a credential:
// a propagating library call of a credential, or a helper whose summary
// says so.
func (f *fnState) callCred(call *ssa.Call, result int) info {
	c := call.Common()
	callee := credsrc.Callee(c)
	if callee == nil {
		return info{}
	}
	var r info
	if propagators[funcKey(callee)] {
		for _, a := range f.plainArgs(c) {
			r = r.union(f.cred(a))
		}
		if r.ok {
			r.src = credsrc.Bearer(r.src, callee, credsrc.SSAConsts(c))
		}
		return r
	}
	s := f.st.summaryOf(c)
	if s == nil {
		return info{}
	}
	for _, rc := range s.Creds {
		if rc.Result == result {
			src := rc.Source
			src.Desc += " returned by " + credsrc.QualifiedName(callee)
			r = r.union(info{src: src, ok: true, pos: call.Pos()})
		}
	}
	for _, fl := range s.Flows {
		if fl.Result == result && fl.Param < len(c.Args) {
			r = r.union(f.cred(c.Args[fl.Param]))
		}
	}
	return r
}

// plainArgs returns a call's arguments with variadic ones unpacked
// (fmt.Sprint's ...any), receiver included for static method calls.
func (f *fnState) plainArgs(c *ssa.CallCommon) []ssa.Value {
	var out []ssa.Value
	for i, a := range c.Args {
		if c.Signature().Variadic() && i == len(c.Args)-1 {
			out = append(out, varargs(a)...)
			continue
		}
		out = append(out, a)
	}
	return out
}

// varargs returns the values packed into a variadic slice built at the
// call (SSA allocates an array, stores each element and slices it), in
// order; nil when the slice was built elsewhere.
func varargs(v ssa.Value) []ssa.Value { return sliceLit(v) }

// sliceLit returns the elements of a slice built from a literal
// ([]string{key}, or the array of a variadic call), in order.
func sliceLit(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	n := 0
	if at, ok := arr.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Array); ok {
		n = int(at.Len())
	}
	out := make([]ssa.Value, n)
	for _, ref := range *arr.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		k, ok := constInt(ia.Index)
		if !ok || k < 0 || k >= n {
			continue
		}
		for _, r := range *ia.Referrers() {
			if s, ok := r.(*ssa.Store); ok && s.Addr == ia {
				out[k] = s.Val
			}
		}
	}
	var vals []ssa.Value
	for _, x := range out {
		if x != nil {
			vals = append(vals, x)
		}
	}
	return vals
}

func constInt(v ssa.Value) (int, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	n, ok := constant.Int64Val(c.Value)
	return int(n), ok
}

// constString is credsrc.ConstString, looking through a conversion to
// an interface (a constant passed as an any argument).
func constString(v ssa.Value) (string, bool) {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	return credsrc.ConstString(v)
}

func constBool(v ssa.Value) (val, ok bool) {
	c, isConst := v.(*ssa.Const)
	if !isConst || c.Value == nil || c.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(c.Value), true
}

// isNamed reports whether t (or what it points to) is the named type
// path.name.
func isNamed(t types.Type, path, name string) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

// signedNonce reports whether v is a value the package made and signs
// with an HMAC in this function (commento's SSO redirect: the one-time
// token ssoTokenNew draws and stores, sent beside its hmac): the message
// of a signed exchange, whose secret is the MAC's key. A value the
// function was handed or read (an OAuth access token sent beside
// Facebook's appsecret_proof, an HMAC of that token) is a credential
// whatever is computed over it.
func (f *fnState) signedNonce(v ssa.Value) bool {
	if !credsrc.MACMessage(v) {
		return false
	}
	x := v
	if e, ok := x.(*ssa.Extract); ok {
		x = e.Tuple
	}
	c, ok := x.(*ssa.Call)
	if !ok {
		return false
	}
	callee := c.Call.StaticCallee()
	return callee != nil && callee.Pkg != nil && callee.Pkg == f.fn.Pkg
}
