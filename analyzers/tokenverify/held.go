package tokenverify

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// Comparisons that do not authenticate (issue 15, class 7).
//
// A credential comparison is an authentication decision only if one side
// can come from outside the program: the request, a parameter of a
// function whose callers are not all visible (an exported function, a
// function used as a value, a method an interface may call, a function
// literal), a network read. When both sides are held by the program
// itself (a cached token and the token this program attached to its
// own outgoing call, a configured key and an environment variable) the
// comparison is bookkeeping: nobody outside chooses either value, so the
// time it takes leaks nothing an attacker can use.
//
// held decides "held by the program" positively and conservatively: a
// constant; a package variable; an environment variable; a field, read
// through a held value, that no decoder fills (no json, form, query,
// header, xml, uri, param or protobuf tag) and that the package never
// sets from a request; an element of a held
// collection; a local variable whose every assignment is held and whose
// address is never taken (a decode into &v fills it from input); a
// zero-argument getter on a held value; the result of a function of
// this package whose every return of that result is held; and a
// parameter of an unexported function of this package that is only
// ever called directly, when every call passes a held value. Anything
// else (a request, a parameter of an exported function, a function
// literal's parameter, a value whose origin is not visible) is not held.
// Across packages, an exported function whose result is held carries a
// heldFact, so a getter of another package counts too.

// heldDepth bounds the search through calls and assignments.
const heldDepth = 6

// held reports whether e is held by the program (see above).
func (c *pkgctx) held(e ast.Expr, depth int) bool {
	if depth > heldDepth {
		return false
	}
	if c.isConst(e) {
		return true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		return c.heldVar(v, x, depth)
	case *ast.SelectorExpr:
		if v, ok := c.info.Uses[x.Sel].(*types.Var); ok && isPkgVar(v) {
			return true
		}
		sel, ok := c.info.Selections[x]
		if !ok || sel.Kind() != types.FieldVal {
			return false
		}
		if inputField(selTag(sel)) {
			return false
		}
		if f, ok := sel.Obj().(*types.Var); ok {
			for _, d := range c.fieldDefs[f] {
				if c.fromRequest(d, 0) {
					// The package stores a request's value in
					// it (conn.token = r.URL.Query().Get("token")).
					return false
				}
			}
		}
		return c.held(x.X, depth+1)
	case *ast.IndexExpr:
		// m[key] is what the program stored, whoever chose the key.
		return c.held(x.X, depth+1)
	case *ast.StarExpr:
		return c.held(x.X, depth+1)
	case *ast.UnaryExpr:
		return x.Op == token.AND && c.held(x.X, depth+1)
	case *ast.BinaryExpr:
		return c.held(x.X, depth+1) && c.held(x.Y, depth+1)
	case *ast.CallExpr:
		return c.heldCall(x, 0, depth)
	}
	return false
}

// heldVar reports whether the variable v, used at use, holds a held
// value. Assignments that cannot reach the use are left out (reach.go).
func (c *pkgctx) heldVar(v *types.Var, use ast.Node, depth int) bool {
	switch {
	case isPkgVar(v):
		return true
	case c.recvs[v]:
		// The receiver is the program's own object; its fields are
		// judged one by one.
		return true
	case c.isParam(v):
		return c.heldParam(v, depth)
	case c.addrTaken[v]:
		return false
	}
	defs := c.defs[v]
	if len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		if !c.reaches(d, use) {
			continue
		}
		switch {
		case d.rng:
			if !c.held(d.rhs, depth+1) {
				return false
			}
		case d.index >= 0:
			call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
			if !ok || !c.heldCall(call, d.index, depth) {
				return false
			}
		default:
			if !c.held(d.rhs, depth+1) {
				return false
			}
		}
	}
	return true
}

// heldCall reports whether result i of call is held.
func (c *pkgctx) heldCall(call *ast.CallExpr, i int, depth int) bool {
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return c.held(call.Args[0], depth+1)
	}
	fn := c.callee(call)
	if fn == nil {
		return false
	}
	if a, ok := passThrough(fn); ok && a < len(call.Args) && i == 0 {
		return c.held(call.Args[a], depth+1)
	}
	if pkgPath(fn) == "os" && (fn.Name() == "Getenv" || fn.Name() == "LookupEnv") {
		// The operator's environment.
		return true
	}
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	recvHeld := true
	if recvName(fn) != "" {
		if !isSel {
			return false
		}
		recvHeld = c.held(sel.X, depth+1)
		if !recvHeld {
			return false
		}
	}
	if d := c.decls[fn]; d != nil {
		return c.heldResults(d, i, depth+1)
	}
	if fn.Pkg() != c.pass.Pkg {
		var f heldFact
		if c.pass.ImportObjectFact(fn, &f) && f.Results&(1<<uint(i)) != 0 {
			return true
		}
	}
	// A getter of another package on a held value (s.cfg.Token()).
	return recvName(fn) != "" && len(call.Args) == 0 && i == 0 && !types.IsInterface(recvType(fn))
}

// heldResults reports whether every return of fn gives a held value
// as result i. A function without a visible return of it is not held.
func (c *pkgctx) heldResults(fn *ast.FuncDecl, i int, depth int) bool {
	if depth > heldDepth || fn.Body == nil || c.heldActive[fn] || len(c.heldActive) >= heldDepth {
		return false
	}
	if c.heldActive == nil {
		c.heldActive = map[*ast.FuncDecl]bool{}
	}
	c.heldActive[fn] = true
	defer delete(c.heldActive, fn)
	seen, ok := 0, true
	inspectShallow(fn.Body, func(n ast.Node) bool {
		ret, isRet := n.(*ast.ReturnStmt)
		if !isRet || !ok {
			return ok
		}
		switch {
		case len(ret.Results) > i && (len(ret.Results) > 1 || i == 0):
			seen++
			if len(ret.Results) == 1 && i > 0 {
				ok = false
			} else if !c.held(ret.Results[i], depth+1) {
				ok = false
			}
		case len(ret.Results) == 1:
			// return f(): a tuple passed on.
			call, isCall := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
			seen++
			ok = isCall && c.heldCall(call, i, depth+1)
		default:
			ok = false // a bare return of named results
		}
		return ok
	})
	return ok && seen > 0
}

// heldParam reports whether every caller passes a held value for the
// parameter v: v belongs to an unexported function of this package
// that is only called directly, never used as a value, and whose name
// no interface of the package declares (an unexported method can only
// satisfy an interface of its own package).
func (c *pkgctx) heldParam(v *types.Var, depth int) bool {
	fn, idx := c.paramOwner(v)
	if fn == nil || fn.Exported() {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Variadic() && idx == sig.Params().Len()-1 {
		return false
	}
	if c.escapes[fn] || (sig.Recv() != nil && c.ifaceMethods[fn.Name()]) {
		return false
	}
	calls := c.calls[fn]
	if len(calls) == 0 {
		return false
	}
	for _, call := range calls {
		if idx >= len(call.Args) || call.Ellipsis.IsValid() || !c.held(call.Args[idx], depth+1) {
			return false
		}
	}
	return true
}

// paramOwner returns the declared function whose parameter v is, and
// v's index, or nil for a function literal's parameter or a result.
func (c *pkgctx) paramOwner(v *types.Var) (*types.Func, int) {
	c.indexCalls()
	if o, ok := c.owners[v]; ok {
		return o.fn, o.index
	}
	return nil, -1
}

// owner is the function a parameter belongs to, and its index.
type owner struct {
	fn    *types.Func
	index int
}

// indexCalls records, once, the direct calls of the package's
// functions, the functions used as values, and the method names of the
// package's interfaces.
func (c *pkgctx) indexCalls() {
	if c.calls != nil {
		return
	}
	c.calls = make(map[*types.Func][]*ast.CallExpr)
	c.escapes = make(map[*types.Func]bool)
	c.ifaceMethods = make(map[string]bool)
	c.owners = make(map[*types.Var]owner)
	for fn := range c.decls {
		params := fn.Type().(*types.Signature).Params()
		for i := 0; i < params.Len(); i++ {
			c.owners[params.At(i)] = owner{fn, i}
		}
	}
	for id, obj := range c.info.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() != c.pass.Pkg {
			continue
		}
		var use ast.Node = id
		if sel, ok := c.parents[id].(*ast.SelectorExpr); ok && sel.Sel == id {
			use = sel
		}
		call, ok := c.parents[use].(*ast.CallExpr)
		if !ok || call.Fun != use {
			if _, known := c.parents[id]; known {
				c.escapes[fn] = true
			}
			continue
		}
		c.calls[fn] = append(c.calls[fn], call)
	}
	for _, obj := range c.info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok {
			continue
		}
		if it, ok := tn.Type().Underlying().(*types.Interface); ok {
			for i := 0; i < it.NumMethods(); i++ {
				c.ifaceMethods[it.Method(i).Name()] = true
			}
		}
	}
}

// inputTagKeys are struct tag keys under which decoders fill a field
// from a request or message.
var inputTagKeys = []string{"json", "form", "query", "header", "xml", "uri", "param", "protobuf", "schema", "msgpack"}

// inputField reports whether a decoder may fill a field with this tag
// from input: it has a tag under one of inputTagKeys.
func inputField(tag string) bool {
	if tag == "" {
		return false
	}
	st := reflect.StructTag(tag)
	for _, k := range inputTagKeys {
		if v, ok := st.Lookup(k); ok && !strings.HasPrefix(v, "-") {
			return true
		}
	}
	return false
}

// selTag returns the struct tag of the field a selection reads,
// following embedded fields.
func selTag(s *types.Selection) string {
	t := s.Recv()
	idx := s.Index()
	for k, i := range idx {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return ""
		}
		if k == len(idx)-1 {
			return st.Tag(i)
		}
		t = st.Field(i).Type()
	}
	return ""
}

func recvType(fn *types.Func) types.Type {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// heldFact marks an exported function of another package whose results
// (bit i for result i) are held by that package: a getter of a cached
// token or of configuration.
type heldFact struct{ Results uint64 }

func (*heldFact) AFact() {}

func (f *heldFact) String() string { return "held results" }

// exportHeld exports a heldFact for each exported function or method of
// the package whose string-like results are held on every return
// (getters, without parameters), and for each exported function whose
// record results (a struct or a pointer to one) are (lookups:
// GetAccount(name) returning accounts[name]).
func (c *pkgctx) exportHeld() {
	for fn, d := range c.decls {
		if !fn.Exported() || c.returnsOnlyConstants(d) {
			// A constant result needs no fact.
			continue
		}
		getter := fn.Type().(*types.Signature).Params().Len() == 0
		res := fn.Type().(*types.Signature).Results()
		var bits uint64
		for i := 0; i < res.Len() && i < 64; i++ {
			t := res.At(i).Type()
			// A string a function of arguments returns is judged at its
			// call; a record it returns is looked up by them.
			if (getter && credsrc.StringLike(t) || recvName(fn) == "" && recordType(t)) && c.heldResults(d, i, 0) {
				bits |= 1 << uint(i)
			}
		}
		if bits != 0 {
			c.pass.ExportObjectFact(fn, &heldFact{Results: bits})
		}
	}
}

// returnsOnlyConstants reports whether every return of fn gives only
// constants or nil (a stub's "", nil).
func (c *pkgctx) returnsOnlyConstants(fn *ast.FuncDecl) bool {
	only := true
	inspectShallow(fn.Body, func(n ast.Node) bool {
		if ret, ok := n.(*ast.ReturnStmt); ok {
			for _, r := range ret.Results {
				if !c.isConst(r) {
					only = false
				}
			}
		}
		return only
	})
	return only
}

// filledFromRequest reports whether the local variable v is filled by
// decoding the request: &v is given to a call whose receiver or other
// arguments come from the request (json.NewDecoder(r.Body).Decode(&v),
// c.ShouldBindJSON(&v), json.Unmarshal(body, &v) with body read from
// r.Body).
func (c *pkgctx) filledFromRequest(v *types.Var) bool {
	if r, ok := c.filled[v]; ok {
		return r
	}
	found := false
	c.filled[v] = false // a cycle (fromRequest of &v itself) answers no
	defer func() { c.filled[v] = found }()
	for _, f := range c.files {
		if found || v.Pos() < f.FileStart || v.Pos() > f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			takes := false
			for _, a := range call.Args {
				if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
					if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && c.info.Uses[id] == v {
						takes = true
					}
				}
			}
			if !takes {
				return true
			}
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.fromRequest(sel.X, 0) {
				found = true
			}
			for _, a := range call.Args {
				if c.fromRequest(a, 0) && !serviceHandle(c.info.TypeOf(a)) {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// serviceHandle reports whether t is an interface without a Read method,
// other than a framework's request context:
// a store or service the request context carries (helpers.Store(r)),
// which a filler given &v reads records from, not the request's data.
// db.FillIntegration(helpers.Store(r), &integration) loads a webhook's
// stored secret, not the caller's input.
func serviceHandle(t types.Type) bool {
	if t == nil || isRequestType(t) {
		// echo v4's Context is an interface too, and the request.
		return false
	}
	it, ok := t.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return false
	}
	for i := 0; i < it.NumMethods(); i++ {
		if it.Method(i).Name() == "Read" {
			return false
		}
	}
	return true
}

// recordType reports a struct or a pointer to one: a record a function
// looks up, not a value it computes.
func recordType(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// lookupCall reports a call of a function (not a method) whose first
// result is a record held by the program on every return: a store
// looked up by its arguments (GetAccount(username) returning
// accounts[username]), whatever the request chose as the key. Across
// packages the function's heldFact says so.
func (c *pkgctx) lookupCall(call *ast.CallExpr) bool {
	fn := c.callee(call)
	if fn == nil || recvName(fn) != "" {
		return false
	}
	res := fn.Type().(*types.Signature).Results()
	if res.Len() == 0 || !recordType(res.At(0).Type()) {
		return false
	}
	if d := c.decls[fn]; d != nil {
		return c.heldResults(d, 0, 1)
	}
	var f heldFact
	return fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) && f.Results&1 != 0
}
