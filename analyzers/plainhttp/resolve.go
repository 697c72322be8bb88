package plainhttp

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/optin"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Limits of the value resolution. Real URL building rarely goes more than
// three or four steps deep (a const, a field, a Sprintf, a parameter);
// the limits keep pathological code cheap.
const (
	maxDepth = 10
	maxCands = 16
)

// cand is one string value an expression may hold.
type cand struct {
	// s is the value; parts known only at run time are markers
	// (unknownStr, localStr, internalStr).
	s string
	// at is the literal that supplies the start of s (a *ast.BasicLit in
	// this package), or, for a constant of another package, the
	// expression that uses it; nil when the start is not known.
	at ast.Expr
	// schemeLit is set when at is the Scheme of a url.URL literal
	// ("http") rather than a URL.
	schemeLit bool
	// foreign names the constant of another package that supplies s.
	foreign string
}

// valueSrc is one expression assigned to a variable, constant or field.
// res >= 0 selects a result of a multi-value call (u, err := url.Parse(s)).
type valueSrc struct {
	expr ast.Expr
	res  int
	// schemeChoice marks an assignment inside an if that chooses the
	// scheme (if !cfg.UseHTTPS { base = "http://…" }): the plain URL is
	// an operator's explicit choice, like a scheme read from
	// configuration.
	schemeChoice bool
}

// index holds the package-wide facts the resolver needs: what is
// assigned to each object, each function's declaration, the calls of
// each function and where each parameter sits. It is built on first use,
// since most packages never need it.
type index struct {
	srcs   map[types.Object][]valueSrc
	decls  map[*types.Func]*ast.FuncDecl
	calls  map[*types.Func][]*ast.CallExpr
	params map[*types.Var]paramPos
}

type paramPos struct {
	fn *types.Func
	i  int
}

type resolver struct {
	pass *analysis.Pass
	insp *inspector.Inspector
	idx  *index
	// parents maps each node of the files to its parent, built on
	// first use (overwritten.go).
	parents map[ast.Node]ast.Node
	// binds are the arguments of the calls being resolved, innermost
	// last: a package function's result that is one of its parameters
	// (func get(k, def string) string { …; return def }) is what that
	// call passes, not what every call of the function passes.
	binds []callBind
}

// callBind binds the parameters of a function to one call's arguments.
type callBind struct {
	fn   *types.Func
	args map[*types.Var]ast.Expr
}

func (r *resolver) index() *index {
	if r.idx != nil {
		return r.idx
	}
	info := r.pass.TypesInfo
	idx := &index{
		srcs:   make(map[types.Object][]valueSrc),
		decls:  make(map[*types.Func]*ast.FuncDecl),
		calls:  make(map[*types.Func][]*ast.CallExpr),
		params: make(map[*types.Var]paramPos),
	}
	lhsObj := func(e ast.Expr) types.Object {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			if o := info.Defs[e]; o != nil {
				return o
			}
			return info.Uses[e]
		case *ast.SelectorExpr:
			if sel := info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
				return sel.Obj()
			}
			return info.Uses[e.Sel]
		}
		return nil
	}
	assign := func(lhs []ast.Expr, rhs []ast.Expr, choice bool) {
		for i, l := range lhs {
			o := lhsObj(l)
			if o == nil {
				continue
			}
			switch {
			case len(rhs) == len(lhs):
				idx.srcs[o] = append(idx.srcs[o], valueSrc{rhs[i], -1, choice})
			case len(rhs) == 1:
				idx.srcs[o] = append(idx.srcs[o], valueSrc{rhs[0], i, choice})
			}
		}
	}
	filter := []ast.Node{(*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.CompositeLit)(nil), (*ast.FuncDecl)(nil), (*ast.CallExpr)(nil)}
	r.insp.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			assign(lhs, n.Values, false)
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				assign(n.Lhs, n.Rhs, optin.UnderCondition(stack, schemeWords))
			}
		case *ast.CompositeLit:
			st, _ := typeOf(info, n).Underlying().(*types.Struct)
			if st == nil {
				break
			}
			for i, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						if o := info.Uses[id]; o != nil {
							idx.srcs[o] = append(idx.srcs[o], valueSrc{kv.Value, -1, false})
						}
					}
				} else if i < st.NumFields() {
					o := st.Field(i)
					idx.srcs[o] = append(idx.srcs[o], valueSrc{e, -1, false})
				}
			}
		case *ast.FuncDecl:
			fn, _ := info.Defs[n.Name].(*types.Func)
			if fn == nil {
				break
			}
			idx.decls[fn] = n
			sig := fn.Type().(*types.Signature)
			for i := 0; i < sig.Params().Len(); i++ {
				idx.params[sig.Params().At(i)] = paramPos{fn, i}
			}
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(info, n).(*types.Func); ok {
				fn = fn.Origin()
				idx.calls[fn] = append(idx.calls[fn], n)
			}
		}
		return true
	})
	r.idx = idx
	return idx
}

func typeOf(info *types.Info, e ast.Expr) types.Type {
	if t := info.TypeOf(e); t != nil {
		return t
	}
	return types.Typ[types.Invalid]
}

// resolve returns the values e may hold, as far as the package shows.
func (r *resolver) resolve(e ast.Expr) []cand {
	return r.eval(e, 0, map[types.Object]bool{})
}

func unknown() []cand { return []cand{{s: unknownStr}} }

func (r *resolver) eval(e ast.Expr, depth int, seen map[types.Object]bool) []cand {
	if depth > maxDepth || e == nil {
		return unknown()
	}
	info := r.pass.TypesInfo
	switch e := e.(type) {
	case *ast.ParenExpr:
		return r.eval(e.X, depth+1, seen)
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return unknown()
		}
		s, err := strconv.Unquote(e.Value)
		if err != nil {
			return unknown()
		}
		return []cand{{s: s, at: e}}
	case *ast.Ident:
		return internalIfNamed(e.Name, r.evalObj(e, info.Uses[e], depth, seen))
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil {
			if loopbackDefault(sel) { // tagdefault.go
				return []cand{{s: localStr}}
			}
			if sel.Kind() == types.FieldVal {
				return internalIfNamed(e.Sel.Name, r.evalObj(e, sel.Obj(), depth, seen))
			}
			return unknown()
		}
		// A qualified identifier: pkg.Name.
		return internalIfNamed(e.Sel.Name, r.evalObj(e, info.Uses[e.Sel], depth, seen))
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return unknown()
		}
		return concat(r.eval(e.X, depth+1, seen), r.eval(e.Y, depth+1, seen))
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return r.eval(e.X, depth+1, seen)
		}
	case *ast.StarExpr:
		return r.eval(e.X, depth+1, seen)
	case *ast.CompositeLit:
		return r.evalURLLit(e, depth, seen)
	case *ast.CallExpr:
		return r.evalCall(e, -1, depth, seen)
	}
	if isAddrExpr(info, e) {
		return []cand{{s: localStr}}
	}
	return unknown()
}

// evalObj resolves a use of obj (an identifier or a field selection).
func (r *resolver) evalObj(use ast.Expr, obj types.Object, depth int, seen map[types.Object]bool) []cand {
	info := r.pass.TypesInfo
	switch obj := obj.(type) {
	case *types.Const:
		if obj.Pkg() != r.pass.Pkg {
			// A constant of another package: its value is known from
			// export data, but not where it is written, so the use is
			// what a report can point at.
			if obj.Val().Kind() != constant.String {
				return unknown()
			}
			return []cand{{s: constant.StringVal(obj.Val()), at: use, foreign: obj.Pkg().Name() + "." + obj.Name()}}
		}
	case *types.Var:
	default:
		if isAddrExpr(info, use) {
			return []cand{{s: localStr}}
		}
		return unknown()
	}
	if seen[obj] {
		return unknown()
	}
	seen[obj] = true
	defer delete(seen, obj)

	if isURLVar(obj) && r.varSchemeRewritten(obj) {
		return unknown() // its scheme is assigned before use
	}

	idx := r.index()
	var out []cand
	if v, ok := obj.(*types.Var); ok {
		if arg, outer, ok := r.bound(v); ok {
			// The parameter of a call being resolved: that call's
			// argument, in the caller's bindings.
			inner := r.binds
			r.binds = outer
			out = r.eval(arg, depth+1, seen)
			r.binds = inner
			return out
		}
		if pp, ok := idx.params[v]; ok {
			// A parameter: what the package's calls pass.
			sig := pp.fn.Type().(*types.Signature)
			if sig.Variadic() && pp.i == sig.Params().Len()-1 {
				return unknown()
			}
			calls := idx.calls[pp.fn]
			if len(calls) == 0 {
				return unknown()
			}
			for _, c := range calls {
				if c.Ellipsis.IsValid() || pp.i >= len(c.Args) {
					out = append(out, unknown()...)
					continue
				}
				out = append(out, r.eval(c.Args[pp.i], depth+1, seen)...)
				if len(out) >= maxCands {
					break
				}
			}
			return capCands(out)
		}
	}
	srcs := idx.srcs[obj]
	if len(srcs) > 1 {
		// A plain default replaced by a TLS URL before this read
		// (overwritten.go).
		if t, ok := r.targetOf(use); ok && t.obj == obj {
			if rhs, ok := r.coveredWrite(use, t, depth, seen); ok {
				return r.eval(rhs, depth+1, seen)
			}
		}
	}
	if len(srcs) == 0 {
		if isAddrExpr(info, use) {
			return []cand{{s: localStr}}
		}
		return unknown()
	}
	for _, s := range srcs {
		if s.schemeChoice {
			continue
		}
		if s.res >= 0 {
			if call, ok := ast.Unparen(s.expr).(*ast.CallExpr); ok {
				out = append(out, r.evalCall(call, s.res, depth+1, seen)...)
			} else {
				out = append(out, unknown()...)
			}
		} else {
			out = append(out, r.eval(s.expr, depth+1, seen)...)
		}
		if len(out) >= maxCands {
			break
		}
	}
	return capCands(out)
}

// evalCall resolves the result res of a call (-1: the only result).
func (r *resolver) evalCall(call *ast.CallExpr, res int, depth int, seen map[types.Object]bool) []cand {
	info := r.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		// A conversion such as string(b) or template.URL(s).
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			return r.eval(call.Args[0], depth+1, seen)
		}
		return unknown()
	}
	arg := func(i int) []cand {
		if i < len(call.Args) {
			return r.eval(call.Args[i], depth+1, seen)
		}
		return unknown()
	}
	recv := func() []cand {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return r.eval(sel.X, depth+1, seen)
		}
		return unknown()
	}
	first := res <= 0
	switch funcKey(fn) {
	case "fmt.Sprintf":
		return r.evalSprintf(call, depth, seen)
	case "net/url.Parse", "net/url.ParseRequestURI":
		if first {
			return arg(0)
		}
		return unknown()
	case "net/url.JoinPath", "path.Join":
		if first {
			return concat(arg(0), []cand{{s: "/" + unknownStr}})
		}
		return unknown()
	case "strings.TrimSuffix", "strings.TrimRight", "strings.TrimSpace", "strings.Clone", "strings.ToLower":
		return arg(0)
	case "net.JoinHostPort":
		// The host, then the port: the host decides where it goes
		// ("127.0.0.1" stays on the machine). An IPv6 literal is
		// bracketed.
		var hosts []cand
		for _, h := range arg(0) {
			if strings.Contains(h.s, ":") && !strings.ContainsAny(h.s, markers) {
				h.s = "[" + h.s + "]"
			}
			hosts = append(hosts, h)
		}
		return concat(hosts, []cand{{s: ":" + unknownStr}})
	case "cmp.Or":
		var out []cand
		for i := range call.Args {
			out = append(out, arg(i)...)
		}
		return capCands(out)
	case "net/url.URL.String", "net/url.URL.Redacted":
		return recv()
	case "net/url.URL.ResolveReference", "net/url.URL.Parse":
		if first {
			return concat(recv(), []cand{{s: "/" + unknownStr}})
		}
		return unknown()
	case "net/url.URL.JoinPath":
		return concat(recv(), []cand{{s: "/" + unknownStr}})
	}
	if fn.Pkg() != r.pass.Pkg && pointerTo(fn) {
		// aws.String("http://…"), ptr.To(u), proto.String(u): a
		// pointer to the value, for APIs whose optional fields are
		// pointers (the SDK's BaseEndpoint).
		return arg(0)
	}
	// A function of this package: what it returns.
	if fn.Pkg() != r.pass.Pkg || seen[fn] {
		if isAddrExpr(info, call) {
			return []cand{{s: localStr}}
		}
		return unknown()
	}
	decl := r.index().decls[fn.Origin()]
	if decl == nil || decl.Body == nil {
		return unknown()
	}
	if res < 0 {
		res = 0
	}
	seen[fn] = true
	defer delete(seen, fn)
	if b, ok := bindCall(fn, call); ok {
		r.binds = append(r.binds, b)
		defer func() { r.binds = r.binds[:len(r.binds)-1] }()
	}
	var out []cand
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if res < len(n.Results) && len(out) < maxCands {
				out = append(out, r.eval(n.Results[res], depth+1, seen)...)
			}
		}
		return true
	})
	if len(out) == 0 {
		return unknown()
	}
	return capCands(out)
}

// evalSprintf resolves fmt.Sprintf with a format the package shows.
func (r *resolver) evalSprintf(call *ast.CallExpr, depth int, seen map[types.Object]bool) []cand {
	if len(call.Args) == 0 {
		return unknown()
	}
	formats := r.eval(call.Args[0], depth+1, seen)
	var out []cand
	for _, f := range formats {
		if strings.ContainsAny(f.s, markers) {
			out = append(out, cand{s: unknownStr})
			continue
		}
		// Split the format at its verbs; each verb takes the next
		// argument.
		acc := []cand{{s: "", at: f.at, foreign: f.foreign}}
		text := f.s
		argi := 1
		for text != "" {
			i := strings.IndexByte(text, '%')
			if i < 0 {
				acc = appendText(acc, text)
				break
			}
			acc = appendText(acc, text[:i])
			text = text[i+1:]
			if strings.HasPrefix(text, "%") {
				acc = appendText(acc, "%")
				text = text[1:]
				continue
			}
			// Skip flags, width and precision up to the verb letter.
			j := 0
			for j < len(text) && strings.IndexByte("+-# 0123456789.*[]", text[j]) >= 0 {
				j++
			}
			if j >= len(text) {
				break
			}
			verb := text[j]
			text = text[j+1:]
			var v []cand
			if (verb == 's' || verb == 'v') && argi < len(call.Args) && j == 0 {
				v = r.eval(call.Args[argi], depth+1, seen)
			} else {
				v = unknown()
			}
			argi++
			acc = concat(acc, v)
		}
		out = append(out, acc...)
	}
	return capCands(out)
}

func appendText(cs []cand, text string) []cand {
	if text == "" {
		return cs
	}
	out := make([]cand, len(cs))
	for i, c := range cs {
		c.s += text
		out[i] = c
	}
	return out
}

// evalURLLit resolves a url.URL composite literal from its Scheme and
// Host fields; the Scheme literal is what a report points at.
func (r *resolver) evalURLLit(lit *ast.CompositeLit, depth int, seen map[types.Object]bool) []cand {
	if !isNamed(typeOf(r.pass.TypesInfo, lit), "net/url", "URL") {
		return unknown()
	}
	var scheme, host ast.Expr
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return unknown()
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			switch id.Name {
			case "Scheme":
				scheme = kv.Value
			case "Host":
				host = kv.Value
			}
		}
	}
	if scheme == nil || r.schemeRewritten(lit) {
		return unknown()
	}
	var out []cand
	for _, s := range r.eval(scheme, depth+1, seen) {
		if strings.ContainsAny(s.s, markers) {
			out = append(out, cand{s: unknownStr})
			continue
		}
		s.schemeLit = true
		s.s += "://"
		hs := unknown()
		if host != nil {
			hs = r.eval(host, depth+1, seen)
		}
		out = append(out, concat([]cand{s}, hs)...)
	}
	return capCands(out)
}

// concat is the cross product of two value sets. The start of the result
// comes from the left value unless it is empty.
func concat(xs, ys []cand) []cand {
	out := make([]cand, 0, len(xs)*len(ys))
	for _, x := range xs {
		for _, y := range ys {
			c := x
			if x.s == "" {
				c = y
			} else {
				c.s = x.s + y.s
			}
			out = append(out, c)
			if len(out) >= maxCands {
				return out
			}
		}
	}
	return out
}

func capCands(cs []cand) []cand {
	if len(cs) > maxCands {
		cs = cs[:maxCands]
	}
	if len(cs) == 0 {
		return unknown()
	}
	return cs
}

// isAddrExpr reports whether e is a listener's address (a net.Addr such
// as ln.Addr(), or its String()), which is local: tests and examples
// dial the server they started.
func isAddrExpr(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "String" && len(call.Args) == 0 {
			e = sel.X
		}
	}
	t := typeOf(info, e)
	return isNamed(t, "net", "Addr") || isNamed(t, "net", "TCPAddr")
}

// isNamed reports whether t (or *t) is the named type pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	o := n.Obj()
	return o.Name() == name && o.Pkg() != nil && trimVendor(o.Pkg().Path()) == pkg
}

// funcKey names a function as "pkg/path.Name" or, for a method,
// "pkg/path.Type.Name", without vendor prefixes.
func funcKey(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	path := trimVendor(fn.Pkg().Path())
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return path + "." + n.Obj().Name() + "." + fn.Name()
		}
		return path + ".?." + fn.Name()
	}
	return path + "." + fn.Name()
}

func trimVendor(path string) string {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		return path[i+len("/vendor/"):]
	}
	return strings.TrimPrefix(path, "vendor/")
}

// schemeWords in an if condition say that the branch chooses between
// plain and secure transport.
var schemeWords = []string{"https", "tls", "ssl", "secure", "plain", "scheme", "http2"}

// internalWords in the name of a value known only at run time say that
// it is an in-cluster or local address: svcAddr, internalHost,
// sidecarURL.
var internalWords = map[string]bool{
	"svc": true, "internal": true, "cluster": true, "sidecar": true, "mesh": true,
	"local": true, "localhost": true, "loopback": true, "pod": true, "k8s": true,
	"kube": true, "kubernetes": true,
}

// internalIfNamed turns an unknown value whose name says it is an
// in-cluster address into the internal marker.
func internalIfNamed(name string, cs []cand) []cand {
	if len(cs) != 1 || cs[0].s != unknownStr {
		return cs
	}
	for _, w := range credname.Words(name) {
		if internalWords[w] {
			return []cand{{s: internalStr}}
		}
	}
	return cs
}

// pointerTo reports whether fn has the shape of a pointer helper of
// another package: one parameter of some type T and one result *T
// (aws.String, proto.String, ptr.To[T], lo.ToPtr): its result points at
// its argument.
func pointerTo(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() != nil || sig.Params().Len() != 1 || sig.Results().Len() != 1 || sig.Variadic() {
		return false
	}
	p, ok := sig.Results().At(0).Type().(*types.Pointer)
	return ok && types.Identical(p.Elem(), sig.Params().At(0).Type())
}

// isURLVar reports whether obj is a variable of type url.URL or
// *url.URL.
func isURLVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok {
		return false
	}
	t := v.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/url" && n.Obj().Name() == "URL"
}

// bindCall binds fn's parameters to call's arguments; false for a call
// that spreads a slice, or whose arguments do not line up one to one.
func bindCall(fn *types.Func, call *ast.CallExpr) (callBind, bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || call.Ellipsis.IsValid() || sig.Variadic() || sig.Params().Len() != len(call.Args) {
		return callBind{}, false
	}
	b := callBind{fn: fn, args: map[*types.Var]ast.Expr{}}
	for i := 0; i < sig.Params().Len(); i++ {
		b.args[sig.Params().At(i)] = call.Args[i]
	}
	return b, true
}

// bound returns the argument bound to parameter v by the innermost call
// being resolved that binds it, and the bindings outside that call.
func (r *resolver) bound(v *types.Var) (ast.Expr, []callBind, bool) {
	for i := len(r.binds) - 1; i >= 0; i-- {
		if arg, ok := r.binds[i].args[v]; ok {
			return arg, r.binds[:i], true
		}
	}
	return nil, nil, false
}
