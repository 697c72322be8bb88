package scopecheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/authvet/authvet/analyzers/internal/textual"
)

// A module's own comparison helper, such as
//
//	func ConstantTimeEqString(a, b string) bool {
//		return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
//	}
//
// compares its two arguments and does nothing else: a credential given
// to it is compared with the other argument, exactly as if the caller
// had called subtle.ConstantTimeCompare itself. It is judged as the
// comparison (compare.go): a credential compared with a key fixed by
// configuration is the access decision, one compared with a key looked
// up per caller identifies one of many. Called from another package,
// it is known by CompareFact.

// CompareFact marks a function of two strings or byte slices whose body
// only reports whether they are equal.
type CompareFact struct{}

// AFact marks CompareFact as an analysis fact.
func (*CompareFact) AFact() {}

func (*CompareFact) String() string { return "compare" }

// comparesArgs reports whether fn compares its first two arguments for
// equality: a standard one (isCompareFunc) or a wrapper of the module.
func (st *state) comparesArgs(fn *types.Func) bool {
	if isCompareFunc(fn) {
		return true
	}
	if fi := st.byObj[fn]; fi != nil {
		return fi.decl != nil && compareWrapper(st.pass.TypesInfo, fi.decl)
	}
	if !isAbstract(fn) && st.analyzed(fn) {
		return st.pass.ImportObjectFact(fn, new(CompareFact))
	}
	return false
}

// compareWrapper reports whether decl is a function of two parameters
// of one string or []byte type returning a bool, whose body is a single
// return of their equality: a == b, a standard comparison of the two
// (hmac.Equal, bytes.Equal, strings.EqualFold), or
// subtle.ConstantTimeCompare of the two compared with 1. Conversions
// ([]byte(a)) are looked through.
func compareWrapper(info *types.Info, decl *ast.FuncDecl) bool {
	if decl.Body == nil || len(decl.Body.List) != 1 {
		return false
	}
	obj, _ := info.Defs[decl.Name].(*types.Func)
	if obj == nil {
		return false
	}
	sig := obj.Type().(*types.Signature)
	if sig.Params().Len() != 2 || sig.Results().Len() != 1 || sig.Variadic() {
		return false
	}
	if b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return false
	}
	a, b := sig.Params().At(0), sig.Params().At(1)
	if !types.Identical(a.Type(), b.Type()) || !textual.Type(a.Type()) {
		return false
	}
	ret, ok := decl.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	return equalityOf(info, ret.Results[0], a, b)
}

// equalityOf reports whether e says that the variables a and b are
// equal (see compareWrapper).
func equalityOf(info *types.Info, e ast.Expr, a, b *types.Var) bool {
	pair := func(x, y ast.Expr) bool {
		vx, vy := paramRef(info, x), paramRef(info, y)
		return vx != nil && vy != nil && (vx == a && vy == b || vx == b && vy == a)
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if e.Op != token.EQL {
			return false
		}
		if pair(e.X, e.Y) {
			return true
		}
		// subtle.ConstantTimeCompare(a, b) == 1, either way round.
		for _, sides := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
			call, ok := ast.Unparen(sides[0]).(*ast.CallExpr)
			if !ok || len(call.Args) != 2 {
				continue
			}
			fn, _ := typeutil.Callee(info, call).(*types.Func)
			if fn == nil || funcPath(fn)+"."+fn.Name() != "crypto/subtle.ConstantTimeCompare" {
				continue
			}
			if tv, ok := info.Types[sides[1]]; ok && tv.Value != nil && tv.Value.ExactString() == "1" && pair(call.Args[0], call.Args[1]) {
				return true
			}
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, e).(*types.Func)
		if fn == nil || len(e.Args) != 2 {
			return false
		}
		switch funcPath(fn) + "." + fn.Name() {
		case "crypto/hmac.Equal", "bytes.Equal", "strings.EqualFold":
			return pair(e.Args[0], e.Args[1])
		}
	}
	return false
}

// paramRef returns the variable e names, looking through conversions
// ([]byte(a), string(b)).
func paramRef(info *types.Info, e ast.Expr) *types.Var {
	for range 3 {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok {
			break
		}
		if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() || len(call.Args) != 1 {
			return nil
		}
		e = call.Args[0]
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// exportCompareFacts exports CompareFact on the package's exported
// comparison helpers.
func (st *state) exportCompareFacts() {
	for _, fi := range st.fns {
		if fi.obj != nil && fi.obj.Exported() && fi.decl != nil && compareWrapper(st.pass.TypesInfo, fi.decl) {
			st.pass.ExportObjectFact(fi.obj, &CompareFact{})
		}
	}
}
