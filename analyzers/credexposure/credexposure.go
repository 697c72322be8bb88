package credexposure

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/loopback"
	"github.com/authvet/authvet/analyzers/internal/ssabuild"
	"github.com/authvet/authvet/analyzers/internal/webfw"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer reports credentials exposed by cookies without protective
// flags and by URLs that carry them in the query string.
var Analyzer = &analysis.Analyzer{
	Name:      "credexposure",
	Doc:       doc,
	URL:       "https://github.com/authvet/authvet/tree/main/analyzers/credexposure",
	Run:       run,
	Requires:  []*analysis.Analyzer{ssabuild.Analyzer}, // SSA built once per package, on demand
	FactTypes: []analysis.Fact{new(summary)},
}

// Sub-rule categories; the driver prefixes them with "credexposure/".
const (
	catCookie      = "cookie"
	catQuery       = "query"
	catQueryAccept = "query-accept"
	catQueryOptIn  = "query-opt-in"
)

// defaultAllowQueryHosts are provider APIs whose documented way to pass
// a key is the query string, with no header alternative: the Google
// Maps Platform web services, WeCom's and WeChat's server APIs
// (gettoken?corpid=…&corpsecret=…, ?access_token=…) and DingTalk's
// classic server API (oapi.dingtalk.com; its newer api.dingtalk.com
// takes a header and is not listed).
const defaultAllowQueryHosts = "maps.googleapis.com,roads.googleapis.com,places.googleapis.com,qyapi.weixin.qq.com,api.weixin.qq.com,oapi.dingtalk.com"

// allowQueryHosts holds the -allow-query-hosts flag. It is set before
// analysis starts and only read by run.
var allowQueryHosts = defaultAllowQueryHosts

func init() {
	Analyzer.Flags.StringVar(&allowQueryHosts, "allow-query-hosts", defaultAllowQueryHosts,
		"comma-separated hosts (or .suffixes) whose APIs only accept a key in the query string; credentials sent to them in the query are not reported")
}

// pkgState is the analysis of one package.
type pkgState struct {
	pass   *analysis.Pass
	ssaPkg *ssa.Package
	allow  []string
	fns    map[*ssa.Function]*fnState
	sums   map[*ssa.Function]*summary
	busy   map[*ssa.Function]bool
	// lits indexes the http.Cookie composite literals of the package by
	// the position of their left brace and of each key's colon, the
	// positions SSA gives the literal's allocation and its field stores.
	lits map[token.Pos]*ast.CompositeLit
	// calls indexes call expressions by their left parenthesis.
	calls map[token.Pos]*ast.CallExpr
	// clientOfAllowed is set when a string literal of the package names
	// an allowed host: a client of that provider, whose requests to a
	// host known only at run time go there (see allowedURL).
	clientOfAllowed bool
	// allowedFields are the struct fields and package variables the
	// package gives a URL literal on an allowed host (a per-API host
	// table): a request whose URL starts with one of them goes there.
	allowedFields map[types.Object]bool
	diags         []analysis.Diagnostic
	seen          map[string]bool
	// skip holds generated files: their findings are the generator's.
	skip map[*token.File]bool
}

func run(pass *analysis.Pass) (any, error) {
	if len(pass.Files) == 0 || ssabuild.InGOROOT(pass) || ssabuild.InModCache(pass) || !relevant(pass) {
		// The standard library and dependencies are described by
		// built-in knowledge; a package that imports neither net/http
		// nor net/url nor a web framework, and sees no facts, can set
		// no cookie and send no request.
		return nil, nil
	}
	// Debug references name the local variables a value is bound to
	// (the name hint for locals).
	ssaRes := ssabuild.Get(pass)
	st := &pkgState{
		pass:   pass,
		ssaPkg: ssaRes.Pkg,
		allow:  parseHosts(allowQueryHosts),
		fns:    map[*ssa.Function]*fnState{},
		sums:   map[*ssa.Function]*summary{},
		busy:   map[*ssa.Function]bool{},
		seen:   map[string]bool{},
		skip:   map[*token.File]bool{},
	}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			st.skip[pass.Fset.File(f.Pos())] = true
		}
	}
	st.clientOfAllowed = namesAllowedHost(pass, st.allow)
	st.allowedFields = fieldsGivenAllowedHost(pass, st.allow)
	st.lits, st.calls = indexSyntax(pass)
	// Summarizing a function analyzes it whole: its own findings are
	// kept on its state and reported below, once, in source order.
	for _, fn := range ssaRes.SrcFuncs {
		st.summarize(fn)
	}
	for _, fn := range ssaRes.SrcFuncs {
		if st.skip[pass.Fset.File(fn.Pos())] {
			continue
		}
		for _, d := range st.fn(fn).found {
			st.report(d)
		}
	}
	// Facts are exported in source order so that runs are reproducible.
	for _, fn := range ssaRes.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || !obj.Exported() {
			// Unexported functions are followed within this package.
			continue
		}
		if s := st.sums[fn]; !s.empty() {
			pass.ExportObjectFact(obj, s)
		}
	}
	st.checkSessionStores() // sessionstore.go
	sort.SliceStable(st.diags, func(i, j int) bool { return st.diags[i].Pos < st.diags[j].Pos })
	for _, d := range st.diags {
		pass.Report(d)
	}
	return nil, nil
}

// report records a diagnostic once per position and category. A
// diagnostic placed on a call (SSA knows a call by its left parenthesis)
// covers the whole call expression.
func (st *pkgState) report(d analysis.Diagnostic) {
	if call, ok := st.calls[d.Pos]; ok && !d.End.IsValid() {
		d.Pos, d.End = call.Pos(), call.End()
	}
	key := d.Category + "@" + st.pass.Fset.Position(d.Pos).String()
	if st.seen[key] {
		return
	}
	st.seen[key] = true
	st.diags = append(st.diags, d)
}

// fn returns the state of one function, created on first use.
func (st *pkgState) fn(fn *ssa.Function) *fnState {
	if f, ok := st.fns[fn]; ok {
		return f
	}
	f := newFnState(st, fn)
	st.fns[fn] = f
	return f
}

// relevantImports are the packages through which a package can set a
// cookie, build a URL or send a request.
var relevantImports = map[string]bool{
	"net/http": true, "net/url": true,
	pkgEcho: true, pkgGin: true, pkgFiberV2: true, pkgFiberV3: true,
	"github.com/go-resty/resty/v2": true, "resty.dev/v3": true, "gopkg.in/resty.v1": true,
	pkgFasthttp: true,
}

// relevant reports whether the package imports a package through which
// it can set a cookie or send a request, or sees facts of a helper that
// does.
func relevant(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if relevantImports[webfw.Canonical(imp.Path())] {
			return true
		}
	}
	return len(pass.AllObjectFacts()) > 0
}

// parseHosts splits a comma-separated host list, lower-cased.
func parseHosts(s string) []string {
	var out []string
	for _, h := range strings.Split(s, ",") {
		if h = strings.ToLower(strings.TrimSpace(h)); h != "" {
			out = append(out, h)
		}
	}
	return out
}

// allowedURL reports whether the URL value v goes to an allowed host.
// A URL whose leading text is constant is judged by its host. One that
// starts with a struct field or package variable goes where that field
// is pointed: to an allowed host when the package gives the field an
// allowed host's literal, and elsewhere when it never does (a base URL
// set from the configuration, in a package that also calls an
// allow-listed provider). Anything else (a parameter, a call) is judged
// by the package: a client of an allowed provider sends there.
func (f *fnState) allowedURL(v ssa.Value) bool {
	if h := f.hostOf(v, 0); h != "" {
		// A request to the machine itself crosses no network and
		// passes no proxy that would log its query.
		return loopback.Host(h) || hostAllowed(h, f.st.allow)
	}
	if !f.st.clientOfAllowed {
		return false
	}
	if o := leadingField(hostRoot(v, 0)); o != nil {
		return f.st.allowedFields[o]
	}
	return true
}

// hostRoot returns the value a URL's text starts with, following the
// same steps as hostOf.
func hostRoot(v ssa.Value, depth int) ssa.Value {
	if v == nil || depth > 6 {
		return nil
	}
	switch x := v.(type) {
	case *ssa.BinOp:
		return hostRoot(x.X, depth+1)
	case *ssa.Call:
		c := x.Common()
		switch funcKey(credsrc.Callee(c)) {
		case "fmt.Sprintf":
			if s, ok := constString(c.Args[0]); ok && strings.HasPrefix(s, "%s") && len(c.Args) > 1 {
				return hostRoot(sprintfArg(c.Args[1]), depth+1)
			}
			return nil
		case "net/url.URL.String", "net/url.URL.RequestURI":
			return hostRoot(c.Args[0], depth+1)
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			c := call.Common()
			if i, ok := urlArgs[funcKey(credsrc.Callee(c))]; ok && i < len(c.Args) {
				return hostRoot(c.Args[i], depth+1)
			}
		}
		return nil
	}
	return v
}

// sprintfArg returns the first element stored into the variadic slice
// of a fmt.Sprintf call.
func sprintfArg(v ssa.Value) ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	for _, r := range *alloc.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		if k, ok := ia.Index.(*ssa.Const); !ok || k.Int64() != 0 {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
				if mi, ok := st.Val.(*ssa.MakeInterface); ok {
					return mi.X
				}
				return st.Val
			}
		}
	}
	return nil
}

// leadingField returns the struct field or package variable v is loaded
// from, or nil.
func leadingField(v ssa.Value) types.Object {
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil
		}
		switch a := x.X.(type) {
		case *ssa.FieldAddr:
			if st, ok := a.X.Type().Underlying().(*types.Pointer); ok {
				if s, ok := st.Elem().Underlying().(*types.Struct); ok {
					return s.Field(a.Field)
				}
			}
		case *ssa.Global:
			return a.Object()
		}
	case *ssa.Field:
		if s, ok := x.X.Type().Underlying().(*types.Struct); ok {
			return s.Field(x.Field)
		}
	}
	return nil
}

// fieldsGivenAllowedHost returns the struct fields and package variables
// the package assigns a URL literal on an allowed host: a keyed field of
// a composite literal, an assignment to a field or variable, or a
// variable's initializer.
func fieldsGivenAllowedHost(pass *analysis.Pass, allow []string) map[types.Object]bool {
	out := map[types.Object]bool{}
	if len(allow) == 0 {
		return out
	}
	isAllowedLit := func(e ast.Expr) bool {
		lit, ok := ast.Unparen(e).(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return false
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			return false
		}
		h := hostOfText(s)
		return h != "" && hostAllowed(h, allow)
	}
	target := func(e ast.Expr) types.Object {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return pass.TypesInfo.ObjectOf(e)
		case *ast.SelectorExpr:
			return pass.TypesInfo.ObjectOf(e.Sel)
		}
		return nil
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if isAllowedLit(n.Value) {
					if o := target(n.Key); o != nil {
						out[o] = true
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, r := range n.Rhs {
						if isAllowedLit(r) {
							if o := target(n.Lhs[i]); o != nil {
								out[o] = true
							}
						}
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i, v := range n.Values {
						if isAllowedLit(v) {
							if o := pass.TypesInfo.ObjectOf(n.Names[i]); o != nil {
								out[o] = true
							}
						}
					}
				}
			}
			return true
		})
	}
	return out
}

// namesAllowedHost reports whether a string literal of the package is a
// URL on an allowed host.
func namesAllowedHost(pass *analysis.Pass, allow []string) bool {
	if len(allow) == 0 {
		return false
	}
	found := false
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || found || lit.Kind != token.STRING || !strings.Contains(lit.Value, "://") {
				return !found
			}
			if s, err := strconv.Unquote(lit.Value); err == nil {
				if h := hostOfText(s); h != "" && hostAllowed(h, allow) {
					found = true
				}
			}
			return false
		})
	}
	return found
}

// hostAllowed reports whether host is in the allow list: equal to an
// entry, or under an entry that starts with a dot.
func hostAllowed(host string, allow []string) bool {
	host = strings.ToLower(host)
	for _, a := range allow {
		if host == a || strings.HasPrefix(a, ".") && strings.HasSuffix(host, a) {
			return true
		}
	}
	return false
}
