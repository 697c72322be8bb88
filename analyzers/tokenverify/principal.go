package tokenverify

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// The caller's own credential (issue 15, class 7). Authentication
// middleware stores the account it authenticated in the request context,
// and handlers read it back: r.Context().Value(k), gin's c.Get/MustGet,
// echo's c.Get, fiber's c.Locals, or a function of the module that
// returns such a value (GetPrincipal(r), through facts across packages).
// A handler that compares a submitted value with an API key of that
// account, or of the records a lookup by that account's identity returns
// (for _, k := range keys.GetByUser(user.ID) { if k.ApiKey == value ...),
// is choosing which of the caller's keys to act on: the caller is
// already authenticated, the keys are theirs, and the time taken tells
// them nothing they cannot read in their own settings. Such a compare is
// not an authentication and is not reported. Other credentials of the
// account are still reported: re-entering the current password is a
// re-authentication, and a token sent by mail (an e-mail change, a
// second factor) proves something the session does not.

// principalDepth bounds the calls and assignments followed.
const principalDepth = 12

// principalFact marks an exported function of another package whose
// first result is a value read back from the request context.
type principalFact struct{}

func (*principalFact) AFact() {}

func (*principalFact) String() string { return "returns the request's principal" }

// callersOwn reports whether e reads an API key field of the account
// the request is authenticated as, or of a record looked up by that
// account's identity (see above).
func (c *pkgctx) callersOwn(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := c.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || credname.Classify(s.Obj().Name()) != credname.APIKey {
		return false
	}
	return c.ownedByPrincipal(sel.X, 0)
}

// ownedByPrincipal reports whether e is the request's principal, or a
// record (or an element of records) a call returned when given the
// principal or one of its fields: h.keys.GetByUser(user.ID).
func (c *pkgctx) ownedByPrincipal(e ast.Expr, depth int) bool {
	if depth > principalDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		defs, obj := c.localDefs(e)
		if obj == nil || c.isParam(obj) || isPkgVar(obj) {
			return false
		}
		seen := 0
		for _, d := range defs {
			if isNilIdent(d.rhs) {
				continue
			}
			if !c.ownedByPrincipal(d.rhs, depth+1) {
				return false
			}
			seen++
		}
		return seen > 0
	case *ast.IndexExpr:
		return c.ownedByPrincipal(e.X, depth+1)
	case *ast.StarExpr:
		return c.ownedByPrincipal(e.X, depth+1)
	case *ast.CallExpr:
		for _, a := range e.Args {
			if sel, ok := ast.Unparen(a).(*ast.SelectorExpr); ok {
				if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.FieldVal && c.ctxDerived(sel.X, depth+1) {
					return true
				}
			}
			if structLike(c.info.TypeOf(a)) && c.ctxDerived(a, depth+1) {
				return true
			}
		}
	}
	return c.ctxDerived(e, depth)
}

// ctxDerived reports whether e is a value read back from the request
// context, or a field of one, or the result of a method called on one.
func (c *pkgctx) ctxDerived(e ast.Expr, depth int) bool {
	if depth > principalDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.TypeAssertExpr:
		return c.ctxDerived(e.X, depth+1)
	case *ast.StarExpr:
		return c.ctxDerived(e.X, depth+1)
	case *ast.SelectorExpr:
		if s, ok := c.info.Selections[e]; ok && s.Kind() == types.FieldVal {
			return c.ctxDerived(e.X, depth+1)
		}
	case *ast.CallExpr:
		fn := c.callee(e)
		if fn == nil {
			return false
		}
		if contextLookup(fn) {
			return true
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && recvName(fn) != "" && c.ctxDerived(sel.X, depth+1) {
			// p.MustGet(key) on the shared data the context holds.
			return true
		}
		if d := c.decls[fn]; d != nil {
			return c.returnsPrincipal(d, depth+1)
		}
		return fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, new(principalFact))
	case *ast.Ident:
		defs, obj := c.localDefs(e)
		if obj == nil || c.isParam(obj) || isPkgVar(obj) {
			return false
		}
		seen := 0
		for _, d := range defs {
			if d.rng || isNilIdent(d.rhs) {
				if d.rng {
					return false
				}
				continue
			}
			if !c.ctxDerived(d.rhs, depth+1) {
				return false
			}
			seen++
		}
		return seen > 0
	}
	return false
}

// returnsPrincipal reports whether every return of fn gives, as its
// first result, a value read back from the request context or nil, and
// one at least gives such a value.
func (c *pkgctx) returnsPrincipal(fn *ast.FuncDecl, depth int) bool {
	if fn.Body == nil || depth > principalDepth {
		return false
	}
	seen, ok := 0, true
	inspectShallow(fn.Body, func(n ast.Node) bool {
		ret, isRet := n.(*ast.ReturnStmt)
		if !isRet || !ok {
			return ok
		}
		if len(ret.Results) == 0 {
			ok = false
			return false
		}
		switch {
		case isNilIdent(ret.Results[0]):
		case c.ctxDerived(ret.Results[0], depth+1):
			seen++
		default:
			ok = false
		}
		return ok
	})
	return ok && seen > 0
}

// exportPrincipal exports a principalFact for each exported function of
// the package that returns the request's principal.
func (c *pkgctx) exportPrincipal() {
	for fn, d := range c.decls {
		sig := fn.Type().(*types.Signature)
		res := sig.Results()
		if !fn.Exported() || res.Len() == 0 || !structLike(res.At(0).Type()) || !takesRequest(sig) {
			continue
		}
		if c.returnsPrincipal(d, 0) {
			c.pass.ExportObjectFact(fn, &principalFact{})
		}
	}
}

// takesRequest reports whether a function has a parameter through
// which it can read the request's context: the request, a framework's
// request context, or a context.Context.
func takesRequest(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if isRequestType(t) || isNamed(t, func(p string) bool { return p == "context" }, "Context") {
			return true
		}
	}
	return false
}

// structLike reports a struct or a pointer to one: an account record.
func structLike(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// contextLookup reports the calls that read a value stored in the
// request's context: context.Context.Value, gin's Context.Get, MustGet
// and Value, echo's Context.Get and fiber's Ctx.Locals.
func contextLookup(fn *types.Func) bool {
	p := jwtlib.Unvendor(pkgPath(fn))
	switch r, n := recvName(fn), fn.Name(); {
	case p == "context":
		return r == "Context" && n == "Value"
	case strings.HasPrefix(p, "github.com/gin-gonic/gin"):
		return r == "Context" && (n == "Get" || n == "MustGet" || n == "Value")
	case strings.HasPrefix(p, "github.com/labstack/echo"):
		return r == "Context" && n == "Get"
	case strings.HasPrefix(p, "github.com/gofiber/fiber"):
		return r == "Ctx" && n == "Locals"
	}
	return false
}

func isNilIdent(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "nil"
}
