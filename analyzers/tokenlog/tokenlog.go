package tokenlog

import (
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/ssabuild"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer follows credentials to log and console sinks.
var Analyzer = &analysis.Analyzer{
	Name:      "tokenlog",
	Doc:       doc,
	URL:       "https://github.com/authvet/authvet/tree/main/analyzers/tokenlog",
	Requires:  []*analysis.Analyzer{ssabuild.Analyzer}, // SSA built once per package, on demand
	Run:       run,
	FactTypes: []analysis.Fact{new(summary), new(stringLeak)},
}

// loggers holds the -loggers flag. It is set before analysis starts and
// only read by run.
var loggers loggerSet

func init() {
	Analyzer.Flags.Var(&loggers, "loggers",
		"comma-separated in-house log functions and methods, as importpath.Func or importpath.Type.Method (e.g. example.com/internal/obs.Debugf,example.com/internal/obs.Logger.Log); their arguments are treated as logged")
}

// pkgState is the analysis of one package.
type pkgState struct {
	pass *analysis.Pass
	// plain holds the variables, fields and parameters the package
	// shows hold no credential (credsrc.Holders).
	plain    map[types.Object]string
	ssaPkg   *ssa.Package
	loggers  loggerSet
	sums     map[*ssa.Function]*summary
	quiet    map[*ssa.Function]*summary
	busy     map[*ssa.Function]bool
	locals   map[token.Pos]map[int]credsrc.Source
	calls    map[token.Pos]*ast.CallExpr
	hides    map[types.Type]bool
	carriers map[types.Type]*credsrc.Carrier
	diags    []analysis.Diagnostic
	seen     map[string]bool
	// constVars are the package variables that only ever hold a
	// compile-time constant (see constantVars).
	constVars map[types.Object]bool
	types     *typeCache // see stringers.go
}

func run(pass *analysis.Pass) (any, error) {
	if ssabuild.InGOROOT(pass) {
		// The standard library is described by built-in knowledge
		// (credsrc, classify), so that every driver, with or without
		// facts for it, sees the same flows; its own leaks are not ours
		// to report.
		return nil, nil
	}
	if len(pass.Files) == 0 || ssabuild.InModCache(pass) || !relevant(pass) {
		return nil, nil
	}
	ssaRes := ssabuild.Get(pass)
	st := &pkgState{
		pass:     pass,
		ssaPkg:   ssaRes.Pkg,
		loggers:  loggers,
		sums:     map[*ssa.Function]*summary{},
		quiet:    map[*ssa.Function]*summary{},
		busy:     map[*ssa.Function]bool{},
		hides:    map[types.Type]bool{},
		carriers: map[types.Type]*credsrc.Carrier{},
		seen:     map[string]bool{},
	}
	skip := skippedFiles(pass)
	st.plain = credsrc.Holders(pass.TypesInfo, pass.Files)
	st.locals, st.calls = namedLocals(pass, skip, st.plain)
	st.constVars = constantVars(pass)
	for _, fn := range ssaRes.SrcFuncs {
		if fn.Parent() != nil {
			// Function literals are analyzed with their enclosing
			// function, which knows what they capture.
			continue
		}
		if skip[pass.Fset.File(fn.Pos())] {
			continue
		}
		st.summarize(fn)
	}
	// Facts are exported in source order so that runs are reproducible.
	st.debugLogs(ssaRes.SrcFuncs, skip)
	st.exportGetterFacts(ssaRes.SrcFuncs)
	st.exportStringLeaks(ssaRes.SrcFuncs)
	for _, fn := range ssaRes.SrcFuncs {
		s := st.sums[fn]
		obj, ok := fn.Object().(*types.Func)
		if !ok || s.empty() || !obj.Exported() {
			// Only exported functions and methods can be called from
			// another package; the rest are followed within this one.
			continue
		}
		pass.ExportObjectFact(obj, s)
	}

	sort.SliceStable(st.diags, func(i, j int) bool { return st.diags[i].Pos < st.diags[j].Pos })
	for _, d := range st.diags {
		pass.Report(d)
	}
	return nil, nil
}

// relevantImports are the packages whose import makes a package worth
// analyzing: sinks, sources and the libraries credsrc knows.
var relevantImports = map[string]bool{
	"log": true, "log/slog": true, "fmt": true, "errors": true, "os": true,
	"net/http": true, "net/http/httputil": true, "net/url": true,
	"golang.org/x/oauth2": true, "golang.org/x/oauth2/clientcredentials": true,
	"go.uber.org/zap": true, "github.com/sirupsen/logrus": true,
	"github.com/rs/zerolog": true, "github.com/rs/zerolog/log": true,
	"k8s.io/klog/v2": true, "k8s.io/klog": true, "github.com/golang/glog": true,
	"github.com/go-logr/logr": true, "github.com/pkg/errors": true,
	// HTTP clients with a debug log (debuglog.go).
	"github.com/go-resty/resty": true, "github.com/go-resty/resty/v2": true, "gopkg.in/resty.v1": true,
}

// relevant reports whether a package can leak or pass on a credential:
// it imports a sink or source package, an in-house logger, or a
// package with tokenlog facts. A package importing none of them has no
// way to read a credential by type or to write one anywhere.
func relevant(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		path := imp.Path()
		if relevantImports[path] || jwtlib.IsLibrary(path) {
			return true
		}
		for l := range loggers {
			if strings.HasPrefix(l, path+".") {
				return true
			}
		}
	}
	return len(pass.AllObjectFacts()) > 0
}

// skippedFiles lists generated files: their leaks are the generator's
// to fix, and they are not read by people.
func skippedFiles(pass *analysis.Pass) map[*token.File]bool {
	skip := map[*token.File]bool{}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			skip[pass.Fset.File(f.Pos())] = true
		}
	}
	return skip
}

// namedLocals applies the name hint to local variables. SSA keeps no
// local names, so the syntax is read once: for `token := expr` with a
// credential name and a string-like type, the position of the
// expression's call, index or conversion is recorded and matched to the
// SSA value built there.
//
// The same walk indexes call expressions by their left parenthesis, the
// position SSA keeps, so that findings cover the whole call.
func namedLocals(pass *analysis.Pass, skip map[*token.File]bool, plain map[types.Object]string) (map[token.Pos]map[int]credsrc.Source, map[token.Pos]*ast.CallExpr) {
	out := map[token.Pos]map[int]credsrc.Source{}
	calls := map[token.Pos]*ast.CallExpr{}
	add := func(pos token.Pos, idx int, src credsrc.Source) {
		if !pos.IsValid() {
			return
		}
		if out[pos] == nil {
			out[pos] = map[int]credsrc.Source{}
		}
		out[pos][idx] = src
	}
	anchor := func(e ast.Expr) token.Pos {
		switch e := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			if isCharConversion(pass.TypesInfo, e) {
				return token.NoPos // string(ch): one character, as a lexer builds its tokens
			}
			return e.Lparen
		case *ast.IndexExpr:
			return e.Lbrack
		case *ast.TypeAssertExpr:
			return e.Lparen
		}
		return token.NoPos
	}
	visit := func(lhs []ast.Expr, rhs []ast.Expr) {
		for i, l := range lhs {
			id, ok := l.(*ast.Ident)
			if !ok || id.Name == "_" {
				continue
			}
			obj := pass.TypesInfo.ObjectOf(id)
			if obj == nil {
				continue
			}
			if _, ok := plain[obj]; ok {
				continue // its value is a duration, number, path, URN or URL
			}
			src, ok := credsrc.FromName("variable", id.Name, obj.Type())
			if !ok {
				continue
			}
			switch {
			case len(rhs) == len(lhs):
				add(anchor(rhs[i]), 0, src)
			case len(rhs) == 1:
				add(anchor(rhs[0]), i, src)
			}
		}
	}
	for _, f := range pass.Files {
		if skip[pass.Fset.File(f.Pos())] {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				calls[n.Lparen] = n
			case *ast.AssignStmt:
				// token += x: x is a piece of the value, not the value.
				if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
					visit(n.Lhs, n.Rhs)
				}
			case *ast.ValueSpec:
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				visit(lhs, n.Values)
			}
			return true
		})
	}
	return out, calls
}

// isCharConversion reports whether call converts a rune or byte (an
// integer) to a string: a single character.
func isCharConversion(info *types.Info, call *ast.CallExpr) bool {
	if len(call.Args) != 1 {
		return false
	}
	if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
		return false
	}
	b, ok := info.TypeOf(call.Args[0]).Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// constantVars returns the package variables whose initializer is a
// compile-time constant or a composite literal of constants, and that
// are never assigned, incremented or have their address taken anywhere
// else in the package: their value is in the source.
func constantVars(pass *analysis.Pass) map[types.Object]bool {
	out := map[types.Object]bool{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, id := range vs.Names {
					if id.IsExported() && isEmptyString(pass.TypesInfo, vs.Values[i]) {
						// An exported placeholder ("") is often set by
						// another package at start-up.
						continue
					}
					if obj := pass.TypesInfo.Defs[id]; obj != nil && constExpr(pass.TypesInfo, vs.Values[i]) {
						out[obj] = true
					}
				}
			}
		}
	}
	if len(out) == 0 {
		return out
	}
	// root returns the variable an assigned or addressed expression
	// writes to: v, v[i], v.f, *v.
	var root func(e ast.Expr) types.Object
	root = func(e ast.Expr) types.Object {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return pass.TypesInfo.Uses[e]
		case *ast.IndexExpr:
			return root(e.X)
		case *ast.SelectorExpr:
			if id, ok := e.X.(*ast.Ident); ok {
				if _, isPkg := pass.TypesInfo.Uses[id].(*types.PkgName); isPkg {
					return pass.TypesInfo.Uses[e.Sel]
				}
			}
			return root(e.X)
		case *ast.StarExpr:
			return root(e.X)
		}
		return nil
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			var written []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				written = n.Lhs
			case *ast.IncDecStmt:
				written = []ast.Expr{n.X}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN {
					written = []ast.Expr{n.Key, n.Value}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					written = []ast.Expr{n.X}
				}
			case *ast.CallExpr:
				// append(v, ...) may write into v's array; copy(v, ...)
				// does.
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "copy" && len(n.Args) > 0 {
					written = []ast.Expr{n.Args[0]}
				}
			}
			for _, e := range written {
				if e == nil {
					continue
				}
				if obj := root(e); obj != nil {
					delete(out, obj)
				}
			}
			return true
		})
	}
	return out
}

func isEmptyString(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == ""
}

// constExpr reports whether e is a constant or a composite literal made
// of constants.
func constExpr(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, el := range cl.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Value
		}
		if !constExpr(info, el) {
			return false
		}
	}
	return true
}

// summarize analyzes a named function (once) and the function literals
// inside it, reporting what they leak, and returns its summary.
func (st *pkgState) summarize(fn *ssa.Function) *summary {
	if s, ok := st.sums[fn]; ok {
		return s
	}
	if st.busy[fn] {
		// A recursive call: its summary is not known yet. Recursion
		// through a logger wrapper is rare, so it is cut here.
		return &summary{}
	}
	st.busy[fn] = true
	f := newFnState(st, fn, true, nil)
	f.run()
	s := f.summary()
	st.sums[fn] = s
	delete(st.busy, fn)
	f.closures()
	return s
}

// summarizeQuiet returns the summary of a function literal called
// directly, without reporting; its leaks are reported when it is
// analyzed with what it captures.
func (st *pkgState) summarizeQuiet(fn *ssa.Function) *summary {
	if s, ok := st.quiet[fn]; ok {
		return s
	}
	if st.busy[fn] {
		return &summary{}
	}
	st.busy[fn] = true
	f := newFnState(st, fn, false, nil)
	f.run()
	s := f.summary()
	st.quiet[fn] = s
	delete(st.busy, fn)
	return s
}

// calleeSummary returns what a static callee does: a function of this
// package is analyzed on demand, one of another analyzed package comes
// from its fact. Library functions have no summary; what they do is
// built in (classify).
func (st *pkgState) calleeSummary(callee *ssa.Function) *summary {
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	if callee.Pkg == st.ssaPkg && callee.Synthetic == "" {
		if callee.Parent() != nil {
			return st.summarizeQuiet(callee)
		}
		if st.pass.Fset.File(callee.Pos()) != nil && callee.Blocks != nil {
			return st.summarize(callee)
		}
		return nil
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == st.pass.Pkg {
		return nil
	}
	var s summary
	if st.pass.ImportObjectFact(obj, &s) {
		return &s
	}
	return nil
}

func (st *pkgState) hidesType(t types.Type) bool {
	h, ok := st.hides[t]
	if !ok {
		h = credsrc.Hides(t)
		st.hides[t] = h
	}
	return h
}

func (st *pkgState) carrier(t types.Type) *credsrc.Carrier {
	c, ok := st.carriers[t]
	if !ok {
		if cc, found := credsrc.CarrierOf(t); found {
			c = &cc
		}
		st.carriers[t] = c
	}
	return c
}

// funcName names a function for messages: unqualified within the
// analyzed package, package-qualified outside it.
func (st *pkgState) funcName(fn *ssa.Function) string {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if fn.Parent() != nil {
		return "a function literal in " + st.funcName(fn.Parent())
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return fn.Name()
	}
	return credsrc.QualifiedName(obj)
}

// short drops the analyzed package's own qualifier from a function name
// for messages: "debugf" rather than "app.debugf".
func (st *pkgState) short(name string) string {
	return strings.TrimPrefix(name, st.pass.Pkg.Name()+".")
}

func (st *pkgState) viaText(via []string) string {
	out := make([]string, len(via))
	for i, v := range via {
		out[i] = st.short(v)
	}
	return viaText(out)
}

// before orders traces so that merging is deterministic whatever order
// maps are visited in: typed sources first, then the earliest source
// position, then the description.
func (tr *trace) before(o *trace) bool {
	if tr == o {
		return false
	}
	if tr.src.Typed != o.src.Typed {
		return tr.src.Typed
	}
	if (tr.carrier == nil) != (o.carrier == nil) {
		return tr.carrier == nil
	}
	if p, q := firstPos(tr), firstPos(o); p != q {
		return p < q
	}
	if tr.src.Desc != o.src.Desc {
		return tr.src.Desc < o.src.Desc
	}
	return len(tr.steps) < len(o.steps)
}

// trace is one credential and the path it took.
type trace struct {
	src     credsrc.Source
	carrier *credsrc.Carrier // set for a struct printed whole
	// via names the functions the credential was returned through,
	// innermost first ("authHeader").
	via []string
	// steps are the related locations, source first.
	steps []analysis.RelatedInformation
	// param is 1 + the index of the enclosing function's parameter the
	// credential is named after, or 0.
	param int
}

func (tr *trace) withStep(pos token.Pos, msg string) *trace {
	c := *tr
	c.steps = append(append([]analysis.RelatedInformation(nil), tr.steps...), analysis.RelatedInformation{Pos: pos, Message: msg})
	return &c
}

// describe names the credential for messages.
func (tr *trace) describe() string {
	if tr.carrier != nil {
		return tr.carrier.Type + " with credential field " + tr.carrier.Field
	}
	d := tr.src.Desc
	if len(tr.via) > 0 {
		d += " returned by " + tr.via[len(tr.via)-1]
	}
	return d
}

func (f *fnState) describe(tr *trace) string {
	d := tr.describe()
	if tr.carrier == nil && len(tr.via) > 0 {
		d = tr.src.Desc + " returned by " + f.st.short(tr.via[len(tr.via)-1])
	}
	return d
}

// fnState is the analysis of one function body.
type fnState struct {
	st      *pkgState
	fn      *ssa.Function
	report  bool
	vals    map[ssa.Value]taint
	tuples  map[ssa.Value][]taint
	mem     map[ssa.Value]map[string]taint
	changed bool
	// sinks records, per call and parameter, the parameters that reach
	// a sink; diags the leaks to report, per call.
	sinks    map[sinkKey]paramSink
	diags    map[*ssa.CallCommon]analysis.Diagnostic
	diagList []*ssa.CallCommon
	named    map[int]bool // parameters that are credentials by name
	// list is the SSA index of the list parameter (see listParam), or
	// -1; views maps the values that are that parameter sliced
	// (args[1:]) to the offsets they may start at, one bit each.
	list  int
	views map[ssa.Value]uint64
	// tparts holds, per tuple-valued call and result, the taint of the
	// fields of a struct result (see summary.Results' Path).
	tparts map[ssa.Value][]map[string]taint
}

type sinkKey struct {
	call   *ssa.CallCommon
	param  int
	filter string
}

func newFnState(st *pkgState, fn *ssa.Function, report bool, free []freeVal) *fnState {
	f := &fnState{
		st:     st,
		fn:     fn,
		report: report,
		vals:   map[ssa.Value]taint{},
		tuples: map[ssa.Value][]taint{},
		mem:    map[ssa.Value]map[string]taint{},
		sinks:  map[sinkKey]paramSink{},
		diags:  map[*ssa.CallCommon]analysis.Diagnostic{},
		named:  map[int]bool{},
		list:   listParam(fn),
		views:  map[ssa.Value]uint64{},
		tparts: map[ssa.Value][]map[string]taint{},
	}
	for i, p := range fn.Params {
		var t taint
		switch {
		case i == f.list:
			t.elems = allElems
			f.views = computeViews(p)
		case i < 64:
			t.params = 1 << uint(i)
		}
		if src, ok := credsrc.FromValue(p); ok && !(i == 0 && fn.Signature.Recv() != nil) {
			t.tr = &trace{src: src, param: i + 1, steps: []analysis.RelatedInformation{{Pos: p.Pos(), Message: src.Desc}}}
			f.named[i] = true
		}
		f.vals[p] = t
	}
	for i, fv := range fn.FreeVars {
		if i < len(free) {
			f.vals[fv] = free[i].val
			if len(free[i].mem) > 0 {
				f.mem[fv] = free[i].mem
			}
		}
	}
	return f
}

// freeVal is what a closure captures: the taint of the binding and of
// the memory it points to.
type freeVal struct {
	val taint
	mem map[string]taint
}

// hasWork reports whether a function can matter at all: it must call
// something or return something. Most functions call something, so the
// real savings come from the cheap instruction visits below.
func hasWork(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr.(type) {
			case ssa.CallInstruction, *ssa.Return, *ssa.MakeClosure:
				return true
			}
		}
	}
	return false
}

// maxPasses bounds the fixed-point iteration over a function's blocks;
// taint only grows, and real code converges in two or three passes.
const maxPasses = 5

func (f *fnState) run() {
	if !hasWork(f.fn) {
		return
	}
	for pass := 0; pass < maxPasses; pass++ {
		f.changed = false
		for _, b := range f.fn.Blocks {
			for _, instr := range b.Instrs {
				f.visit(instr)
			}
		}
		if !f.changed {
			break
		}
	}
	if f.report {
		for _, c := range f.diagList {
			d := f.diags[c]
			key := strconv.Itoa(int(d.Pos)) + d.Category + d.Message
			if !f.st.seen[key] {
				f.st.seen[key] = true
				f.st.diags = append(f.st.diags, d)
			}
		}
	}
}

// closures analyzes the function literals of f's function with what
// they capture, reporting their leaks.
func (f *fnState) closures() {
	done := map[*ssa.Function]bool{}
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok {
				continue
			}
			anon, ok := mc.Fn.(*ssa.Function)
			if !ok || done[anon] || anon.Parent() != f.fn {
				continue
			}
			done[anon] = true
			free := make([]freeVal, len(mc.Bindings))
			for i, b := range mc.Bindings {
				free[i] = freeVal{val: f.val(b), mem: f.mem[b]}
			}
			g := newFnState(f.st, anon, true, free)
			g.run()
			g.closures()
		}
	}
	for _, anon := range f.fn.AnonFuncs {
		if !done[anon] {
			g := newFnState(f.st, anon, true, nil)
			g.run()
			g.closures()
		}
	}
}

// summary collects what callers need to know.
func (f *fnState) summary() *summary {
	s := &summary{}
	keys := make([]sinkKey, 0, len(f.sinks))
	for k := range f.sinks {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].param != keys[j].param {
			return keys[i].param < keys[j].param
		}
		if keys[i].filter != keys[j].filter {
			return keys[i].filter < keys[j].filter
		}
		return f.sinks[keys[i]].pos < f.sinks[keys[j]].pos
	})
	// One entry per parameter and filter: the first sink in source
	// order names the flow, the elements of all of them are merged.
	type pf struct {
		param  int
		filter string
	}
	done := map[pf]int{}
	for _, k := range keys {
		ps := f.sinks[k]
		if i, ok := done[pf{k.param, k.filter}]; ok {
			s.Sinks[i].Elems |= ps.Elems
			continue
		}
		done[pf{k.param, k.filter}] = len(s.Sinks)
		ps.Self = f.named[k.param]
		s.Sinks = append(s.Sinks, ps)
	}
	// Results are taken whole, except structs and pointers to structs,
	// whose fields are kept apart: a caller that logs the name of a
	// returned config has not logged the key beside it.
	n := f.fn.Signature.Results().Len()
	whole := make([]taint, n)
	parts := make([]map[string]taint, n)
	for _, b := range f.fn.Blocks {
		r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for i, v := range r.Results {
			if i >= n {
				break
			}
			if !structLike(v.Type()) {
				whole[i] = whole[i].union(f.deep(v))
				continue
			}
			whole[i] = whole[i].union(f.vals[v])
			for p, mt := range f.mem[v] {
				if p == "" {
					whole[i] = whole[i].union(mt)
					continue
				}
				if parts[i] == nil {
					parts[i] = map[string]taint{}
				}
				parts[i][p] = parts[i][p].union(mt)
			}
		}
	}
	add := func(i int, path string, t taint) {
		if t.tr != nil && t.tr.param == 0 {
			s.Results = append(s.Results, resultSource{Result: i, Source: t.tr.src, Via: t.tr.via, Rule: ruleOf(t.tr), Path: path, pos: firstPos(t.tr)})
		}
		t.eachOrigin(func(g guard) {
			for p := 0; p < 64 && p < len(f.fn.Params); p++ {
				if g.params&(1<<uint(p)) != 0 {
					s.Flows = append(s.Flows, paramFlow{Param: p, Result: i, Filter: g.filter, Path: path})
				}
			}
			if g.elems != 0 && f.list >= 0 {
				s.Flows = append(s.Flows, paramFlow{Param: f.list, Result: i, Elems: g.elems, Filter: g.filter, Path: path})
			}
		})
	}
	for i := 0; i < n; i++ {
		add(i, "", whole[i])
		paths := make([]string, 0, len(parts[i]))
		for p := range parts[i] {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			add(i, p, parts[i][p])
		}
	}
	formatterSinks(f.fn.Signature, s)
	return s
}

// formatterSinks applies the rule for formatters to a summary: a
// function that returns a string and nothing else, and writes nothing
// itself (no logger, no console: its only sinks are errors it builds),
// is not a sink. Translation and message-catalogue calls (x/text's
// Printer.Sprintf, go-i18n's MustLocalize, gettext-style T) build an
// error from their arguments when a message is missing and keep it or
// panic with it; the formatted string is what the caller uses, and it
// is judged where it goes. A formatter that also returns an error hands
// that error to its caller, and errors are judged where they are made
// (tokenlog/error), so its sinks stay.
//
// The rule asks what the function does, not what it is called: one
// that logs a missing message with its arguments is a sink.
func formatterSinks(sig *types.Signature, s *summary) {
	if len(s.Sinks) == 0 {
		return
	}
	res := sig.Results()
	if res.Len() != 1 || !credsrc.StringLike(res.At(0).Type()) {
		return
	}
	for _, ps := range s.Sinks {
		if ps.Rule != ruleError {
			return
		}
	}
	s.Sinks = nil
}

// structLike reports whether t is a struct, a pointer to one or a map:
// the results whose fields (entries under constant keys) a summary
// keeps apart.
func structLike(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t.Underlying().(type) {
	case *types.Struct, *types.Map:
		return true
	}
	return false
}

func ruleOf(tr *trace) string {
	if tr.carrier != nil {
		return ruleStruct
	}
	return ""
}

func firstPos(tr *trace) token.Pos {
	if len(tr.steps) > 0 {
		return tr.steps[0].Pos
	}
	return token.NoPos
}

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
// (base64.DecodeString) describes the failure, and an error built from
// a credential is reported where it is built (tokenlog/error).
func meaningless(t types.Type) bool {
	if types.Identical(t, errorType) {
		return true
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString == 0 && b.Kind() != types.UnsafePointer && b.Kind() != types.Invalid
}

var errorType = types.Universe.Lookup("error").Type()

func (f *fnState) setVal(v ssa.Value, t taint) {
	if t.zero() || meaningless(v.Type()) {
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
		if t.zero() || (tup != nil && i < tup.Len() && meaningless(tup.At(i).Type())) {
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
	for p, mt := range f.mem[root] {
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
	}
	f.store(address, f.deep(val))
}

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
	if u, ok := v.(*ssa.UnOp); ok {
		if g, ok := u.X.(*ssa.Global); ok && f.st.constVars[g.Object()] {
			// A package variable named like a credential whose value
			// is a literal (sample values, placeholders) is found by
			// hardcodedcred where it is written; logging it leaks
			// nothing that is not in the source already.
			return taint{}
		}
	}
	if obj := credsrc.ValueObject(v); obj != nil {
		if _, plain := f.st.plain[obj]; plain {
			// The package shows the value is a duration, number,
			// path, URN or URL: no credential whatever its name.
			return taint{}
		}
	}
	src, ok := credsrc.FromValue(v)
	if !ok {
		src, ok = f.localName(v)
	}
	if !ok {
		src, ok = f.typeSource(v)
	}
	if !ok {
		return taint{}
	}
	return taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: v.Pos(), Message: src.Desc}}}}
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
		f.storeValue(i.Addr, i.Val)
		return
	case *ssa.MapUpdate:
		if k, ok := credsrc.ConstString(i.Key); ok {
			// An entry under a constant key is kept apart, like a
			// field: m["port"] of a config map is not m["secret"].
			f.setMem(i.Map, keyPath(k), f.deep(i.Value))
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
			f.setVal(v, f.load(v, v.X, v.Type()).union(f.source(v)))
		}
	case *ssa.IndexAddr:
		// An element of the list parameter: the caller's argument at
		// that position (args[0]) or from the lowest offset on (a
		// range over args[1:]).
		if offs, ok := f.views[v.X]; ok {
			var m uint64
			if k, ok := constIndex(v.Index); ok {
				m = shift(1<<uint(k), offs)
			} else {
				m = fromElem(lowest(offs))
			}
			f.setVal(v, taint{elems: m})
		}
	case *ssa.BinOp:
		f.compared(v)
		if v.Op == token.ADD && !meaningless(v.Type()) {
			f.setVal(v, f.val(v.X).union(f.val(v.Y)))
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
		if !shortSlice(v) {
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
			for _, e := range v.Edges {
				t = t.union(f.deep(e))
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
		}
	}
}

// keyPath is the memory path of a map entry under a constant key.
func keyPath(k string) string { return "[" + strconv.Quote(k) + "]" }

// lookup is the taint of m[k] for a map or string value: with a
// constant key, the map's own taint, the entry stored under that key
// and the entries stored under keys not known; otherwise all of it.
func (f *fnState) lookup(v *ssa.Lookup) taint {
	k, ok := credsrc.ConstString(v.Index)
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

// isHeaderLike reports whether a map type is http.Header or url.Values,
// whose entries are credentials only by key (credsrc decides): reading
// Content-Type from a request's headers reads no credential.
func isHeaderLike(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "net/http.Header", "net/url.Values":
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
	if f.st.hidesType(xt) {
		return taint{}
	}
	t := f.deep(v.X)
	if t.tr == nil {
		if c := f.st.carrier(xt); c != nil {
			t.tr = &trace{src: c.Source, carrier: c, steps: []analysis.RelatedInformation{{Pos: v.Pos(), Message: c.Type + " has credential field " + c.Field}}}
			if !v.Pos().IsValid() {
				t.tr.steps[0].Pos = v.X.Pos()
			}
		}
	}
	return t
}

// maxNamedChain is the longest call chain (functions returned through
// plus wrappers called) reported for a credential known only by its name.
const maxNamedChain = 1

// shortSlicePrefix is the longest slice of a credential still shown: a
// four-to-eight-character prefix or suffix identifies a token without
// disclosing it (the messages of authvet itself show four).
const shortSlicePrefix = 8

// shortSlice reports whether a slice keeps at most a short prefix
// (tok[:4]) or suffix (tok[len(tok)-4:]) of a string.
func shortSlice(s *ssa.Slice) bool {
	if b, ok := s.X.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return false
	}
	if c, ok := s.High.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Int {
		if n, ok := constant.Int64Val(c.Value); ok && n <= shortSlicePrefix {
			return true
		}
	}
	if s.High == nil {
		if b, ok := s.Low.(*ssa.BinOp); ok && b.Op == token.SUB {
			if c, ok := b.Y.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Int {
				if n, ok := constant.Int64Val(c.Value); ok && n <= shortSlicePrefix {
					return true
				}
			}
		}
	}
	return false
}

// call applies a call: a sink reports or records the parameters that
// reach it, a known library call propagates or sanitizes, a function
// with a summary applies it. v is the call's value, nil for go and defer.
func (f *fnState) call(c *ssa.CallCommon, v *ssa.Call) {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		f.builtin(b, c, v)
		return
	}
	var results []taint
	n := 1
	if v != nil {
		if tup, ok := v.Type().(*types.Tuple); ok {
			n = tup.Len()
		}
	}
	results = make([]taint, n)
	obj := credsrc.Callee(c)
	callee := c.StaticCallee()
	// Sources: the call's results themselves.
	if v != nil && obj != nil {
		consts := credsrc.SSAConsts(c)
		for i := range results {
			if src, ok := credsrc.FromCallee(obj, consts, i); ok {
				results[i] = taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: c.Pos(), Message: src.Desc}}}}
			}
		}
		f.getterCall(c, obj, results)
		f.stringerCall(c, obj, results)
		f.urlCall(c, obj, results)
		f.presentedCall(c, obj)
	}
	name := ""
	if obj != nil {
		name = obj.Name()
	} else if callee != nil {
		name = callee.Name()
	}
	if isSanitizerName(name) || (callee != nil && returnsRedactionMarker(callee)) {
		f.setResults(v, nil)
		return
	}
	args, recv := c.Args, ssa.Value(nil)
	if c.IsInvoke() {
		recv = c.Value
	} else if c.Signature().Recv() != nil && len(args) > 0 {
		recv, args = args[0], args[1:]
	}
	handled := false
	if obj != nil && (obj.Pkg() == nil || obj.Pkg() != f.st.pass.Pkg) {
		var arg0 ssa.Value
		if len(args) > 0 {
			arg0 = args[0]
		}
		if sk, eff, ok := f.st.classify(obj, arg0); ok {
			handled = true
			if sk.rule != "" {
				f.sink(c, sk, recv, args)
			}
			switch eff {
			case effPropagate:
				var t taint
				for i, a := range args {
					if flowArgs(obj, i) {
						if obj.Pkg() != nil && obj.Pkg().Path() == "fmt" {
							t = t.union(f.argOf(c, args, 0, i))
						} else {
							t = t.union(f.deep(a))
						}
					}
				}
				if recv != nil {
					t = t.union(f.val(recv))
				}
				if t.tr != nil {
					if refined := credsrc.Bearer(t.tr.src, obj, credsrc.SSAConsts(c)); refined != t.tr.src {
						tr := *t.tr
						tr.src = refined
						t.tr = &tr
					}
				}
				for i := range results {
					results[i] = results[i].union(t)
				}
			case effWriteRecv:
				if recv != nil {
					var t taint
					for _, a := range args {
						t = t.union(f.deep(a))
					}
					f.store(recv, t)
				}
			case effReadRecv:
				if recv != nil {
					results[0] = results[0].union(f.deep(recv))
				}
			case effWriteArg0:
				if len(args) > 0 {
					var t taint
					for _, a := range args[1:] {
						t = t.union(f.deep(a))
					}
					dst := args[0]
					if mi, ok := dst.(*ssa.MakeInterface); ok {
						dst = mi.X
					}
					f.store(dst, t)
				}
			case effSanitize:
				f.setResults(v, nil)
				return
			}
		}
	}
	var parts []map[string]taint
	if !handled && callee != nil {
		if s := f.st.calleeSummary(callee); s != nil {
			parts = f.apply(c, callee, s, results, recv != nil && isHeaderLike(recv.Type()))
		}
	}
	// The name of the variable the result is assigned to is the last
	// resort: typed sources and summaries say more.
	if m, ok := f.st.locals[c.Pos()]; ok && v != nil {
		for i := range results {
			if src, ok := m[i]; ok && results[i].tr == nil {
				results[i] = results[i].union(taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: c.Pos(), Message: src.Desc}}}})
			}
		}
	}
	f.setResults(v, results)
	f.setParts(v, parts)
}

func (f *fnState) setResults(v *ssa.Call, results []taint) {
	if v == nil {
		return
	}
	if _, ok := v.Type().(*types.Tuple); ok {
		f.setTuple(v, results)
		return
	}
	if len(results) > 0 {
		f.setVal(v, results[0])
	}
}

// setParts records the taint of the fields of struct results: as the
// memory of the call's value, or per result of a tuple, for Extract.
func (f *fnState) setParts(v *ssa.Call, parts []map[string]taint) {
	if v == nil || parts == nil {
		return
	}
	if _, ok := v.Type().(*types.Tuple); !ok {
		for p, t := range parts[0] {
			f.setMem(v, p, t)
		}
		return
	}
	old := f.tparts[v]
	if old == nil {
		old = make([]map[string]taint, len(parts))
		f.tparts[v] = old
	}
	for i, m := range parts {
		for p, t := range m {
			if old[i] == nil {
				old[i] = map[string]taint{}
			}
			n := old[i][p].union(t)
			if !n.same(old[i][p]) {
				old[i][p] = n
				f.changed = true
			}
		}
	}
}

func (f *fnState) builtin(b *ssa.Builtin, c *ssa.CallCommon, v *ssa.Call) {
	switch b.Name() {
	case "append":
		var t taint
		for _, a := range c.Args {
			t = t.union(f.deep(a))
		}
		f.setResults(v, []taint{t})
	case "copy":
		if len(c.Args) == 2 {
			f.store(c.Args[0], f.deep(c.Args[1]))
		}
	case "print", "println":
		f.sink(c, sink{rule: rulePrint, name: b.Name()}, nil, c.Args)
	}
}

// sink checks the arguments of a sink call.
func (f *fnState) sink(c *ssa.CallCommon, sk sink, recv ssa.Value, args []ssa.Value) {
	check := func(t taint) {
		if t.tr != nil {
			f.leak(c, t.tr, sk.rule, sk.name, nil, nil)
		}
		f.paramSinks(c, t, paramSink{Rule: sk.rule, Sink: sk.name, pos: c.Pos()})
	}
	if sk.recv && recv != nil {
		check(f.val(recv))
	}
	for i := sk.first; i < len(args); i++ {
		check(f.argOf(c, args, sk.first, i))
	}
}

// argOf is the taint of argument i of a call with a printf-style format
// at argument format: the operands of %T and %p are not printed, only
// their type or address.
func (f *fnState) argOf(c *ssa.CallCommon, args []ssa.Value, format, i int) taint {
	if i == len(args)-1 && i == format+1 && c.Signature().Variadic() {
		if name := calleeName(c); strings.HasSuffix(name, "f") {
			if s, ok := credsrc.ConstString(args[format]); ok {
				if m := printed(s); m != allElems {
					return f.argTaint(args[i], true, m, "")
				}
			}
		}
	}
	return f.deep(args[i])
}

func calleeName(c *ssa.CallCommon) string {
	if c.IsInvoke() {
		return c.Method.Name()
	}
	if fn := c.StaticCallee(); fn != nil {
		return fn.Name()
	}
	return ""
}

// printed returns the operands a printf format prints: all but those
// of %T and %p. A format with explicit argument indexes ([n]) is taken
// to print everything.
func printed(format string) uint64 {
	m := allElems
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		// Flags, width and precision; a * takes an operand of its own.
		for ; i < len(format); i++ {
			ch := format[i]
			if ch == '[' {
				return allElems
			}
			if ch == '*' {
				arg++
				continue
			}
			if !strings.ContainsRune("+-# 0.123456789", rune(ch)) {
				break
			}
		}
		if i >= len(format) || format[i] == '%' {
			continue
		}
		if (format[i] == 'T' || format[i] == 'p') && arg < 63 {
			m &^= 1 << uint(arg)
		}
		arg++
	}
	return m
}

// paramSinks records that the parameters and list elements t derives
// from reach a sink.
func (f *fnState) paramSinks(c *ssa.CallCommon, t taint, ps paramSink) {
	t.eachOrigin(func(g guard) {
		ps.Filter = g.filter
		for bits, p := g.params, 0; bits != 0 && p < 64; p++ {
			if bits&(1<<uint(p)) == 0 {
				continue
			}
			bits &^= 1 << uint(p)
			k := sinkKey{call: c, param: p, filter: g.filter}
			if _, ok := f.sinks[k]; !ok {
				ps.Param = p
				ps.Elems = 0
				f.sinks[k] = ps
			}
		}
		if g.elems != 0 && f.list >= 0 {
			k := sinkKey{call: c, param: f.list, filter: g.filter}
			old, ok := f.sinks[k]
			if !ok {
				old = ps
				old.Param = f.list
			}
			if !ok || old.Elems|g.elems != old.Elems {
				old.Elems |= g.elems
				f.sinks[k] = old
			}
		}
	})
}

// apply applies a callee's summary at a call.
//
// headerRecv is set for methods on http.Header and url.Values, whose
// receiver's taint (the whole request header) does not reach results: a
// credential entry is recognised by its key (credsrc), and reading
// Content-Type reads no credential.
func (f *fnState) apply(c *ssa.CallCommon, callee *ssa.Function, s *summary, results []taint, headerRecv bool) []map[string]taint {
	name := f.st.funcName(callee)
	local := callee.Pkg == f.st.ssaPkg
	list := listIndex(callee.Signature, len(c.Args))
	var parts []map[string]taint
	put := func(i int, path string, t taint) {
		if path == "" {
			results[i] = results[i].union(t)
			return
		}
		if parts == nil {
			parts = make([]map[string]taint, len(results))
		}
		if parts[i] == nil {
			parts[i] = map[string]taint{}
		}
		parts[i][path] = parts[i][path].union(t)
	}
	for _, r := range s.Results {
		if r.Result >= len(results) || r.Path == "" && results[r.Result].tr != nil {
			continue
		}
		tr := &trace{src: r.Source, via: append(append([]string(nil), r.Via...), name)}
		if local && r.pos.IsValid() {
			tr.steps = append(tr.steps, analysis.RelatedInformation{Pos: r.pos, Message: r.Source.Desc + " read in " + f.st.short(name)})
		}
		tr.steps = append(tr.steps, analysis.RelatedInformation{Pos: c.Pos(), Message: r.Source.Desc + " returned by " + f.st.short(name)})
		put(r.Result, r.Path, taint{tr: tr})
	}
	for _, fl := range s.Flows {
		if headerRecv && fl.Param == 0 {
			continue
		}
		if fl.Param < len(c.Args) && fl.Result < len(results) {
			t := f.argTaint(c.Args[fl.Param], fl.Param == list, fl.Elems, fl.Filter)
			if t.tr != nil {
				t.tr = t.tr.withStep(c.Pos(), "passed through "+f.st.short(name))
			}
			put(fl.Result, fl.Path, t)
		}
	}
	for _, ps := range s.Sinks {
		if ps.Self || ps.Param >= len(c.Args) {
			continue
		}
		t := f.argTaint(c.Args[ps.Param], ps.Param == list, ps.Elems, ps.Filter)
		via := prepend(name, ps.Via)
		if t.tr != nil {
			var inner *analysis.RelatedInformation
			if local && ps.pos.IsValid() {
				inner = &analysis.RelatedInformation{Pos: ps.pos, Message: "written by " + ps.Sink + " in " + f.st.short(name)}
			}
			f.leak(c, t.tr, ps.Rule, ps.Sink, via, inner)
		}
		f.paramSinks(c, t, paramSink{Rule: ps.Rule, Sink: ps.Sink, Via: via, pos: c.Pos()})
	}
	return parts
}

// argTaint is the taint of argument a of a call, as far as a callee's
// summary entry (elements of the list parameter, a type filter) uses it.
//
// For the list parameter only the selected elements count: those of a
// variadic call's implicit array are read one by one, and a caller's
// own list parameter handed on (args...) maps to its own elements.
func (f *fnState) argTaint(a ssa.Value, isList bool, elems uint64, filter string) taint {
	if !isList || elems == 0 || elems == allElems && filter == "" {
		return filterArg(a, f.deep(a), filter)
	}
	if offs, ok := f.views[a]; ok {
		return taint{elems: shift(elems, offs)}.guarded(filter)
	}
	if _, ok := a.(*ssa.Const); ok {
		return taint{}
	}
	if sl, ok := a.(*ssa.Slice); ok && sl.Low == nil {
		if al, ok := sl.X.(*ssa.Alloc); ok && al.Referrers() != nil {
			var t taint
			for _, ref := range *al.Referrers() {
				ia, ok := ref.(*ssa.IndexAddr)
				if !ok || ia.Referrers() == nil {
					continue
				}
				if k, ok := constIndex(ia.Index); ok && !hasElem(elems, k) {
					continue
				}
				for _, r := range *ia.Referrers() {
					if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
						t = t.union(filterArg(st.Val, f.deep(st.Val), filter))
					}
				}
			}
			return t
		}
	}
	// Another slice: its elements' dynamic types are known only if
	// they are not interfaces.
	t := f.deep(a)
	if s, ok := a.Type().Underlying().(*types.Slice); ok && !types.IsInterface(s.Elem()) {
		if filter != "" && !passes(s.Elem(), filter) {
			return taint{}
		}
		return t
	}
	return t.guarded(filter)
}

// leak records a finding at a sink call, or at the outermost call of a
// wrapper that reaches one.
func (f *fnState) leak(c *ssa.CallCommon, tr *trace, rule, sinkName string, via []string, inner *analysis.RelatedInformation) {
	if !f.report {
		return
	}
	if old, ok := f.diags[c]; ok && (old.Category != ruleStruct || tr.carrier != nil) {
		// One finding per call; a credential flow outranks a struct
		// printed whole.
		return
	}
	if tr.carrier != nil && rule != ruleError {
		rule = ruleStruct
	}
	if !tr.src.Typed && tr.carrier == nil && len(tr.via)+len(via) > maxNamedChain {
		// A name is a weaker hint than a type: a value named secret
		// that travels through several functions before it is logged
		// is more often test data or a scanner's own finding than a
		// leak, so such chains are not reported.
		return
	}
	var msg string
	vt := f.st.viaText(via)
	switch {
	case tr.carrier != nil && rule == ruleStruct:
		msg = f.describe(tr) + " is printed whole by " + sinkName + vt
	case rule == ruleError:
		msg = f.describe(tr) + " is put in an error message by " + sinkName + vt
	default:
		msg = f.describe(tr) + " reaches " + sinkName + vt
	}
	related := append([]analysis.RelatedInformation(nil), tr.steps...)
	if len(via) > 0 {
		related = append(related, analysis.RelatedInformation{Pos: c.Pos(), Message: "passed to " + f.st.short(via[0])})
	}
	if inner != nil {
		related = append(related, *inner)
	} else {
		related = append(related, analysis.RelatedInformation{Pos: c.Pos(), Message: "reaches " + sinkName + vt})
	}
	// Steps without a position (synthetic code) are dropped: SARIF
	// needs a location for every step.
	kept := related[:0]
	for _, r := range related {
		if r.Pos.IsValid() {
			kept = append(kept, r)
		}
	}
	pos := c.Pos()
	end := token.NoPos
	if !pos.IsValid() {
		return
	}
	if ce, ok := f.st.calls[pos]; ok {
		pos, end = ce.Pos(), ce.End()
	}
	if _, ok := f.diags[c]; !ok {
		f.diagList = append(f.diagList, c)
	}
	f.diags[c] = analysis.Diagnostic{Pos: pos, End: end, Category: rule, Message: msg, Related: kept}
}
