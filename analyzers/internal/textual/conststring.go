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
