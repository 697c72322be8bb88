package tokenlog

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/ssabuild"
)

// Headers of an outgoing request that carries no credential.
//
// A request's Header is reported as a credential carrier because an
// incoming request brings the caller's Authorization and Cookie. A
// request the program builds itself (http.NewRequest, or a function or
// struct field of the package that only ever holds one) carries only
// what the program puts in it. When the package never puts a
// credential header on a request (no Header.Set/Add/map store of a
// credential-named or non-constant key, no SetBasicAuth or AddCookie,
// no header map assigned wholesale) and never hands a request it built
// to code outside the package other than net/http (a signer or an auth
// transport of another package could add one), that request's headers
// are If-None-Match and Accept-Encoding, not secrets. A RoundTripper may
// not modify the request it is given (net/http's contract), so logging
// the headers after Client.Do shows the same.

// outDepth bounds the search through returns and fields.
const outDepth = 4

// bareRequestHeader reports whether v, a load of a request's Header
// field, reads the headers of a request the package built and put no
// credential in.
func (st *pkgState) bareRequestHeader(v ssa.Value) bool {
	req, ok := headerRequest(v)
	if !ok {
		return false
	}
	o := st.outgoing()
	return !o.credential && o.built(req, 0)
}

// bareRequest reports whether req, a request printed whole
// (log.Debugf("request: %v", req)), is one the package built and put no
// credential header in: its Header, the field the struct rule names,
// holds User-Agent and Accept (helm-dashboard's Artifact Hub search).
func (st *pkgState) bareRequest(req ssa.Value) bool {
	o := st.outgoing()
	return !o.credential && o.built(req, 0)
}

// bareRequestDump reports whether c, an httputil request dump, dumps a
// request the package built and put no credential header in (telegraf's
// OpenTSDB output in debug mode): its headers are Content-Type and
// Content-Encoding. The user info of its URL is not in a dump.
func (st *pkgState) bareRequestDump(c *ssa.CallCommon) bool {
	if len(c.Args) == 0 {
		return false
	}
	o := st.outgoing()
	return !o.credential && o.built(c.Args[0], 0)
}

// bareDump is bareRequestDump for v, the dump's result.
func (f *fnState) bareDump(v ssa.Value) bool {
	e, ok := v.(*ssa.Extract)
	if !ok || e.Index != 0 {
		return false
	}
	c, ok := e.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	fn := credsrc.Callee(&c.Call)
	return fn != nil && dumpCall(fn) != "" && f.st.bareRequestDump(&c.Call)
}

// headerRequest returns the request whose Header field v loads.
func headerRequest(v ssa.Value) (ssa.Value, bool) {
	u, ok := v.(*ssa.UnOp)
	if !ok {
		return nil, false
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	if !ok || !isRequestHeaderField(fa.X.Type(), fa.Field) {
		return nil, false
	}
	return fa.X, true
}

// outReqs is what the package does with the requests it builds.
type outReqs struct {
	pkg *ssa.Package
	// stores maps a struct field of the package to the values stored in
	// it anywhere in the package.
	stores map[*types.Var][]ssa.Value
	// credential is set when the package may put a credential on a
	// request it builds.
	credential bool
}

// outgoing indexes the package once.
func (st *pkgState) outgoing() *outReqs {
	if st.outReqs != nil {
		return st.outReqs
	}
	o := &outReqs{pkg: st.ssaPkg, stores: map[*types.Var][]ssa.Value{}}
	st.outReqs = o
	funcs := ssabuild.Get(st.pass).SrcFuncs
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if s, ok := in.(*ssa.Store); ok {
					if fa, ok := s.Addr.(*ssa.FieldAddr); ok {
						if f := credsrc.FieldOf(fa.X.Type(), fa.Field); f != nil {
							o.stores[f] = append(o.stores[f], s.Val)
						}
					}
				}
			}
		}
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if o.putsCredential(in) {
					o.credential = true
					return o
				}
			}
		}
	}
	return o
}

// putsCredential reports an instruction that may put a credential on a
// request the package built: a credential or non-constant header set,
// SetBasicAuth, AddCookie, a header map assigned to a request, or a
// built request handed to a function outside the package and net/http.
func (o *outReqs) putsCredential(in ssa.Instruction) bool {
	switch in := in.(type) {
	case *ssa.MapUpdate:
		if isPkgType(in.Map.Type(), "net/http", "Header") {
			return mayNameCredential(in.Key)
		}
	case *ssa.Store:
		if fa, ok := in.Addr.(*ssa.FieldAddr); ok {
			return isRequestHeaderField(fa.X.Type(), fa.Field)
		}
	case ssa.CallInstruction:
		c := in.Common()
		if fn := credsrc.Callee(c); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" {
			switch credsrc.RecvTypeName(fn) + "." + fn.Name() {
			case "Header.Set", "Header.Add":
				args := c.Args
				if !c.IsInvoke() && len(args) > 0 {
					args = args[1:]
				}
				return len(args) == 0 || mayNameCredential(args[0])
			case "Request.SetBasicAuth", "Request.AddCookie":
				return true
			}
			return false
		}
		if sc := c.StaticCallee(); sc != nil && sc.Pkg == o.pkg {
			return false // judged where it is written
		}
		if fn := credsrc.Callee(c); fn != nil && dumpCall(fn) != "" {
			return false // httputil's dumps read the request
		}
		// Another package's function, an interface method or a
		// function value: a request given to it may be signed.
		return o.givesBuilt(c.Args)
	}
	return false
}

// givesBuilt reports whether one of args is a request the package built.
func (o *outReqs) givesBuilt(args []ssa.Value) bool {
	for _, a := range args {
		if isHTTPRequestPtr(a.Type()) && o.built(a, 0) {
			return true
		}
	}
	return false
}

// mayNameCredential reports whether a header key may name a credential: a
// constant that credname says does, or a key not known at compile time.
func mayNameCredential(k ssa.Value) bool {
	s, ok := credsrc.ConstString(k)
	return !ok || credname.IsCredentialHeader(s) || credname.IsCredential(s)
}

// built reports whether the *http.Request v is one the package built:
// the result of http.NewRequest or NewRequestWithContext, a result of a
// function of the package that only ever returns one, or a field of the
// package in which only such requests are stored.
func (o *outReqs) built(v ssa.Value, depth int) bool {
	if depth > outDepth {
		return false
	}
	switch v := v.(type) {
	case *ssa.Call:
		return o.builtCall(v, 0, depth)
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok {
			return o.builtCall(c, v.Index, depth)
		}
	case *ssa.UnOp:
		fa, ok := v.X.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		f := credsrc.FieldOf(fa.X.Type(), fa.Field)
		if f == nil || f.Pkg() != o.pkg.Pkg || len(o.stores[f]) == 0 {
			// A field another package may fill, or one never set.
			return false
		}
		for _, s := range o.stores[f] {
			if !o.built(s, depth+1) {
				return false
			}
		}
		return true
	case *ssa.Phi:
		seen := false
		for _, e := range v.Edges {
			if c, ok := e.(*ssa.Const); ok && c.IsNil() {
				continue
			}
			if !o.built(e, depth+1) {
				return false
			}
			seen = true
		}
		return seen
	}
	return false
}

// builtCall reports whether result i of call is a request the package
// built.
func (o *outReqs) builtCall(call *ssa.Call, i, depth int) bool {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return false
	}
	if fn, ok := callee.Object().(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" {
		return i == 0 && (fn.Name() == "NewRequest" || fn.Name() == "NewRequestWithContext")
	}
	if callee.Pkg != o.pkg || len(callee.Blocks) == 0 {
		return false
	}
	seen := false
	for _, b := range callee.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || i >= len(ret.Results) {
			continue
		}
		r := ret.Results[i]
		if c, ok := r.(*ssa.Const); ok && c.IsNil() {
			continue
		}
		if !o.built(r, depth+1) {
			return false
		}
		seen = true
	}
	return seen
}

// isHTTPRequestPtr reports whether t is *net/http.Request.
func isHTTPRequestPtr(t types.Type) bool {
	_, ptr := t.Underlying().(*types.Pointer)
	return ptr && isPkgType(t, "net/http", "Request")
}

// isRequestHeaderField reports whether field i of what t points to is
// a request's Header.
func isRequestHeaderField(t types.Type, i int) bool {
	f := credsrc.FieldOf(t, i)
	return isHTTPRequestPtr(t) && f != nil && f.Name() == "Header"
}
