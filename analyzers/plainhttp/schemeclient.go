package plainhttp

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/ssabuild"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// This file follows clients that decide a request's scheme themselves.
// A cluster's own HTTP client often takes plain http:// URLs from the
// code and rewrites the scheme at the last moment, to https when TLS is
// configured (`req.URL.Scheme = c.scheme()` in its Do method, or a
// NormalizeURL helper that parses the URL and sets its Scheme). There the
// literal's scheme is a placeholder the client replaces: whether the
// traffic is protected is the deployment's TLS setting, not the code's
// choice, so the URL is not reported as plain HTTP.
//
// A function decides the scheme when it takes a request, URL or URL
// string and
//   - assigns the Scheme field of a url.URL (req.URL.Scheme, or that of a
//     URL it parsed) a value other than the constant "http" or "ws", or
//   - passes one of those parameters to a function that decides it.
//
// The property is exported as a fact, so that a client of another
// package of the module counts. At a client call, the URL is the
// client's choice when the request made there, or the variable holding
// the URL, is passed to such a function in the same function body.

// schemeFact marks a function that decides the scheme of the request or
// URL it is given.
type schemeFact struct{}

func (*schemeFact) AFact()         {}
func (*schemeFact) String() string { return "decides scheme" }

// schemeIndex knows the functions that decide a scheme.
type schemeIndex struct {
	pass     *analysis.Pass
	deciders map[*types.Func]bool // of this package
	// boxed maps an interface type of this package to the concrete
	// types the package converts to it (SSA MakeInterface), built on
	// first use.
	boxed map[*types.Named][]types.Type
	// none: no function of this package or of its imports decides a
	// scheme.
	none bool
}

// exportSchemeDeciders computes the package's functions that decide a
// scheme and exports a fact for each. Callers within the package are
// found by iterating until nothing changes.
func exportSchemeDeciders(pass *analysis.Pass) *schemeIndex {
	c := &schemeIndex{pass: pass, deciders: map[*types.Func]bool{}}
	info := pass.TypesInfo
	type cand struct {
		fn     *types.Func
		decl   *ast.FuncDecl
		params map[types.Object]bool
	}
	var cands []cand
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			params := map[types.Object]bool{}
			for _, fl := range fd.Type.Params.List {
				for _, n := range fl.Names {
					if o := info.Defs[n]; o != nil && urlCarrier(o.Type()) {
						params[o] = true
					}
				}
			}
			if len(params) > 0 {
				cands = append(cands, cand{fn, fd, params})
			}
		}
	}
	decide := func(fn *types.Func) {
		c.deciders[fn] = true
		c.pass.ExportObjectFact(fn, new(schemeFact))
	}
	for _, k := range cands {
		if setsScheme(info, k.decl.Body) {
			decide(k.fn)
		}
	}
	// A decider elsewhere is one of this package or one an imported
	// package exported (an interface method decides only through
	// them): without either, nothing here passes to one, and the
	// walks below and at each client call are skipped.
	c.none = len(c.deciders) == 0 && len(pass.AllObjectFacts()) == 0
	for changed := !c.none; changed; {
		changed = false
		for _, k := range cands {
			if !c.deciders[k.fn] && c.passesToDecider(k.decl.Body, k.params) {
				decide(k.fn)
				changed = true
			}
		}
	}
	return c
}

// urlCarrier reports whether a value of type t can carry a URL whose
// scheme a function could change: a request, a URL or a string.
func urlCarrier(t types.Type) bool {
	if isNamed(t, "net/http", "Request") || isNamed(t, "net/url", "URL") {
		return true
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// setsScheme reports whether body assigns a url.URL's Scheme field a
// value other than a plain-text scheme constant.
func setsScheme(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || found {
			return false
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, l := range as.Lhs {
			if !schemeField(info, ast.Unparen(l)) {
				continue
			}
			if mentionsScheme(info, as.Rhs[i]) {
				continue // strings.ToLower(u.Scheme): the same scheme
			}
			if tv, ok := info.Types[as.Rhs[i]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				switch constant.StringVal(tv.Value) {
				case "http", "ws", "":
					continue
				}
			}
			found = true
		}
		return !found
	})
	return found
}

// mentionsScheme reports whether e reads a url.URL's Scheme field.
func mentionsScheme(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		found = found || schemeField(info, n)
		return !found
	})
	return found
}

// schemeField reports whether n is the Scheme field of a url.URL (u.Scheme,
// req.URL.Scheme).
func schemeField(info *types.Info, n ast.Node) bool {
	sel, ok := n.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Scheme" && isNamed(typeOf(info, sel.X), "net/url", "URL")
}

// passesToDecider reports whether body passes one of params to a
// function that decides the scheme.
func (c *schemeIndex) passesToDecider(body *ast.BlockStmt, params map[types.Object]bool) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok || !c.decidesScheme(typeutil.Callee(info, call)) {
			return true
		}
		for _, a := range call.Args {
			if id, ok := requestBase(info, a).(*ast.Ident); ok && params[info.Uses[id]] {
				found = true
			}
		}
		return !found
	})
	return found
}

// decidesScheme reports whether obj is a function that decides the
// scheme of what it is given: one of this package, or one of another
// package with the fact.
func (c *schemeIndex) decidesScheme(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	fn = fn.Origin()
	if iface := interfaceOf(fn); iface != nil {
		return c.implsDecide(iface, fn.Name())
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.deciders[fn]
	}
	return c.pass.ImportObjectFact(fn, new(schemeFact))
}

// interfaceOf returns the named interface type of this package's
// declaring method fn, or nil.
func interfaceOf(fn *types.Func) *types.Named {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	n, ok := types.Unalias(sig.Recv().Type()).(*types.Named)
	if !ok || !types.IsInterface(n) {
		return nil
	}
	return n
}

// implsDecide reports whether a call of the interface method name
// decides the scheme: the interface is this package's (so every value
// of it is converted here), the package converts at least one concrete
// type to it, and every such type's method decides the scheme
// (Uploader{httpClient: cluster client} behind `type HTTPClient
// interface{ Do(*http.Request) … }`).
func (c *schemeIndex) implsDecide(iface *types.Named, name string) bool {
	if iface.Obj().Pkg() != c.pass.Pkg {
		return false
	}
	if c.boxed == nil {
		c.boxed = map[*types.Named][]types.Type{}
		for _, fn := range ssabuild.Get(c.pass).SrcFuncs {
			for _, b := range fn.Blocks {
				for _, in := range b.Instrs {
					mi, ok := in.(*ssa.MakeInterface)
					if !ok {
						continue
					}
					if n, ok := types.Unalias(mi.Type()).(*types.Named); ok && n.Obj().Pkg() == c.pass.Pkg {
						c.boxed[n] = append(c.boxed[n], mi.X.Type())
					}
				}
			}
		}
	}
	impls := c.boxed[iface]
	for _, t := range impls {
		obj, _, _ := types.LookupFieldOrMethod(t, true, c.pass.Pkg, name)
		m, ok := obj.(*types.Func)
		if !ok || interfaceOf(m) != nil || !c.decidesScheme(m) {
			return false
		}
	}
	return len(impls) > 0
}

// clientDecidesScheme reports whether the URL e given to the client call
// on top of stack has its scheme decided later by a client: the request
// the call makes (req, err := http.NewRequest(…, e, …)), or the variable
// e, is passed to a function that decides the scheme in the same
// function body.
func (c *checker) clientDecidesScheme(stack []ast.Node, e ast.Expr) bool {
	if c.schemes.none {
		return false
	}
	info := c.pass.TypesInfo
	body := funcBodyOf(stack)
	if body == nil {
		return false
	}
	watch := map[types.Object]bool{}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() {
			watch[v] = true
		}
	}
	if len(stack) >= 2 {
		if as, ok := stack[len(stack)-2].(*ast.AssignStmt); ok && len(as.Rhs) == 1 && len(as.Lhs) > 0 {
			if id, ok := as.Lhs[0].(*ast.Ident); ok {
				if o := info.ObjectOf(id); o != nil {
					watch[o] = true
				}
			}
		}
	}
	if len(watch) == 0 {
		return false
	}
	return c.schemes.passesToDecider(body, watch)
}

// requestBase returns the request a copy is made of
// (req.WithContext(ctx), req.Clone(ctx)), or e itself.
func requestBase(info *types.Info, e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return e
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "WithContext" && sel.Sel.Name != "Clone") || !isRequestValue(info, sel.X) {
		return e
	}
	return ast.Unparen(sel.X)
}
