package tokenverify

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// A comparison made inside a helper of the package. A function that
// tests two of the values it is given with == or != and returns a bool
// (mochi's RString.Matches(a string) bool, whose rr := string(r); a ==
// rr matches a rule's value, given the CONNECT packet's password by
// rule.Password.Matches(string(pk.Connect.Password))) compares, at each
// call, the arguments in those places. The call is judged as that
// comparison would be where it is written, and reported there: the
// helper itself compares values that no name marks as credentials.

// checkCompareHelper checks a call of fn, a function or method of the
// package, as the comparison its body makes between two of its
// parameters (or a parameter and its receiver).
func (c *pkgctx) checkCompareHelper(call *ast.CallExpr, fn *types.Func) {
	d := c.decls[fn]
	if d == nil || d.Body == nil {
		return
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Variadic() || sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) {
		return
	}
	args := map[types.Object]ast.Expr{}
	if d.Recv != nil {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || len(d.Recv.List) != 1 || len(d.Recv.List[0].Names) != 1 {
			return
		}
		if obj := c.info.Defs[d.Recv.List[0].Names[0]]; obj != nil {
			args[obj] = sel.X
		}
	}
	i := 0
	for _, f := range d.Type.Params.List {
		for _, nm := range f.Names {
			if i < len(call.Args) {
				if obj := c.info.Defs[nm]; obj != nil {
					args[obj] = call.Args[i]
				}
			}
			i++
		}
	}
	if len(args) < 2 {
		return
	}
	// Local copies of a parameter: rr := string(r).
	alias := map[types.Object]types.Object{}
	ast.Inspect(d.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return true
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		if !ok {
			return true
		}
		if p := c.paramOf(as.Rhs[0], args); p != nil {
			alias[c.info.Defs[id]] = p
		}
		return true
	})
	param := func(e ast.Expr) types.Object {
		if p := c.paramOf(e, args); p != nil {
			return p
		}
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			return alias[c.info.Uses[id]]
		}
		return nil
	}
	var px, py types.Object
	op := ""
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if op != "" {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		b, ok := n.(*ast.BinaryExpr)
		if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
			return true
		}
		if x, y := param(b.X), param(b.Y); x != nil && y != nil && x != y {
			px, py, op = x, y, b.Op.String()
		}
		return true
	})
	if op == "" || c.isLiteral(args[px]) || c.isLiteral(args[py]) {
		return
	}
	if credname.IsCredential(px.Name()) || credname.IsCredential(py.Name()) {
		// checkPassword(stored, given string) compares a value its
		// name marks: judged, and reported, inside the helper.
		return
	}
	name := fn.Name()
	if r := recvName(fn); r != "" {
		name = r + "." + name
	}
	c.checkCompare(call, args[px], args[py], op+" inside "+name)
}

// paramOf returns the parameter of args that e is, directly or
// converted (string(r), []byte(p)), or nil.
func (c *pkgctx) paramOf(e ast.Expr, args map[types.Object]ast.Expr) types.Object {
	e = ast.Unparen(e)
	if conv, ok := e.(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if tv, ok := c.info.Types[conv.Fun]; ok && tv.IsType() {
			e = ast.Unparen(conv.Args[0])
		}
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	obj := c.info.Uses[id]
	if _, ok := args[obj]; ok {
		return obj
	}
	return nil
}
