package tokenlog

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// HTTP client debug logs.
//
// resty (github.com/go-resty/resty v1 and v2) writes every request's
// method, URL, headers and body to its logger when debug is on
// (Client.SetDebug(true), Request.SetDebug(true), Client.Debug = true),
// Authorization and Cookie headers included. Debug turned on for a
// client or request that carries credentials (SetAuthToken,
// SetBasicAuth, SetDigestAuth, a credential header by SetHeader or
// SetHeaders, cookies, a credential query parameter) writes them to the
// log: a client's credentials go out with each of its requests, and a
// client's debug log shows the credentials set on its requests. The
// finding is reported at the debug switch, with the credential setters
// as related locations.
//
// Clients are followed through resty's chained setters, local
// variables, struct fields and package variables (a client built in a
// constructor and stored in a field, with debug set from a flag
// elsewhere in the package), and through functions of the package that
// return one. Left alone: SetDebug(false), debug on a client without
// credentials, a literal empty token or password, and a client with an
// OnRequestLog callback, which sees the headers before they are written
// and is where they are redacted. sling and grequests have no debug
// switch; other clients' debug modes are not modelled.

// isRestyPkg reports whether path is a resty version whose debug log
// writes headers as they are.
func isRestyPkg(path string) bool {
	return path == "github.com/go-resty/resty" || path == "github.com/go-resty/resty/v2" || path == "gopkg.in/resty.v1"
}

// restyType returns "Client" or "Request" for a resty client or request
// pointer, and "" otherwise.
func restyType(t types.Type) string {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !isRestyPkg(n.Obj().Pkg().Path()) {
		return ""
	}
	switch n.Obj().Name() {
	case "Client", "Request":
		return n.Obj().Name()
	}
	return ""
}

// restyUse is a debug switch or a credential setter.
type restyUse struct {
	key  any // the client or request (see debugState.key)
	pos  token.Pos
	end  token.Pos
	what string // "SetAuthToken", "SetHeader(\"Authorization\")"
}

// debugState collects the resty calls of a package.
type debugState struct {
	st      *pkgState
	parent  map[any]any // union-find over clients and requests
	reqOf   map[any]any // a request's client
	debugs  []restyUse
	creds   []restyUse
	logHook map[any]bool // clients and requests with an OnRequestLog callback
	busy    map[*ssa.Function]bool
}

func (d *debugState) find(k any) any {
	for {
		p, ok := d.parent[k]
		if !ok || p == k {
			return k
		}
		k = p
	}
}

func (d *debugState) union(a, b any) {
	a, b = d.find(a), d.find(b)
	if a != b {
		d.parent[a] = b
	}
}

// key names the client or request v is: the field or package variable
// it was loaded from, the value a chain of setters started from, what a
// function of the package returns, or v itself.
func (d *debugState) key(v ssa.Value) any {
	for {
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return v
			}
			switch a := x.X.(type) {
			case *ssa.FieldAddr:
				if k := fieldKey(a.X.Type(), a.Field); k != nil {
					return k
				}
			case *ssa.Global:
				return a
			}
			return v
		case *ssa.Call:
			obj := credsrc.Callee(&x.Call)
			if obj != nil && obj.Pkg() != nil && isRestyPkg(obj.Pkg().Path()) && !x.Call.IsInvoke() && len(x.Call.Args) > 0 &&
				restyType(x.Call.Args[0].Type()) != "" && restyType(x.Call.Args[0].Type()) == restyType(x.Type()) {
				v = x.Call.Args[0] // a chained setter returns its receiver
				continue
			}
			if fn := x.Call.StaticCallee(); fn != nil && fn.Pkg == d.st.ssaPkg && fn.Blocks != nil && !d.busy[fn] {
				d.busy[fn] = true
				defer delete(d.busy, fn)
				for _, b := range fn.Blocks {
					if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(r.Results) > 0 && restyType(r.Results[0].Type()) != "" {
						d.union(v, d.key(r.Results[0]))
					}
				}
			}
			return v
		}
		return v
	}
}

// fieldKey is the key of field i of the struct t is or points to: the
// field, or nil.
func fieldKey(t types.Type, i int) any {
	if f := credsrc.FieldOf(t, i); f != nil {
		return f
	}
	return nil
}

// debugLogs reports resty debug switches turned on for clients or
// requests that carry credentials.
func (st *pkgState) debugLogs(funcs []*ssa.Function, skip map[*token.File]bool) {
	if !importsResty(st.pass.Pkg) {
		return
	}
	d := &debugState{st: st, parent: map[any]any{}, reqOf: map[any]any{}, logHook: map[any]bool{}, busy: map[*ssa.Function]bool{}}
	for _, fn := range funcs {
		if skip[st.pass.Fset.File(fn.Pos())] {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch i := instr.(type) {
				case *ssa.Call:
					d.call(i)
				case *ssa.Store:
					d.store(i)
				}
			}
		}
	}
	sort.Slice(d.creds, func(i, j int) bool { return d.creds[i].pos < d.creds[j].pos })
	// Keys are compared once every store has been seen.
	reqOf := map[any]any{}
	for r, c := range d.reqOf {
		reqOf[d.find(r)] = d.find(c)
	}
	hooked := map[any]bool{}
	for h := range d.logHook {
		hooked[d.find(h)] = true
	}
	for _, u := range d.debugs {
		k := d.find(u.key)
		// The client in debug, or the request in debug and its client.
		scope := map[any]bool{k: true}
		if c, ok := reqOf[k]; ok {
			scope[c] = true
		}
		if hooked[k] || hooked[reqOf[k]] {
			continue
		}
		var related []analysis.RelatedInformation
		var first string
		for _, c := range d.creds {
			ck := d.find(c.key)
			in := scope[ck]
			if r, ok := reqOf[ck]; ok && r == k {
				in = true // a request of the client in debug
			}
			if !in {
				continue
			}
			if first == "" {
				first = c.what
			}
			related = append(related, analysis.RelatedInformation{Pos: c.pos, Message: "credentials set by " + c.what})
		}
		if first == "" {
			continue
		}
		related = append(related, analysis.RelatedInformation{Pos: u.pos, Message: "debug log turned on by " + u.what})
		st.diags = append(st.diags, analysis.Diagnostic{
			Pos: u.pos, End: u.end, Category: ruleLog, Related: related,
			Message: "resty debug logging turned on by " + u.what + " writes the credentials set by " + first + " (request headers) to the log",
		})
	}
}

func importsResty(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if isRestyPkg(imp.Path()) {
			return true
		}
	}
	return false
}

func (d *debugState) use(c *ssa.Call, recv ssa.Value, what string) restyUse {
	u := restyUse{key: d.key(recv), pos: c.Pos(), what: what}
	if ce, ok := d.st.calls[c.Pos()]; ok {
		// The method's name, not the start of a chain of setters.
		u.pos, u.end = ce.Pos(), ce.End()
		if sel, ok := ce.Fun.(*ast.SelectorExpr); ok {
			u.pos = sel.Sel.Pos()
		}
	}
	return u
}

// call records a resty call: a request made from a client, a debug
// switch, a credential setter or a log callback.
func (d *debugState) call(c *ssa.Call) {
	obj := credsrc.Callee(&c.Call)
	if obj == nil || obj.Pkg() == nil || !isRestyPkg(obj.Pkg().Path()) || c.Call.IsInvoke() || len(c.Call.Args) == 0 {
		return
	}
	recv, args := c.Call.Args[0], c.Call.Args[1:]
	rt := restyType(recv.Type())
	if rt == "" {
		return
	}
	name := obj.Name()
	what := rt + "." + name
	nonEmpty := func(i int) bool {
		if i >= len(args) {
			return false
		}
		s, ok := credsrc.ConstString(args[i])
		return !ok || s != ""
	}
	switch name {
	case "R", "NewRequest":
		if rt == "Client" {
			d.reqOf[d.key(c)] = d.key(recv)
		}
	case "SetDebug":
		if len(args) == 1 && !isConstFalse(args[0]) {
			d.debugs = append(d.debugs, d.use(c, recv, what))
		}
	case "OnRequestLog":
		d.logHook[d.key(recv)] = true
	case "SetAuthToken":
		if nonEmpty(0) {
			d.creds = append(d.creds, d.use(c, recv, what))
		}
	case "SetBasicAuth", "SetDigestAuth":
		if nonEmpty(1) {
			d.creds = append(d.creds, d.use(c, recv, what))
		}
	case "SetHeader", "SetHeaderVerbatim":
		if h, ok := credsrc.ConstString(args[0]); ok && credname.IsCredentialHeader(h) && nonEmpty(1) {
			d.creds = append(d.creds, d.use(c, recv, what+"(\""+h+"\")"))
		}
	case "SetHeaders":
		if h := credentialKey(args[0]); h != "" {
			d.creds = append(d.creds, d.use(c, recv, what+" with "+h))
		}
	case "SetQueryParam":
		if p, ok := credsrc.ConstString(args[0]); ok && credname.IsCredentialParam(p) && !strings.HasPrefix(strings.ToLower(p), "sig") && nonEmpty(1) {
			d.creds = append(d.creds, d.use(c, recv, what+"(\""+p+"\")"))
		}
	case "SetCookie", "SetCookies":
		d.creds = append(d.creds, d.use(c, recv, what))
	}
}

// credentialKey returns a credential header set under a constant key in
// the map m (a literal or a map filled in the function), or "".
func credentialKey(m ssa.Value) string {
	if m.Referrers() == nil {
		return ""
	}
	for _, r := range *m.Referrers() {
		if u, ok := r.(*ssa.MapUpdate); ok && u.Map == m {
			if k, ok := credsrc.ConstString(u.Key); ok && credname.IsCredentialHeader(k) {
				return k
			}
		}
	}
	return ""
}

// store records a client or request stored in a field or variable (the
// key it is known by elsewhere) and Client.Debug = true or
// Request.Debug = true.
func (d *debugState) store(s *ssa.Store) {
	if fa, ok := s.Addr.(*ssa.FieldAddr); ok {
		if rt := restyType(fa.X.Type()); rt != "" {
			if f := credsrc.FieldOf(fa.X.Type(), fa.Field); f != nil && f.Name() == "Debug" && !isConstFalse(s.Val) {
				d.debugs = append(d.debugs, restyUse{key: d.key(fa.X), pos: s.Pos(), what: rt + ".Debug"})
			}
			return
		}
	}
	if restyType(s.Val.Type()) == "" {
		return
	}
	switch a := s.Addr.(type) {
	case *ssa.FieldAddr:
		if f := fieldKey(a.X.Type(), a.Field); f != nil {
			d.union(d.key(s.Val), f)
		}
	case *ssa.Global:
		d.union(d.key(s.Val), a)
	}
}

func isConstFalse(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.String() == "false"
}
