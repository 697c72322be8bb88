package oauthredirect

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"github.com/authvet/authvet/analyzers/internal/ssabuild"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer reports open redirects after login or in an OAuth callback,
// and OAuth2 redirect URLs taken from the request.
var Analyzer = &analysis.Analyzer{
	Name:      "oauthredirect",
	Doc:       doc,
	URL:       "https://github.com/authvet/authvet/tree/main/analyzers/oauthredirect",
	Requires:  []*analysis.Analyzer{ssabuild.Analyzer}, // SSA built once per package, on demand
	Run:       run,
	FactTypes: []analysis.Fact{new(funcFact), new(cookiesFact)},
}

// everywhere holds the -everywhere flag. It is set before analysis
// starts and only read by run.
var everywhere bool

func init() {
	Analyzer.Flags.BoolVar(&everywhere, "everywhere", false,
		"report open redirects in every handler, not only in login flows and OAuth callbacks")
}

// Rule categories, the part of the rule id after "oauthredirect/".
const (
	catOpen    = "open"
	catDynamic = "dynamic-uri"
)

// state is the analysis of one package.
type state struct {
	pass *analysis.Pass
	pkg  *ssa.Package
	// sums holds the summary of each function of the package, computed
	// on demand; busy breaks recursion.
	sums map[*ssa.Function]*summary
	busy map[*ssa.Function]bool
	// credits memoizes the validation found on each value (see
	// validate.go).
	credits map[ssa.Value]credit
	// cookies records, per cookie name, whether the package sets that
	// cookie from unvalidated request data (see cookies.go).
	cookies map[string]cookieUse
	// closures maps each function literal to the MakeClosure that
	// creates it, to follow captured variables.
	closures map[*ssa.Function]*ssa.MakeClosure
	// validated caches validSources per function.
	validated map[*ssa.Function]map[string]credit
	// funcs are the package's source functions; callers is built from
	// them on demand.
	funcs   []*ssa.Function
	callers map[*ssa.Function][]*ssa.Function
	// signed caches requestSigned (signed.go).
	signed map[*ssa.Function]bool
	// everywhere is the -everywhere flag for this run.
	everywhere bool
	diags      []analysis.Diagnostic
	seen       map[token.Pos]bool
}

func run(pass *analysis.Pass) (any, error) {
	if len(pass.Files) == 0 || ssabuild.InGOROOT(pass) || ssabuild.InModCache(pass) {
		// The standard library is described by built-in knowledge
		// (sources.go, sinks.go, validate.go). Dependencies in the
		// module cache are not analyzed either, so that every driver
		// gives the same result (see ssabuild.InModCache).
		return nil, nil
	}
	if !relevant(pass.Pkg) {
		// Without net/http, net/url, strings or a web framework a
		// package can neither redirect nor validate a URL.
		return nil, nil
	}
	ssaRes := ssabuild.Get(pass)
	st := &state{
		pass:       pass,
		pkg:        ssaRes.Pkg,
		sums:       map[*ssa.Function]*summary{},
		busy:       map[*ssa.Function]bool{},
		credits:    map[ssa.Value]credit{},
		closures:   map[*ssa.Function]*ssa.MakeClosure{},
		validated:  map[*ssa.Function]map[string]credit{},
		funcs:      ssaRes.SrcFuncs,
		everywhere: everywhere,
		seen:       map[token.Pos]bool{},
		signed:     map[*ssa.Function]bool{},
	}
	skip := map[*token.File]bool{}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			// Generated code is regenerated, not fixed.
			skip[pass.Fset.File(f.Pos())] = true
		}
	}
	for _, fn := range ssaRes.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if mc, ok := in.(*ssa.MakeClosure); ok {
					if f, ok := mc.Fn.(*ssa.Function); ok {
						st.closures[f] = mc
					}
				}
			}
		}
	}
	st.cookies = st.cookieUses(ssaRes.SrcFuncs)
	for _, fn := range ssaRes.SrcFuncs {
		if skip[pass.Fset.File(fn.Pos())] {
			continue
		}
		st.checkOpen(fn)
		st.checkDynamic(fn)
	}
	st.exportFacts(ssaRes.SrcFuncs)
	st.exportCookies()

	sort.SliceStable(st.diags, func(i, j int) bool { return st.diags[i].Pos < st.diags[j].Pos })
	for _, d := range st.diags {
		pass.Report(d)
	}
	return nil, nil
}

// report records a diagnostic, once per position, with the flow from
// where the request value is read (src) to the sink (pos) as related
// information; the rules are CodeFlow rules, so SARIF shows it as a
// code flow.
func (st *state) report(pos token.Pos, cat, msg string, src origin, sink string) {
	if !pos.IsValid() || st.seen[pos] {
		return
	}
	st.seen[pos] = true
	d := analysis.Diagnostic{Pos: pos, Category: cat, Message: msg}
	if src.pos.IsValid() && src.pos != pos {
		d.Related = []analysis.RelatedInformation{
			{Pos: src.pos, Message: "the " + src.desc + " is read here"},
			{Pos: pos, Message: sink},
		}
	}
	st.diags = append(st.diags, d)
}

// relevantImports are the packages whose import makes a package worth
// building SSA for: it can redirect, read a request or check a URL.
var relevantImports = map[string]bool{
	"net/http": true, "net/url": true, "strings": true, "golang.org/x/oauth2": true,
}

func relevant(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if relevantImports[imp.Path()] || frameworkPath(imp.Path()) != "" {
			return true
		}
	}
	return false
}
