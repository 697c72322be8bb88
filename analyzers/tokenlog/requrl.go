package tokenlog

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/textual"
	"github.com/authvet/authvet/analyzers/internal/webfw"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// Request URLs of a program that takes credentials in the query.
//
// A program that reads a credential from a request's query string
// (r.FormValue("access_token"), r.URL.Query().Get("token"), gin's
// c.Query("api_key"), echo's c.QueryParam("token")) accepts requests
// whose URL holds that credential. Logging the whole request URL of such
// a program then writes the credential to the log whenever a client uses
// that form: r.URL.String(), r.URL.Redacted() (it replaces only a user
// info password, never the query), r.URL.RequestURI(), r.URL.RawQuery,
// r.RequestURI, and r.URL printed with %v or %s. The path, host, method
// and r.URL.Query().Get of other parameters are left alone.
//
// The read and the log are usually in different packages (a token
// parser in one, a request-logging middleware in the router), so the
// read is exported as a package fact (queryParams), passed on by every
// importing package, so that each package sees its own reads and those
// of the analyzed packages it depends on, directly or not.
// Facts are never taken from the standard library or the module cache
// (run skips them), so a dependency's parameters are the program's own.
// The finding is tokenlog/log at its level (warning) whether the read
// is in the logging package or in a dependency: either way the program
// itself accepts the credential in the URL it logs.
//
// Not credentials here: "code" and "state" (an OAuth callback's
// one-time code is exchanged at once and the state is public), and the
// generic names credsrc also leaves out of URL reads ("key", "sig",
// "signature", "auth").

// queryParams is the package fact: the credential query parameters the
// program reads, sorted, and the package that reads them (From). A
// package that reads none itself passes on the fact of a dependency,
// because drivers give a package only its direct imports' package
// facts (go vet's unitchecker does not re-export them).
type queryParams struct {
	Names []string
	From  string
	// Endpoints says every read in From sits in an endpoint handler
	// (queryroutes.go): only those routes' URLs carry the parameter.
	Endpoints bool
}

// AFact marks queryParams as an analysis fact.
func (*queryParams) AFact() {}

func (q *queryParams) String() string {
	return "tokenlog(query params " + strings.Join(q.Names, ", ") + " read by " + q.From + ")"
}

// reqQuery is what a package knows of credential query parameters: the
// first one it reads itself, or else the first one a dependency reads.
type reqQuery struct {
	name  string   // parameter name
	pkg   string   // import path of the package that reads it
	names []string // every credential parameter it reads, name first
	// endpoints is set when the package's own reads all sit in
	// endpoint handlers (queryroutes.go); depEndpoints says the same of
	// a dependency's reads, from its fact.
	endpoints    *endpointReads
	depEndpoints bool
}

// isQueryCredParam reports whether a query parameter name carries a
// credential for this rule.
func isQueryCredParam(name string) bool {
	switch strings.ToLower(name) {
	case "key", "sig", "signature", "auth", "code", "state":
		return false
	}
	return credname.IsCredentialParam(name)
}

// tokenParam reports whether a credential parameter names a token or
// key that clients put in URLs (access_token, api_key), rather than a
// password or client secret, which belong in a form body.
func tokenParam(name string) bool {
	switch credname.Classify(name) {
	case credname.Password, credname.ClientSecret, credname.Secret:
		return false
	}
	return true
}

// queryReaders names the library calls that read one query parameter by
// name from their first argument: import path, receiver type name and
// method names.
var queryReaders = []struct {
	path, recv string
	names      []string
}{
	{"net/http", "Request", []string{"FormValue"}},
	{"github.com/gin-gonic/gin", "Context", []string{"Query", "DefaultQuery", "GetQuery", "QueryArray", "GetQueryArray"}},
	{"github.com/labstack/echo", "Context", []string{"QueryParam"}}, // every major version (webfw.Canonical)
	{"github.com/gofiber/fiber/v2", "Ctx", []string{"Query"}},
}

// readsQueryParam returns the credential parameter a call reads from a
// request's query, if any: a query reader of a library called with a
// constant name, or a query-reader helper (below) called with one.
func readsQueryParam(info *types.Info, call *ast.CallExpr, fromQuery *queryScope, helpers map[*types.Func]queryHelper) (string, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || len(call.Args) == 0 {
		return "", false
	}
	idx, formValue := 0, false
	if h, ok := helpers[fn]; ok {
		idx, formValue = h.Param, h.FormValue
	} else if fv, ok := isQueryReader(info, call, fn, fromQuery); ok {
		formValue = fv
	} else {
		return "", false
	}
	if idx >= len(call.Args) {
		return "", false
	}
	name, ok := textual.ConstString(info, call.Args[idx])
	if !ok {
		return "", false
	}
	if !isQueryCredParam(name) {
		return "", false
	}
	if formValue && !tokenParam(name) {
		// FormValue reads the POST body too, where a login form's
		// password and a token endpoint's client_secret are sent.
		return "", false
	}
	return name, true
}

// isQueryReader reports whether call (of fn) reads one query parameter
// named by its first argument, and whether the reader is FormValue.
func isQueryReader(info *types.Info, call *ast.CallExpr, fn *types.Func, fromQuery *queryScope) (formValue, ok bool) {
	path, recv := webfw.Canonical(fn.Pkg().Path()), credsrc.RecvTypeName(fn)
	for _, r := range queryReaders {
		if r.path == path && r.recv == recv {
			for _, n := range r.names {
				if n == fn.Name() {
					return path == "net/http" && fn.Name() == "FormValue", true
				}
			}
		}
	}
	if path == "net/url" && recv == "Values" && (fn.Name() == "Get" || fn.Name() == "Has") {
		// Only the Values of a URL's query: url.ParseQuery of a body
		// or r.PostForm is no URL.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && urlQueryExpr(info, sel.X, fromQuery) {
			return false, true
		}
	}
	return false, false
}

// indexesQueryParam returns the credential parameter an index of a
// URL's query reads (r.URL.Query()["access_token"], q["token"] with q
// := r.URL.Query()), the map form of Values.Get.
func indexesQueryParam(info *types.Info, ix *ast.IndexExpr, fromQuery *queryScope) (string, bool) {
	if !isPkgType(info.TypeOf(ix.X), "net/url", "Values") || !urlQueryExpr(info, ix.X, fromQuery) {
		return "", false
	}
	name, ok := textual.ConstString(info, ix.Index)
	if !ok {
		return "", false
	}
	return name, isQueryCredParam(name)
}

// Query-reader helpers.
//
// Services wrap the query read in a helper that takes the parameter
// name (func QueryParam(r *http.Request, name string) string { return
// r.URL.Query().Get(name) }) and call it with their constants
// (QueryParam(r, "access_token")). A function whose parameter is
// passed, unchanged, as the name of a query reader (or of another such
// helper) is a query-reader helper, and a call of it with a constant
// credential name reads that parameter from the query. Helpers are
// found within the package and exported as object facts, so a call
// from an importing package counts too. A helper that reads the body
// (r.PostFormValue) or a header by name is no query reader, and a
// helper called only with non-credential names (QueryParam(r, "page"))
// reads no credential.

// queryHelper is the object fact of a query-reader helper: the index of
// the parameter that names the query parameter, and whether the read
// is FormValue (which also reads a POST body).
type queryHelper struct {
	Param     int
	FormValue bool
}

// AFact marks queryHelper as an analysis fact.
func (*queryHelper) AFact() {}

func (q *queryHelper) String() string {
	return fmt.Sprintf("tokenlog(query reader, name in parameter %d)", q.Param)
}

// queryHelpers finds the package's query-reader helpers, exports them,
// and returns them with those imported from dependencies that the
// package calls.
func queryHelpers(pass *analysis.Pass, files []*ast.File, fromQuery *queryScope) map[*types.Func]queryHelper {
	info := pass.TypesInfo
	helpers := map[*types.Func]queryHelper{}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := typeutil.Callee(info, call).(*types.Func)
			if !ok || fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
				return true
			}
			var h queryHelper
			if pass.ImportObjectFact(fn, &h) {
				helpers[fn] = h
			}
			return true
		})
	}
	// Helpers of helpers: a few rounds reach a fixed point in practice.
	for round := 0; round < 3; round++ {
		grew := false
		for _, file := range files {
			for _, d := range file.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				self, ok := info.Defs[fd.Name].(*types.Func)
				if !ok {
					continue
				}
				if _, done := helpers[self]; done {
					continue
				}
				params := self.Type().(*types.Signature).Params()
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					fn, ok := typeutil.Callee(info, call).(*types.Func)
					if !ok || fn.Pkg() == nil {
						return true
					}
					idx, formValue := 0, false
					if h, ok := helpers[fn]; ok {
						idx, formValue = h.Param, h.FormValue
					} else if fv, ok := isQueryReader(info, call, fn, fromQuery); ok {
						formValue = fv
					} else {
						return true
					}
					if idx >= len(call.Args) {
						return true
					}
					id, ok := ast.Unparen(call.Args[idx]).(*ast.Ident)
					if !ok {
						return true
					}
					for i := 0; i < params.Len(); i++ {
						if params.At(i) == info.Uses[id] && isString(params.At(i).Type()) {
							helpers[self] = queryHelper{Param: i, FormValue: formValue}
							grew = true
							return false
						}
					}
					return true
				})
			}
		}
		if !grew {
			break
		}
	}
	for fn, h := range helpers {
		if fn.Pkg() == pass.Pkg {
			pass.ExportObjectFact(fn, &queryHelper{Param: h.Param, FormValue: h.FormValue})
		}
	}
	return helpers
}

// urlQueryExpr reports whether e is u.Query() of an incoming request's
// URL (requestURLExpr), r.Form of a request, or a variable assigned only
// from one of them.
func urlQueryExpr(info *types.Info, e ast.Expr, scope *queryScope) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "net/url" || fn.Name() != "Query" || credsrc.RecvTypeName(fn) != "URL" {
			return false
		}
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		return ok && scope.requestURLExpr(info, sel.X)
	case *ast.SelectorExpr:
		if s, ok := info.Selections[e]; ok && s.Kind() == types.FieldVal && e.Sel.Name == "Form" {
			return isPkgType(s.Recv(), "net/http", "Request")
		}
	case *ast.Ident:
		return scope != nil && scope.vars[info.Uses[e]]
	}
	return false
}

// Whose query.
//
// The fact is about the requests the program serves: a credential it
// accepts in their query reaches every log of their URLs. A URL the
// program dials (a relay's address with its ?token=, a webhook endpoint
// read from configuration) is another URL; its parameters say nothing
// of the requests a handler logs. So a url.URL's Query() counts only
// when the URL is an incoming request's: the URL field of an
// http.Request (r.URL, c.Request.URL, a field promoted from an embedded
// request), a local assigned only such a URL (u := r.URL, u := *r.URL)
// or one parsed from the request (url.Parse(r.RequestURI)), or a
// parameter of a function of the package that some call in the package
// passes such a URL (tokenFromURL(r.URL)). A URL of unknown origin (a
// parameter of an exported function with no such caller here, a field
// of a configuration, a parsed setting) is no request's.

// queryScope is what a package knows of its request URLs and queries:
// the variables assigned only a request URL's query (q :=
// r.URL.Query()) and the variables and parameters that hold a request's
// URL.
type queryScope struct {
	vars map[types.Object]bool
	urls map[types.Object]bool
}

// requestURLExpr reports whether e is an incoming request's URL.
func (sc *queryScope) requestURLExpr(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		return sc.requestURLExpr(info, e.X)
	case *ast.UnaryExpr:
		return e.Op == token.AND && sc.requestURLExpr(info, e.X)
	case *ast.SelectorExpr:
		s, ok := info.Selections[e]
		if !ok || s.Kind() != types.FieldVal {
			return false
		}
		f := s.Obj()
		return f.Name() == "URL" && f.Pkg() != nil && f.Pkg().Path() == "net/http"
	case *ast.Ident:
		return sc != nil && sc.urls[info.Uses[e]]
	case *ast.CallExpr:
		// url.Parse(r.RequestURI), url.ParseRequestURI(r.URL.String()).
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "net/url" || (fn.Name() != "Parse" && fn.Name() != "ParseRequestURI") || len(e.Args) != 1 {
			return false
		}
		found := false
		ast.Inspect(e.Args[0], func(n ast.Node) bool {
			if x, ok := n.(ast.Expr); ok && !found && isPkgType(typeOrNil(info, x), "net/http", "Request") {
				found = true
			}
			return !found
		})
		return found
	}
	return false
}

func typeOrNil(info *types.Info, e ast.Expr) types.Type {
	if t := info.TypeOf(e); t != nil {
		return t
	}
	return types.Typ[types.Invalid]
}

// isURLValue reports a url.URL or *url.URL.
func isURLValue(t types.Type) bool { return isPkgType(t, "net/url", "URL") }

// newQueryScope finds the package's request-URL variables, then its
// request-query variables.
func newQueryScope(info *types.Info, files []*ast.File) *queryScope {
	sc := &queryScope{urls: map[types.Object]bool{}}
	// Parameters of the package's functions, by function and index.
	params := map[*types.Func][]*types.Var{}
	for _, file := range files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			ps := fn.Type().(*types.Signature).Params()
			for i := 0; i < ps.Len(); i++ {
				params[fn] = append(params[fn], ps.At(i))
			}
		}
	}
	for round := 0; round < 4; round++ {
		grew := false
		// Locals assigned only request URLs, this round.
		locals, bad := map[types.Object]bool{}, map[types.Object]bool{}
		for _, file := range files {
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					rhs := n.Rhs
					if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
						// u, err := url.Parse(r.RequestURI)
						rhs = []ast.Expr{n.Rhs[0], nil}
					} else if len(n.Lhs) != len(n.Rhs) {
						return true
					}
					for i, l := range n.Lhs {
						id, ok := l.(*ast.Ident)
						if !ok {
							continue
						}
						obj := info.ObjectOf(id)
						if obj == nil || !isURLValue(obj.Type()) || sc.urls[obj] {
							continue
						}
						if rhs[i] != nil && sc.requestURLExpr(info, rhs[i]) {
							locals[obj] = true
						} else {
							bad[obj] = true
						}
					}
				case *ast.ValueSpec:
					for i, id := range n.Names {
						obj := info.ObjectOf(id)
						if obj == nil || !isURLValue(obj.Type()) || sc.urls[obj] {
							continue
						}
						if i < len(n.Values) && sc.requestURLExpr(info, n.Values[i]) {
							locals[obj] = true
						} else {
							bad[obj] = true
						}
					}
				case *ast.CallExpr:
					fn, ok := typeutil.Callee(info, n).(*types.Func)
					if !ok {
						return true
					}
					ps := params[fn]
					for i, a := range n.Args {
						if i < len(ps) && isURLValue(ps[i].Type()) && !sc.urls[ps[i]] && sc.requestURLExpr(info, a) {
							sc.urls[ps[i]] = true
							grew = true
						}
					}
				}
				return true
			})
		}
		for o := range locals {
			if !bad[o] && !sc.urls[o] {
				sc.urls[o] = true
				grew = true
			}
		}
		if !grew {
			break
		}
	}
	sc.vars = queryVars(info, files, sc)
	return sc
}

// queryVars lists the variables assigned a URL's query (q :=
// r.URL.Query()) and nothing else.
func queryVars(info *types.Info, files []*ast.File, sc *queryScope) map[types.Object]bool {
	out := map[types.Object]bool{}
	bad := map[types.Object]bool{}
	probe := &queryScope{urls: sc.urls}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, l := range as.Lhs {
				id, ok := l.(*ast.Ident)
				if !ok {
					continue
				}
				obj := info.ObjectOf(id)
				if obj == nil {
					continue
				}
				if urlQueryExpr(info, as.Rhs[i], probe) {
					out[obj] = true
				} else {
					bad[obj] = true
				}
			}
			return true
		})
	}
	for o := range bad {
		delete(out, o)
	}
	return out
}

// isPkgType reports whether t (or what it points to) is the named type
// path.name.
func isPkgType(t types.Type, path, name string) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

// queryCreds finds the credential query parameters the package reads,
// exports them as a fact, and returns what the package knows: its own
// first read, or else a dependency's.
func queryCreds(pass *analysis.Pass, skip map[*token.File]bool) *reqQuery {
	var files []*ast.File
	for _, f := range pass.Files {
		if !skip[pass.Fset.File(f.Pos())] {
			files = append(files, f)
		}
	}
	fromQuery := newQueryScope(pass.TypesInfo, files)
	helpers := queryHelpers(pass, files, fromQuery)
	seen := map[string]bool{}
	var names []string
	for _, file := range files {
		astutil.Apply(file, nil, func(c *astutil.Cursor) bool {
			if call, ok := c.Node().(*ast.CallExpr); ok {
				if name, ok := readsQueryParam(pass.TypesInfo, call, fromQuery, helpers); ok && !seen[name] {
					seen[name] = true
					names = append(names, name)
				}
			}
			if ix, ok := c.Node().(*ast.IndexExpr); ok {
				if name, ok := indexesQueryParam(pass.TypesInfo, ix, fromQuery); ok && !seen[name] {
					seen[name] = true
					names = append(names, name)
				}
			}
			return true
		})
	}
	if len(names) > 0 {
		first := names[0]
		sorted := append([]string(nil), names...)
		sort.Strings(sorted)
		isRead := func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				_, ok := readsQueryParam(pass.TypesInfo, n, fromQuery, helpers)
				return ok
			case *ast.IndexExpr:
				_, ok := indexesQueryParam(pass.TypesInfo, n, fromQuery)
				return ok
			}
			return false
		}
		er := queryEndpoints(pass.TypesInfo, files, isRead)
		pass.ExportPackageFact(&queryParams{Names: sorted, From: pass.Pkg.Path(), Endpoints: er != nil})
		return &reqQuery{name: first, pkg: pass.Pkg.Path(), names: names, endpoints: er}
	}
	var best *queryParams
	endpoints := true // every dependency's reads sit in endpoint handlers
	for _, pf := range pass.AllPackageFacts() {
		q, ok := pf.Fact.(*queryParams)
		if !ok || len(q.Names) == 0 || pf.Package == pass.Pkg {
			continue
		}
		endpoints = endpoints && q.Endpoints
		// The lowest reading package, for reproducible messages.
		if best == nil || q.From < best.From {
			best = q
		}
	}
	if best == nil {
		return nil
	}
	pass.ExportPackageFact(&queryParams{Names: best.Names, From: best.From, Endpoints: endpoints})
	return &reqQuery{name: best.Names[0], pkg: best.From, names: best.Names, depEndpoints: endpoints}
}

// requestURLSource is the source a whole request URL is when the
// program reads a credential from the query.
func (st *pkgState) requestURLSource(what string, pos token.Pos) taint {
	return st.requestURLSourceOf(st.query.name, what, pos)
}

// requestURLSourceOf is requestURLSource naming the parameter name.
func (st *pkgState) requestURLSourceOf(name, what string, pos token.Pos) taint {
	q := reqQuery{name: name, pkg: st.query.pkg}
	where := "read in this package"
	if q.pkg != st.pass.Pkg.Path() {
		where = "read by " + q.pkg
	}
	kind := credname.Classify(q.name)
	if kind == credname.None {
		kind = credname.Credential
	}
	src := credsrc.Source{Kind: kind, Desc: fmt.Sprintf("%s with the %q query parameter (%s)", what, q.name, where), Typed: true}
	return taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: pos, Message: src.Desc}}}}
}

// isRequestURL reports whether v is the URL field of an *http.Request
// (r.URL, c.Request.URL).
func isRequestURL(v ssa.Value) bool {
	return requestField(v) == "URL"
}

// requestField is the name of the *http.Request field v loads, or "".
func requestField(v ssa.Value) string {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return ""
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	if !ok || !isPkgType(fa.X.Type(), "net/http", "Request") {
		return ""
	}
	return fieldOfPtr(fa).Name()
}

func fieldOfPtr(fa *ssa.FieldAddr) *types.Var {
	st := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	return st.Field(fa.Field)
}

// requestURLLoad recognises r.RequestURI and r.URL.RawQuery.
func (f *fnState) requestURLLoad(v ssa.Value) taint {
	if f.st.query == nil {
		return taint{}
	}
	if !f.st.urlLogSeen(f.fn) {
		return taint{}
	}
	if requestField(v) == "RequestURI" && f.st.incoming(v) {
		return f.st.requestURLSource("request URI", v.Pos())
	}
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return taint{}
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	if ok && isRequestURL(fa.X) && f.st.incoming(fa.X) && fieldOfPtr(fa).Name() == "RawQuery" {
		left := unmaskedParams(v, f.st.query.names)
		if len(left) == 0 {
			return taint{}
		}
		return f.st.requestURLSourceOf(left[0], "request query string", v.Pos())
	}
	return taint{}
}

// requestURLCall recognises r.URL.String(), r.URL.Redacted() and
// r.URL.RequestURI(), and reports whether the call is one of them (so
// that Redacted, which keeps the query, is not taken for a sanitizer).
func (f *fnState) requestURLCall(c *ssa.CallCommon, obj *types.Func, results []taint) bool {
	if f.st.query == nil || obj.Pkg() == nil || obj.Pkg().Path() != "net/url" || credsrc.RecvTypeName(obj) != "URL" ||
		len(results) != 1 || c.IsInvoke() || len(c.Args) != 1 || !isRequestURL(c.Args[0]) || !f.st.incoming(c.Args[0]) {
		return false
	}
	if !f.st.urlLogSeen(f.fn) {
		return true // the request URL, but of a route that never carries the parameter
	}
	switch obj.Name() {
	case "String", "Redacted", "RequestURI":
		results[0] = results[0].union(f.st.requestURLSource("request URL", c.Pos()))
		return true
	case "Query":
		// The parsed query, printed whole (go-authcrunch logs an OAuth
		// callback's parameters at debug); its entries read by name are
		// judged by their keys (url.Values is header-like).
		results[0] = results[0].union(f.st.requestURLSource("request query", c.Pos()))
		return true
	}
	return false
}

// requestURLPrinted recognises r.URL handed whole to a printer.
func (f *fnState) requestURLPrinted(x ssa.Value, pos token.Pos) taint {
	if f.st.query == nil || !isRequestURL(x) || !f.st.incoming(x) || !f.st.urlLogSeen(f.fn) {
		return taint{}
	}
	return f.st.requestURLSource("request URL", pos)
}
