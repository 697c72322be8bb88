package tokenlog

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"github.com/authvet/authvet/analyzers/internal/ssabuild"
	"github.com/authvet/authvet/analyzers/internal/textual"
)

// Analyzer follows credentials to log and console sinks.
var Analyzer = &analysis.Analyzer{
	Name:      "tokenlog",
	Doc:       doc,
	URL:       "https://github.com/authvet/authvet/tree/main/analyzers/tokenlog",
	Requires:  []*analysis.Analyzer{ssabuild.Analyzer}, // SSA built once per package, on demand
	Run:       run,
	FactTypes: []analysis.Fact{new(pathParam), new(summary), new(stringLeak), new(queryParams), new(plainField), new(keyedParam), new(notLogger), new(errFields), new(queryHelper), new(randomFact)},
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
	// loginURLs holds the fields the package parses as URLs and reads
	// a password out of (loginurl.go), built on first use.
	loginURLs map[*types.Var]token.Pos
	// random holds the package's functions that draw random bytes
	// (freshprint.go).
	random map[*types.Func]bool
	// sent holds the fields the package hands over as credentials
	// (sentfields.go).
	sent map[*types.Var]credsrc.Source
	// inert answers whether a parameter of the package's own function
	// only records its value (inertparam.go), built on first use.
	inert *inertParams
	// plain holds the variables, fields and parameters the package
	// shows hold no credential (credsrc.Holders).
	plain map[types.Object]string
	// accessPairs is set when the package speaks of access key and
	// secret key pairs: its access keys are key ids (credsrc).
	accessPairs bool
	// mapFields holds the map fields the package reads a credential
	// from by key (credmap.go), built on first use; ssaFuncs are the
	// package's functions.
	mapFields map[*types.Var]mapEntry
	// lgrMask caches lgrMasks: 0 unknown, 1 no masker, 2 lgr's
	// calls masked, 3 the standard logger's too (lgrmask.go).
	lgrMask  int
	ssaFuncs []*ssa.Function
	// paths gives the path parameters of a function of this package or
	// of an imported one (pathparams.go).
	paths    func(*types.Func) []int
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
	// merged holds the own-sink findings, one per sink (ownsink.go).
	merged map[string]*merged
	// skip holds the generated files, where nothing is reported.
	skip map[*token.File]bool
	seen map[string]bool
	// constVars are the package variables that only ever hold a
	// compile-time constant (see constantVars).
	constVars map[types.Object]bool
	types     *typeCache // see stringers.go
	// query is the credential query parameter the package or a
	// dependency reads, nil if none (requrl.go).
	query *reqQuery
	// unseen are the functions whose request never carries the query
	// credential (queryroutes.go), made on first use.
	unseen map[*types.Func]bool
	// forms are the credential form fields the package reads
	// (reqform.go).
	forms []string
	// callbacks are the package's authentication callbacks of web
	// frameworks (authcallback.go).
	callbacks map[any]callbackCred
	// formUnseen are the functions whose request form never carries
	// them (reqform.go), made on first use.
	formUnseen map[*types.Func]bool
	// maskers and maskedCopies cache isMasker and maskedResult
	// (maskcopy.go).
	maskers      map[*ssa.Function]bool
	maskedCopies map[*ssa.Function]maskVerdict
	// outReqs indexes the requests the package builds (outreq.go).
	outReqs *outReqs
	// sinkCallers are the functions whose body calls a sink
	// (shapesink.go).
	sinkCallers map[*ssa.Function]bool
	// errTypes caches errorFields; storeKeys and storePos the
	// synthetic calls standing for store sinks (errstore.go).
	errTypes  map[*types.Named]map[int]bool
	storeKeys map[*ssa.Store]*ssa.CallCommon
	storePos  map[*ssa.CallCommon]token.Pos
}

func run(pass *analysis.Pass) (any, error) {
	if ssabuild.InGOROOT(pass) {
		// The standard library is described by built-in knowledge
		// (credsrc, classify), so that every driver, with or without
		// facts for it, sees the same flows; its own leaks are not ours
		// to report.
		return nil, nil
	}
	if len(pass.Files) == 0 || ssabuild.InModCache(pass) {
		return nil, nil
	}
	paths := pathParams(pass)                       // pathparams.go
	random := randomFuncs(pass, skippedFiles(pass)) // freshprint.go
	if !relevant(pass) {
		// A relevant package exports these with its other plain
		// variables (sharePlainFields).
		shareEmbedded(pass)
		return nil, nil
	}
	ssaRes := ssabuild.Get(pass)
	keepCLIIndex(ssaRes.Pkg) // cliindex.go
	defer dropCLIIndex(ssaRes.Pkg)
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
		merged:   map[string]*merged{},

		maskers:      map[*ssa.Function]bool{},
		maskedCopies: map[*ssa.Function]maskVerdict{},
		sinkCallers:  map[*ssa.Function]bool{},
		random:       random,
	}
	skip := skippedFiles(pass)
	st.skip = skip
	st.query = queryCreds(pass, skip)
	st.forms = formCreds(pass, skip)
	st.callbacks = authCallbacks(pass, skip) // authcallback.go
	st.accessPairs = credsrc.PairsAccessKeys(pass.TypesInfo)
	st.plain = credsrc.Holders(pass.TypesInfo, pass.Files, paths, st.accessPairs)
	st.paths = paths
	st.ssaFuncs = ssaRes.SrcFuncs
	plainParams(ssaRes.SrcFuncs, st.plain)
	sharePlainFields(pass, st.plain)
	st.sent = sentFields(pass, skip, st.plain)                          // sentfields.go
	digestLocals(pass.TypesInfo, pass.Files, skip, pass.Fset, st.plain) // hashedvars.go
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
	st.exportKeyed(ssaRes.SrcFuncs)
	st.exportNotLoggers(ssaRes.SrcFuncs)
	st.exportErrorTypes()
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

	merged := st.mergedDiags()
	st.diags = append(dropShadowed(st.diags, merged), merged...)
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
	"github.com/go-logr/logr": true, "github.com/pkg/errors": true, lgrPath: true,
	"emperror.dev/errors": true, "github.com/cockroachdb/errors": true,
	// HTTP clients with a debug log (debuglog.go).
	"github.com/go-resty/resty": true, "github.com/go-resty/resty/v2": true, "gopkg.in/resty.v1": true,
}

// relevant reports whether a package can leak or pass on a credential:
// it imports a sink or source package, an in-house logger, or a
// package with tokenlog facts, or it exports a function that can hand a
// string it is given back to its caller (passesOn). A package with none
// of these has no way to read a credential by type, to write one
// anywhere, or to carry one from a caller's argument to its result.
func relevant(pass *analysis.Pass) bool {
	if passesOn(pass.Pkg) {
		return true
	}
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
	for _, f := range pass.AllObjectFacts() {
		if _, path := f.Fact.(*pathParam); !path {
			// pathParam facts are kept for every package; they
			// only say what a value is.
			return true
		}
	}
	return len(pass.AllPackageFacts()) > 0
}

// passesOn reports whether pkg exports a function or method taking a
// string or byte slice and returning one: a helper that parses or
// re-encodes a credential (ParseBasicAuth(h) (user, pass string, ok
// bool), a header splitter) in a package that imports no logger and no
// source. Its summary (param to result) is what callers in other
// packages need to follow the credential through it.
func passesOn(pkg *types.Package) bool {
	has := func(tup *types.Tuple) bool {
		for i := range tup.Len() {
			if textual.Type(tup.At(i).Type()) {
				return true
			}
		}
		return false
	}
	check := func(fn *types.Func) bool {
		sig := fn.Type().(*types.Signature)
		return fn.Exported() && has(sig.Params()) && has(sig.Results())
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch o := scope.Lookup(name).(type) {
		case *types.Func:
			if check(o) {
				return true
			}
		case *types.TypeName:
			if n, ok := o.Type().(*types.Named); ok && o.Exported() {
				for m := range n.Methods() {
					if check(m) {
						return true
					}
				}
			}
		}
	}
	return false
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

// shareEmbedded exports the package variables //go:embed fills whose
// names say credential as holding none (credsrc.Embedded), for a
// package that is not otherwise analyzed: one that only ships templates
// imports nothing that makes it relevant, and its importers print them.
func shareEmbedded(pass *analysis.Pass) {
	for _, o := range credsrc.Embedded(pass.TypesInfo, pass.Files) {
		if _, cred := credsrc.FromName("variable", o.Name(), o.Type()); cred {
			pass.ExportObjectFact(o, &plainField{Why: credsrc.EmbeddedWhy})
		}
	}
}

// sharePlainFields exports the package's own fields (and package
// variables) that look like credentials but hold none as facts, and
// adds those of the packages it imports to
// plain, so that a struct declared in one package and printed in
// another is judged by the uses its own package makes of its fields.
func sharePlainFields(pass *analysis.Pass, plain map[types.Object]string) {
	for obj, why := range plain {
		v, ok := obj.(*types.Var)
		if !ok || v.Pkg() != pass.Pkg {
			continue
		}
		if !v.IsField() {
			// A package variable (one //go:embed fills) read in
			// another package.
			if v.Parent() == pass.Pkg.Scope() {
				if _, cred := credsrc.FromName("variable", v.Name(), v.Type()); cred {
					pass.ExportObjectFact(v, &plainField{Why: why})
				}
			}
			continue
		}
		if _, cred := credsrc.FromField(v); cred {
			// Only a field taken for a credential by its name and type
			// needs the word of its package.
			pass.ExportObjectFact(v, &plainField{Why: why})
		}
	}
	for _, f := range pass.AllObjectFacts() {
		if p, ok := f.Fact.(*plainField); ok && f.Object.Pkg() != pass.Pkg {
			plain[f.Object] = p.Why
		}
	}
}

// plainParams adds to plain the parameters of the package's functions
// whose bodies show they hold no credential whatever their names
// (credsrc.PlainParam: getRoom(token) comparing it with each room's
// address), so that a value passed to one is not taken for a credential
// handed over (passedcred.go, sentfields.go).
func plainParams(fns []*ssa.Function, plain map[types.Object]string) {
	for _, fn := range fns {
		for _, p := range fn.Params {
			if v, ok := p.Object().(*types.Var); ok && v != nil && credsrc.PlainParam(p) {
				plain[p.Object()] = "compared only with values that hold no credential"
			}
		}
	}
}
