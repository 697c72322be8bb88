package scopecheck

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"golang.org/x/tools/go/analysis"
)

// Analyzer reports HTTP handlers and routes that authenticate the
// caller but never authorize the request, and OAuth2 clients that ask
// for all-powerful scopes.
var Analyzer = &analysis.Analyzer{
	Name: "scopecheck",
	Doc:  analyzerDoc,
	URL:  "https://github.com/authvet/authvet/tree/main/analyzers/scopecheck",
	Run:  run,
	FactTypes: []analysis.Fact{
		new(AuthenticatesFact), new(AuthorizesFact), new(MiddlewareFact), new(CredentialSourceFact),
		new(WorkFact), new(CallerFact), new(IssuesFact), new(AnalyzedFact), new(RoutesFact), new(AdapterFact), new(DefersFact),
		new(SignedOnlyFact), new(CompareFact), new(FieldMiddlewareFact),
	},
}

const analyzerDoc = `report handlers that authenticate callers but never authorize them

scopecheck finds HTTP handlers (net/http, chi, gorilla/mux, gin, echo)
that validate a bearer token, API key or session and then do their work
for any valid credential, without checking scopes, roles, permissions
or ownership; routes registered under an authenticating middleware with
no authorizing one; and OAuth2 clients requesting all-powerful scopes.

Rules: scopecheck/handler, scopecheck/route, scopecheck/broad-scope.`

// nameList is a comma-separated list of function names given on the
// command line (-authz-funcs, -authn-funcs).
type nameList map[string]bool

func (l *nameList) String() string {
	if l == nil || *l == nil {
		return ""
	}
	var names []string
	for n := range *l {
		names = append(names, n)
	}
	return strings.Join(names, ",")
}

// Set adds the names of a comma-separated list; repeated flags add up,
// and an empty value clears the list.
func (l *nameList) Set(v string) error {
	if *l == nil || strings.TrimSpace(v) == "" {
		*l = nameList{}
	}
	for _, n := range strings.Split(v, ",") {
		if n = strings.TrimSpace(n); n != "" {
			(*l)[n] = true
		}
	}
	return nil
}

// matches reports whether fn is listed under one of its qualified
// names.
func (l nameList) matches(fn *types.Func) bool {
	if len(l) == 0 || fn == nil {
		return false
	}
	for _, n := range qualifiedNames(fn) {
		if l[n] {
			return true
		}
	}
	return false
}

// scopeList is the -broad-scopes flag: entries are added to the
// built-in list, and an entry written "-scope" removes one.
type scopeList struct {
	add, remove map[string]bool
}

func (l *scopeList) String() string {
	if l == nil {
		return ""
	}
	var parts []string
	for s := range l.add {
		parts = append(parts, s)
	}
	for s := range l.remove {
		parts = append(parts, "-"+s)
	}
	return strings.Join(parts, ",")
}

// Set adds (or, written "-scope", removes) the scopes of a
// comma-separated list; an empty value restores the built-in list.
func (l *scopeList) Set(v string) error {
	if l.add == nil || strings.TrimSpace(v) == "" {
		l.add, l.remove = map[string]bool{}, map[string]bool{}
	}
	for _, s := range strings.Split(v, ",") {
		s = strings.TrimSpace(s)
		switch {
		case s == "" || s == "-":
		case strings.HasPrefix(s, "-"):
			l.remove[s[1:]] = true
		default:
			l.add[s] = true
		}
	}
	return nil
}

// config is the analyzer's configuration, set from flags before any
// run and only read during runs.
type config struct {
	authz, authn nameList
	broad        scopeList
}

var flags config

func init() {
	Analyzer.Flags.Var(&flags.authz, "authz-funcs",
		"comma-separated names of in-house functions or middleware that authorize (Name, pkg.Name, Type.Method or import/path.Name)")
	Analyzer.Flags.Var(&flags.authn, "authn-funcs",
		"comma-separated names of in-house functions or middleware that authenticate the caller")
	Analyzer.Flags.Var(&flags.broad, "broad-scopes",
		"comma-separated OAuth2 scopes to treat as all-powerful, added to the built-in list; -scope removes one")
}

var _ flag.Value = (*nameList)(nil)

// state is one run of the analyzer on one package.
type state struct {
	pass  *analysis.Pass
	cfg   *config
	fns   []*fnInfo
	byObj map[*types.Func]*fnInfo
	byLit map[*ast.FuncLit]*fnInfo
	// onePrincipalDone and onePrincipalVal cache onePrincipal
	// (oneprincipal.go).
	onePrincipalDone, onePrincipalVal bool
	// methods holds gorilla registrations limited by .Methods (perroute.go).
	methods map[*ast.CallExpr]string

	analyzedPkgs map[*types.Package]bool

	// Router bookkeeping (routes.go).
	inits map[types.Object]ast.Expr
	// firstOf holds, for a variable assigned the first result of a
	// call (sub, err := fs.Sub(ui, "dist")), that call.
	firstOf map[types.Object]*ast.CallExpr
	uses    map[types.Object][]ast.Expr
	wraps   map[types.Object][]ast.Expr
	// useArgs are the arguments of routers' Use calls: a middleware
	// built by a call that is given the router (to dispatch to it
	// again) is added in order, not wrapped around the router.
	useArgs map[ast.Expr]bool
	parents map[types.Object][]ast.Expr

	// adaptedVars are the parameters of the package's adapters that
	// receive an endpoint (adapters.go).
	adaptedVars map[*types.Var]bool
	// regs are the route registrations of the package (routes.go).
	regs []*registered

	underAuthz map[*fnInfo]bool
	routed     map[*fnInfo]bool
	// deferred holds, per exported function, the routes registered on
	// a router parameter that the function does not authorize.
	deferred map[*types.Func][]RouteInfo

	// made memoizes the factories' verdicts (mwfactory.go) once the
	// summaries are final; nil before.
	made map[*fnInfo]madeVerdict
	// defers and ctxCallerFn memoize ctxdefer.go's verdicts.
	defers      map[*fnInfo]string
	ctxCallerFn *string
	// paramOwner maps a function's scope to its declaration (parammw.go).
	paramOwner map[*types.Scope]*ast.FuncDecl
	// callerArgs caches the verdicts of middleware parameters judged
	// by their callers' arguments (parammw.go).
	callerArgs map[*types.Var]callerArgsResult
	named      *pkgTypes
	// throughMemo memoizes passesThrough (decoder.go).
	throughMemo map[*types.Func]bool
	// constTables holds the package's constant tables (connstate.go).
	constTables map[*types.Var]bool
	// authnKeys holds the context keys under which the package's
	// authenticating middleware store what they found (authnkeys.go).
	authnKeys map[string]bool
	// mwFields holds the values of the package's middleware fields
	// (mwfield.go).
	mwFields map[*types.Var][]ast.Expr
}

func run(pass *analysis.Pass) (any, error) {
	st := &state{
		pass:         pass,
		cfg:          &flags,
		byObj:        map[*types.Func]*fnInfo{},
		byLit:        map[*ast.FuncLit]*fnInfo{},
		adaptedVars:  map[*types.Var]bool{},
		analyzedPkgs: map[*types.Package]bool{},
		inits:        map[types.Object]ast.Expr{},
		firstOf:      map[types.Object]*ast.CallExpr{},
		uses:         map[types.Object][]ast.Expr{},
		wraps:        map[types.Object][]ast.Expr{},
		useArgs:      map[ast.Expr]bool{},
		parents:      map[types.Object][]ast.Expr{},
		underAuthz:   map[*fnInfo]bool{},
		routed:       map[*fnInfo]bool{},
		deferred:     map[*types.Func][]RouteInfo{},
	}
	// The standard library has no handlers to judge, and what
	// scopecheck needs to know about it is built in.
	if isStdPackage(pass) {
		return nil, nil
	}
	// Versioned dependencies (under go vet every dependency is
	// analyzed) and the libraries scopecheck knows by name are judged
	// by built-in knowledge: their internals (gorm's NewScope, gin's
	// bodyAllowedForStatus) would only teach it noise.
	if pass.Module != nil && pass.Module.Version != "" {
		return nil, nil
	}
	pass.ExportPackageFact(&AnalyzedFact{})

	var files []*ast.File
	for _, f := range pass.Files {
		// Generated code is not reviewed by people; its findings would
		// be noise.
		if ast.IsGenerated(f) {
			continue
		}
		files = append(files, f)
	}
	st.collect(files)
	st.findAdapters()
	st.summarizeAll()
	if st.collectAuthnKeys() {
		st.summarizeAll() // the readers of those keys read the caller
	}
	st.made = map[*fnInfo]madeVerdict{} // summaries are final
	st.exportFacts()
	st.routes(files)
	st.exportFieldMWFacts() // after routes: collectRouters gathers the values
	st.reportHandlers()
	st.broadScopes(files)
	return nil, nil
}

// isStdPackage reports whether the package under analysis belongs to
// the standard library. A path without a dot is not enough: modules
// named "myservice" and GOPATH-style test packages have none, so
// packages outside a module must also live in GOROOT.
func isStdPackage(pass *analysis.Pass) bool {
	if !isStdlib(pass.Pkg.Path()) || (pass.Module != nil && pass.Module.Path != "") {
		return false
	}
	if len(pass.Files) == 0 {
		return true
	}
	name := filepath.ToSlash(pass.Fset.File(pass.Files[0].Pos()).Name())
	root := filepath.ToSlash(build.Default.GOROOT)
	return root != "" && strings.HasPrefix(name, root+"/src/")
}

// std reports whether fn belongs to the standard library: a package
// scopecheck did not analyze whose path has no dot.
func (st *state) std(fn *types.Func) bool {
	pkg := fn.Pkg()
	if pkg == nil {
		return true // builtins such as error.Error
	}
	if pkg == st.pass.Pkg || st.analyzed(fn) {
		return false
	}
	return isStdlib(pkg.Path())
}

// analyzed reports whether fn's package was analyzed by scopecheck from
// source, so that its facts (or their absence) are a verdict.
func (st *state) analyzed(fn *types.Func) bool {
	pkg := fn.Pkg()
	if pkg == nil {
		return false
	}
	if pkg == st.pass.Pkg {
		return true
	}
	if p := pkg.Path(); isFramework(p) || isNeutral(p) || isAuthPackage(p) {
		return false // known by name, whatever was analyzed
	}
	if v, ok := st.analyzedPkgs[pkg]; ok {
		return v
	}
	v := st.pass.ImportPackageFact(pkg, new(AnalyzedFact))
	st.analyzedPkgs[pkg] = v
	return v
}

// collect finds every function declaration and literal.
func (st *state) collect(files []*ast.File) {
	info := st.pass.TypesInfo
	var walk func(n ast.Node, parent *fnInfo)
	walk = func(n ast.Node, parent *fnInfo) {
		ast.Inspect(n, func(c ast.Node) bool {
			if c == n {
				return true
			}
			switch c := c.(type) {
			case *ast.FuncDecl:
				if c.Body == nil {
					return false
				}
				obj, _ := info.Defs[c.Name].(*types.Func)
				if obj == nil {
					return false
				}
				sig := obj.Type().(*types.Signature)
				fi := &fnInfo{decl: c, obj: obj, sig: sig, body: c.Body, kind: signatureKind(sig), mw: isMiddlewareSig(sig)}
				st.fns = append(st.fns, fi)
				st.byObj[obj] = fi
				walk(c, fi)
				return false
			case *ast.FuncLit:
				sig, _ := info.TypeOf(c).(*types.Signature)
				fi := &fnInfo{lit: c, sig: sig, body: c.Body, parent: parent, kind: signatureKind(sig), mw: isMiddlewareSig(sig)}
				st.fns = append(st.fns, fi)
				st.byLit[c] = fi
				walk(c, fi)
				return false
			}
			return true
		})
	}
	for _, f := range files {
		walk(f, nil)
	}
}

// summarizeAll computes every function's summary and follows calls
// within the package to a fixed point. Credential sources feed the
// taint of their callers, so summaries are recomputed until the set of
// credential-returning functions is stable.
func (st *state) summarizeAll() {
	for round := 0; round < 4; round++ {
		before := map[*fnInfo]string{}
		for _, fi := range st.fns {
			before[fi] = fi.credSrc + "\x00" + fi.callerSrc
		}
		for _, fi := range st.fns {
			st.summarize(fi)
		}
		st.propagateCalls()
		same := true
		for _, fi := range st.fns {
			if before[fi] != fi.credSrc+"\x00"+fi.callerSrc {
				same = false
			}
		}
		if same && round > 0 {
			break
		}
	}
}

func via(check string, fi *fnInfo) string {
	if strings.Contains(check, " in ") {
		return check
	}
	return check + " in " + fi.name()
}

func (st *state) propagateCalls() {
	for changed := true; changed; {
		changed = false
		for _, fi := range st.fns {
			for _, a := range fi.fixedArgs {
				// A configured key passed to a helper that compares
				// the request's credential with it (keyparam.go).
				if ci := st.byObj[a.fn]; ci != nil && fi.authz == "" {
					if ci.keyParams[a.idx] {
						fi.authz, changed = "comparison with the configured key "+a.key+" in "+ci.name(), true
					}
				}
			}
			for _, a := range fi.credArgs {
				// A credential passed to a helper that compares it
				// with a configured key (fixedparam.go).
				if ci := st.byObj[a.fn]; ci != nil && fi.authz == "" {
					if k, ok := ci.fixedParams[a.idx]; ok && (!k.viaRecv || a.recvFixed) {
						fi.authz, changed = "comparison with the configured key "+k.key+" in "+ci.name(), true
					}
				}
			}
			for _, a := range fi.pathArgs {
				// The resource the path names handed to a helper that
				// looks the credential up with it (boundres.go).
				if ci := st.byObj[a.fn]; ci != nil && fi.authz == "" {
					if d, ok := ci.boundParams[a.idx]; ok {
						fi.authz, changed = via(d, ci), true
					}
				}
			}
			for _, c := range fi.callees {
				ci := st.byObj[c]
				if ci == nil || ci == fi {
					continue
				}
				if fi.authn == "" && ci.authn != "" && !fi.fallbackCalls[c] {
					fi.authn, fi.authnVia, changed = via(ci.authn, ci), c, true
				}
				if fi.authz == "" && ci.authz != "" {
					fi.authz, changed = via(ci.authz, ci), true
				}
				if fi.owns == "" && ci.owns != "" && fi.passesIdentity(c, ci) {
					fi.owns, changed = via(ci.owns, ci), true
				}
				if !fi.asksCaller && ci.asksCaller && !st.isMiddleware(ci) {
					// A middleware reading the caller authenticates;
					// what calls it (a router's setup) asks nothing.
					fi.asksCaller, changed = true, true
				}
				if !fi.setsCtx && ci.setsCtx && fi.kind != notHandler {
					// A gin or echo handler that stores the caller in
					// the context through a helper is a middleware.
					fi.setsCtx, changed = true, true
				}
				if fi.issues == "" && ci.issues != "" {
					fi.issues, changed = via(ci.issues, ci), true
				}
				// The work of an authentication helper (a key lookup in
				// the database) is the credential check, not the
				// handler's work.
				if fi.work == "" && ci.work != "" && ci.authn == "" && ci.issues == "" && !isRenderer(c) && !fi.sessionCalls[c] && !st.exclusive(fi, fi.authnVia, c) {
					fi.work, fi.workVia, changed = "calls "+ci.name(), c, true
				}
			}
		}
	}
}

func (st *state) exportFacts() {
	st.exportInterfaceFacts()
	st.exportSignedOnlyFacts()
	st.exportDefersFacts()
	st.exportCompareFacts()
	for _, fi := range st.fns {
		// Only exported functions and methods can be called from
		// another package; the others are followed by their summaries.
		if fi.obj == nil || !fi.obj.Exported() {
			continue
		}
		if fi.authn != "" {
			st.pass.ExportObjectFact(fi.obj, &AuthenticatesFact{Check: fi.authn})
		}
		switch {
		case fi.authz != "":
			st.pass.ExportObjectFact(fi.obj, &AuthorizesFact{Check: fi.authz})
		case fi.owns != "":
			st.pass.ExportObjectFact(fi.obj, &AuthorizesFact{Check: fi.owns, Ownership: true, Param: fi.ownsParam})
		}
		if fi.credSrc != "" {
			st.pass.ExportObjectFact(fi.obj, &CredentialSourceFact{What: fi.credSrc})
		}
		if fi.work != "" {
			st.pass.ExportObjectFact(fi.obj, &WorkFact{What: fi.work})
		}
		if fi.asksCaller && !st.isMiddleware(fi) {
			st.pass.ExportObjectFact(fi.obj, &CallerFact{})
		}
		if fi.issues != "" {
			st.pass.ExportObjectFact(fi.obj, &IssuesFact{What: fi.issues})
		}
		if mwz := st.mwAuthz(fi); st.isMiddleware(fi) && (fi.authn != "" || mwz != "") {
			check := mwz
			if check == "" {
				check = fi.authn
			}
			st.pass.ExportObjectFact(fi.obj, &MiddlewareFact{Authenticates: fi.mwAuthn() != "", Authorizes: mwz != "", Check: check})
		} else if fi.authn == "" && mwz == "" {
			// A factory of middleware (mwfactory.go).
			// Exported when it checks nothing too: the factory's name
			// (OptionalAuthHandler) must not stand in for its body.
			if n, z, ok := st.factoryVerdict(fi); ok {
				check := z
				if check == "" {
					check = n
				}
				st.pass.ExportObjectFact(fi.obj, &MiddlewareFact{Authenticates: n != "", Authorizes: z != "", Check: check})
			}
		}
	}
}

// exportInterfaceFacts gives the methods of the package's interfaces
// the authorization of their implementations in the package: handlers
// often call a service through an interface (playlists.Playlists)
// whose one implementation checks the caller's rights. A method is
// said to authorize only when every implementation in the package does.
func (st *state) exportInterfaceFacts() {
	st.eachInterfaceMethod(func(m *types.Func, impls []*fnInfo) {
		authz, owns := "", ""
		all := true
		for _, fi := range impls {
			switch {
			case fi == nil:
				all = false
			case fi.authz != "":
				authz = via(fi.authz, fi)
			case fi.owns != "":
				owns = via(fi.owns, fi)
			default:
				all = false
			}
		}
		switch {
		case !all:
		case authz != "" && owns == "":
			st.pass.ExportObjectFact(m, &AuthorizesFact{Check: authz})
		default:
			if owns == "" {
				owns = authz
			}
			st.pass.ExportObjectFact(m, &AuthorizesFact{Check: owns, Ownership: true})
		}
	})
}

// eachInterfaceMethod calls f for each method declared in this package
// on an interface of the package that has implementations here, with
// the summary of each implementation's method (nil where it has none
// in this package). The interface facts are decided over these.
func (st *state) eachInterfaceMethod(f func(m *types.Func, impls []*fnInfo)) {
	ifaces, _ := st.packageTypes()
	for _, in := range ifaces {
		it := in.Underlying().(*types.Interface)
		impls := st.implementations(in)
		if len(impls) == 0 {
			continue
		}
		for i := 0; i < it.NumMethods(); i++ {
			m := it.Method(i)
			if m.Pkg() != st.pass.Pkg {
				continue // embedded from another package
			}
			fis := make([]*fnInfo, len(impls))
			for j, c := range impls {
				obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(c), true, st.pass.Pkg, m.Name())
				fn, _ := obj.(*types.Func)
				fis[j] = st.byObj[fn]
			}
			f(m, fis)
		}
	}
}

// isMiddleware reports whether fi makes or is a middleware: its
// signature takes and returns a handler, or it returns a handler that
// delegates to the next one (gin middleware factories).
func (st *state) isMiddleware(fi *fnInfo) bool {
	if fi.mw || len(fi.adapts) > 0 {
		return true
	}
	if fi.sig != nil && fi.sig.Results().Len() == 1 && isHandlerType(fi.sig.Results().At(0).Type()) && (fi.delegates || fi.setsCtx) {
		return true
	}
	if fi.kind != notHandler && (fi.delegates || fi.setsCtx) {
		return true
	}
	// A handler literal made by a function named as a middleware
	// (AuthMiddleware, JWTMiddleware) is one.
	if fi.lit != nil {
		for p := fi.parent; p != nil; p = p.parent {
			if p.obj != nil && middlewareName(p.obj.Name()) {
				return true
			}
		}
	}
	return fi.obj != nil && fi.kind != notHandler && middlewareName(fi.obj.Name()) && fi.sig.Results().Len() > 0
}

func middlewareName(name string) bool {
	for _, w := range credname.Words(name) {
		switch w {
		case "middleware", "middlewares", "mw", "interceptor":
			return true
		}
	}
	return false
}

// inMiddleware reports whether fi is, or is nested in, a middleware.
func (st *state) inMiddleware(fi *fnInfo) bool {
	for p := fi; p != nil; p = p.parent {
		if st.isMiddleware(p) {
			return true
		}
	}
	if fi.lit != nil {
		// A literal nested in a declared middleware.
		for _, d := range st.fns {
			if d.decl != nil && d.decl.Pos() <= fi.lit.Pos() && fi.lit.End() <= d.decl.End() && st.isMiddleware(d) {
				return true
			}
		}
	}
	return false
}

// reportHandlers reports the handlers that authenticate, work and never
// authorize.
func (st *state) reportHandlers() {
	for _, fi := range st.fns {
		if fi.kind == notHandler || fi.authn == "" || fi.work == "" {
			continue
		}
		if fi.authz != "" || fi.owns != "" || fi.issues != "" {
			continue // authorized, scoped to the caller, or a login/token endpoint
		}
		if st.exclusive(fi, fi.authnVia, fi.workVia) {
			continue // authentication and work in different cases of a dispatcher (dispatch.go)
		}
		if fi.unknown || st.unknownVia(fi) {
			continue // calls code of the module that was not analysed: unknown
		}
		if st.serviceUnknown(fi) != "" {
			continue // hands the caller's context to a service out of sight: unknown (ctxdefer.go)
		}
		if st.inMiddleware(fi) {
			continue // a middleware's verdict is given at the routes it wraps
		}
		if st.underAuthz[fi] || (fi.parent != nil && st.underAuthz[fi.parent]) {
			continue // registered behind an authorizing middleware
		}
		st.pass.Report(analysis.Diagnostic{
			Pos:      fi.pos(),
			Category: "handler",
			Message: fmt.Sprintf("handler %s authenticates the caller (%s) but never checks a scope, role or permission before it %s; "+
				"check the token's scopes or the caller's role (or the resource owner), or register it behind an authorizing middleware",
				fi.name(), fi.authn, fi.work),
		})
	}
}
