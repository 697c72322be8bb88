package tokenverify

import (
	"github.com/authvet/authvet/analyzers/internal/astparent"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"

	"go/ast"
	"go/token"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/textual"
	"github.com/authvet/authvet/internal/testsupport"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer reports tokens accepted without real verification: unverified
// JWT parses, key functions open to algorithm confusion, tokens without
// expiry, disabled go-oidc checks, identity-provider tokens without an
// audience check, credentials compared in variable time
// and OAuth2 flows without a CSRF state.
var Analyzer = &analysis.Analyzer{
	Name:      "tokenverify",
	Doc:       doc,
	URL:       "https://github.com/authvet/authvet/tree/main/analyzers/tokenverify",
	Run:       run,
	Requires:  nil,
	FactTypes: []analysis.Fact{new(heldFact), new(principalFact), new(fetchedFact), new(oidcOptionFact), new(digestFact), new(idTokenFact), new(macFact)},
}

// Rule categories, the part of the rule id after "tokenverify/".
const (
	catUnverified = "unverified"
	catAlg        = "alg"
	catNoExpiry   = "no-expiry"
	catOIDC       = "oidc"
	catCompare    = "compare"
	catState      = "state"
	catAudience   = "audience"
)

// Well-known import paths.
const (
	pathOAuth2  = "golang.org/x/oauth2"
	pathSubtle  = "crypto/subtle"
	pathHMAC    = "crypto/hmac"
	pathContext = "context"
)

// def is one assignment of a value to a variable: the right-hand side,
// and for a tuple assignment (a, b := f()) the index of the variable.
type def struct {
	rhs   ast.Expr
	index int  // -1 for a one-to-one assignment
	rng   bool // the variable is a key (index 0) or value (1) of range rhs
}

// pkgctx holds what every check needs to know about the package.
type pkgctx struct {
	// callback caches servesCallback (state.go): 0 unknown, 1 no, 2 yes.
	callback int
	// heldActive holds the functions whose returns heldResults is
	// judging: a function met again while it is judged (the judgement
	// goes through fromRequest and lookupCall, which start their own
	// depth counts) is not held, so that the search ends.
	heldActive map[*ast.FuncDecl]bool
	// accessPairs is set when the package speaks of access key and
	// secret key pairs: its access keys are key ids (credsrc).
	accessPairs bool
	pass        *analysis.Pass
	info        *types.Info
	parents     map[ast.Node]ast.Node
	// fetchers caches tokenFetcher for the package's functions.
	fetchers map[*types.Func]bool
	// defs maps each variable to the values assigned to it anywhere in
	// the package, so that checks can follow local data flow.
	defs map[types.Object][]def
	// decls maps the package's functions and methods to their syntax.
	decls map[*types.Func]*ast.FuncDecl
	// files are the package's files that are not generated.
	files []*ast.File
	// tests says which code is test support; built on first use.
	tests *testsupport.Index
	// params holds the parameters and named results of every function.
	params map[*types.Var]bool
	// cmdArgs holds the args parameters of cobra Run-shaped functions
	// (cmdarg.go).
	cmdArgs map[*types.Var]bool
	// fieldDefs maps struct fields to the values the package stores in
	// them (keyed literals, assignments), to follow a parser held in a
	// field to its construction.
	fieldDefs map[*types.Var][]ast.Expr
	// termStored says a value read at the terminal counts as stored:
	// set while the other side of a comparison comes from a request
	// (terminal.go).
	termStored bool
	// validates records the libraries whose separate validation
	// function (jwtlib.ValidateClaims: jwx jwt.Validate, golang-jwt v5
	// Validator.Validate) the package calls.
	validates map[jwtlib.Family]bool
	// recvs holds the receivers of the package's methods, addrTaken
	// the variables whose address is taken (held.go).
	recvs     map[*types.Var]bool
	addrTaken map[*types.Var]bool
	// calls, escapes and ifaceMethods are built on first use by
	// indexCalls (held.go).
	calls        map[*types.Func][]*ast.CallExpr
	escapes      map[*types.Func]bool
	ifaceMethods map[string]bool
	owners       map[*types.Var]owner
	// filled caches filledFromRequest.
	filled map[*types.Var]bool
	// written memoizes writtenTo: the input written into each local
	// hash (digestfn.go).
	written map[types.Object][]ast.Expr
}

func run(pass *analysis.Pass) (any, error) {
	// A package that imports none of the libraries and no crypto or HTTP
	// code cannot hold any finding of this analyzer, except compare,
	// which needs only strings; so no early return on imports.
	if p := jwtlib.Unvendor(pass.Pkg.Path()); jwtlib.IsLibrary(p) || p == pathOAuth2 {
		// The libraries themselves implement what the rules check
		// (ParseWithClaims calls ParseUnverified, then verifies).
		return nil, nil
	}
	c := &pkgctx{
		pass:    pass,
		info:    pass.TypesInfo,
		parents: make(map[ast.Node]ast.Node),
		defs:    make(map[types.Object][]def),
		decls:   make(map[*types.Func]*ast.FuncDecl),
		params:  make(map[*types.Var]bool),

		fieldDefs: make(map[*types.Var][]ast.Expr),
		validates: make(map[jwtlib.Family]bool),
		recvs:     make(map[*types.Var]bool),
		addrTaken: make(map[*types.Var]bool),
		filled:    make(map[*types.Var]bool),
		written:   make(map[types.Object][]ast.Expr),

		accessPairs: credsrc.PairsAccessKeys(pass.TypesInfo),
	}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			// Generated code is not written by the user; it is
			// regenerated, not fixed.
			continue
		}
		c.files = append(c.files, f)
		c.index(f)
	}
	for _, f := range c.files {
		c.checkFile(f)
	}
	c.checkAudience() // audience.go
	c.exportHeld()
	c.exportDigest() // digestfn.go
	c.exportMAC()    // macfn.go
	c.exportPrincipal()
	c.exportFetchers() // fetched.go
	return nil, nil
}

// index records parents, definitions and function declarations of f.
func (c *pkgctx) index(f *ast.File) {
	astparent.Record(f, c.parents, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if fn, ok := c.info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				c.decls[fn] = n
			}
			if n.Recv != nil {
				for _, f := range n.Recv.List {
					for _, id := range f.Names {
						if v, ok := c.info.Defs[id].(*types.Var); ok {
							c.recvs[v] = true
						}
					}
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok {
						c.addrTaken[v] = true
					}
				}
			}
		case *ast.FuncType:
			for _, fl := range []*ast.FieldList{n.Params, n.Results} {
				if fl == nil {
					continue
				}
				for _, f := range fl.List {
					for _, id := range f.Names {
						if v, ok := c.info.Defs[id].(*types.Var); ok {
							c.params[v] = true
						}
					}
				}
			}
			c.noteCommandArgs(n) // cmdarg.go
		case *ast.AssignStmt:
			c.addAssign(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			c.addAssign(lhs, n.Values)
		case *ast.RangeStmt:
			for i, e := range []ast.Expr{n.Key, n.Value} {
				if obj := c.objOf(e); obj != nil {
					c.defs[obj] = append(c.defs[obj], def{rhs: n.X, index: i, rng: true})
				}
			}
		case *ast.CallExpr:
			if f, ok := jwtlib.Classify(c.callee(n)); ok && f.Role == jwtlib.ValidateClaims {
				c.validates[f.Family] = true
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				if v, ok := c.info.Uses[id].(*types.Var); ok && v.IsField() {
					c.fieldDefs[v] = append(c.fieldDefs[v], n.Value)
				}
			}
		}
	})
}

func (c *pkgctx) addAssign(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && len(lhs) == len(rhs) {
			if v, ok := c.info.Uses[sel.Sel].(*types.Var); ok && v.IsField() {
				c.fieldDefs[v] = append(c.fieldDefs[v], rhs[i])
			}
			continue
		}
		obj := c.objOf(l)
		if obj == nil {
			continue
		}
		switch {
		case len(lhs) == len(rhs):
			// For x += y, x derives from y and from its earlier
			// definitions, which are recorded already.
			c.defs[obj] = append(c.defs[obj], def{rhs: rhs[i], index: -1})
		case len(rhs) == 1:
			c.defs[obj] = append(c.defs[obj], def{rhs: rhs[0], index: i})
		}
	}
}

// objOf returns the variable an identifier on the left of an assignment
// names, or nil.
func (c *pkgctx) objOf(e ast.Expr) types.Object {
	id, ok := e.(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	if obj := c.info.Defs[id]; obj != nil {
		return obj
	}
	if obj, ok := c.info.Uses[id].(*types.Var); ok {
		return obj
	}
	return nil
}

// checkFile runs every check over one file.
func (c *pkgctx) checkFile(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			c.checkCall(n)
		case *ast.BinaryExpr:
			c.checkBinary(n)
		case *ast.CompositeLit:
			if !c.isTestFile(n) {
				// The oidc rule ignores test support, which often
				// switches the checks off to verify fixtures.
				c.checkOIDCLit(n)
			}
			c.checkParserLit(n)
		case *ast.AssignStmt:
			if !c.isTestFile(n) {
				c.checkOIDCAssign(n)
			}
		case *ast.SelectorExpr:
			c.checkNone(n)
		}
		return true
	})
}

// checkCall dispatches calls of the libraries the checks know.
func (c *pkgctx) checkCall(call *ast.CallExpr) {
	fn := c.callee(call)
	if fn == nil {
		return
	}
	c.checkInsecureOptionCall(call, fn) // oidcoption.go
	path := pkgPath(fn)
	lib, inLib := jwtlib.Classify(fn)
	switch {
	case jwtlib.IsGolangJWT(path) || jwtlib.IsGolangJWTRequest(path):
		switch fn.Name() {
		case "ParseUnverified":
			c.checkUnverified(call, fn, lib)
		case "Parse", "ParseWithClaims", "ParseFromRequest", "ParseFromRequestWithClaims":
			c.checkDiscarded(call, fn, lib)
		case "WithoutClaimsValidation":
			if c.parserOnlyUnverified(call) {
				break
			}
			c.reportNoValidation(call, jwtlib.GolangJWT, "jwt.WithoutClaimsValidation turns off the exp and nbf checks, so expired tokens are accepted")
		case "WithValidMethods":
			c.checkValidMethodsNone(call)
		case "NewWithClaims":
			c.checkMint(call, fn)
		case "New":
			c.checkNewThenClaims(call, fn)
		}
		if i := jwtlib.KeyfuncParam(fn); i >= 0 && i < len(call.Args) {
			c.checkKeyfunc(call, fn, call.Args[i])
		}
	case inLib:
		c.checkLibCall(call, fn, lib)
	case jwtlib.Unvendor(path) == pathOAuth2 && recvName(fn) == "Config":
		switch fn.Name() {
		case "AuthCodeURL":
			c.checkAuthCodeURL(call)
		case "Exchange":
			c.checkExchange(call)
		}
	}
	c.checkCompareCall(call, fn)
	c.checkCompareHelper(call, fn) // comparehelper.go
}

// report emits a diagnostic of category cat over node n.
func (c *pkgctx) report(n ast.Node, cat, msg string, fixes ...analysis.SuggestedFix) {
	c.pass.Report(analysis.Diagnostic{
		Pos:            n.Pos(),
		End:            n.End(),
		Category:       cat,
		Message:        msg,
		SuggestedFixes: fixes,
	})
}

// callee returns the function or method a call statically invokes.
func (c *pkgctx) callee(call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	return fn
}

func pkgPath(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	return obj.Pkg().Path()
}

// recvName names the receiver's type of a method, or "" for a function.
func recvName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	return typeName(sig.Recv().Type())
}

// typeName names the named type t is or points to, or "".
func typeName(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// isNamed reports whether t (or what it points to) is the named type
// name declared in a package accepted by inPkg.
func isNamed(t types.Type, inPkg func(string) bool, names ...string) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !inPkg(n.Obj().Pkg().Path()) {
		return false
	}
	for _, name := range names {
		if n.Obj().Name() == name {
			return true
		}
	}
	return false
}

// constString returns the string constant value of e, if it has one.
func (c *pkgctx) constString(e ast.Expr) (string, bool) {
	return textual.ConstString(c.info, e)
}

// isConst reports whether e is a constant or nil.
func (c *pkgctx) isConst(e ast.Expr) bool {
	tv, ok := c.info.Types[ast.Unparen(e)]
	return ok && (tv.Value != nil || tv.IsNil())
}

// enclosingFunc returns the innermost function (declaration or literal)
// around n, or nil.
func (c *pkgctx) enclosingFunc(n ast.Node) ast.Node {
	for p := c.parents[n]; p != nil; p = c.parents[p] {
		switch p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return p
		}
	}
	return nil
}

// outerFunc returns the outermost function declaration around n (or the
// outermost literal when n is in a package-level initializer).
func (c *pkgctx) outerFunc(n ast.Node) ast.Node {
	var out ast.Node
	for p := c.parents[n]; p != nil; p = c.parents[p] {
		switch p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			out = p
		}
	}
	return out
}

func funcBody(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

func funcType(fn ast.Node) *ast.FuncType {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Type
	case *ast.FuncLit:
		return fn.Type
	}
	return nil
}

// isTestFile reports whether n is in test-support code
// (internal/testsupport): a _test.go file, a testutil or mock package, a
// function taking *testing.T.
func (c *pkgctx) isTestFile(n ast.Node) bool {
	if c.tests == nil {
		c.tests = testsupport.ForPass(c.pass)
	}
	_, ok := c.tests.At(n.Pos())
	return ok
}

// line returns the line of pos, for messages.
func (c *pkgctx) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

// localDefs returns the definitions of the variable e names, and whether
// e names a variable at all.
func (c *pkgctx) localDefs(e ast.Expr) ([]def, types.Object) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return nil, nil
	}
	return c.defs[v], v
}

// everyDef reports whether x is a local variable with at least one
// definition and ok holds for the value of each (none a range key or
// value): what the variable holds whichever assignment reached it.
func (c *pkgctx) everyDef(x *ast.Ident, ok func(ast.Expr) bool) bool {
	defs, obj := c.localDefs(x)
	if obj == nil || len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		if d.rhs == nil || d.rng || !ok(d.rhs) {
			return false
		}
	}
	return true
}

// isParam reports whether obj is a parameter or result of a function.
func (c *pkgctx) isParam(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() {
		return false
	}
	return c.params[v]
}

// isPkgVar reports whether obj is a package-level variable.
func isPkgVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && !v.IsField() && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// inspectShallow walks the body of fn without entering nested function
// literals.
func inspectShallow(body ast.Node, f func(ast.Node) bool) {
	if body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok && n != body {
			return false
		}
		return f(n)
	})
}
