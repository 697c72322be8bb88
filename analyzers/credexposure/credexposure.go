package credexposure

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/ssabuild"
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
// a key is the query string: the Google Maps Platform web services.
const defaultAllowQueryHosts = "maps.googleapis.com,roads.googleapis.com,places.googleapis.com"

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
	// host known only at run time go there (see allowed).
	clientOfAllowed bool
	diags           []analysis.Diagnostic
	seen            map[string]bool
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
}

// relevant reports whether the package imports a package through which
// it can set a cookie or send a request, or sees facts of a helper that
// does.
func relevant(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if relevantImports[imp.Path()] {
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

// allowed reports whether a request to host may carry a key in its
// query: the host is in the allow list, or it is unknown and the
// package is a client of an allowed provider (the maps client takes its
// host from a per-API table).
func (st *pkgState) allowed(host string) bool {
	if host == "" {
		return st.clientOfAllowed
	}
	return hostAllowed(host, st.allow)
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
