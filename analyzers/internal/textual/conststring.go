package textual

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// ConstString returns the value of e when the type checker recorded it
// as a string constant (a literal, a named constant, a constant
// expression such as "Bearer " + prefix), and false otherwise. It is
// the one constant-string lookup of the analyzers.
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// HolderName is the name of the variable, parameter or field that e
// reads (an identifier or a selector), or "" for any other expression.
func HolderName(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	}
	return ""
}

// Unconvert returns e without the parentheses and type conversions
// around it: []byte(string(v)) and uint16(v) are v.
func Unconvert(info *types.Info, e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
			return e
		}
		e = call.Args[0]
	}
}

// IsBuiltin reports whether id names the built-in function name (len,
// not a variable called len).
func IsBuiltin(info *types.Info, id *ast.Ident, name string) bool {
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}
