package hardcodedcred

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// A constant HMAC key whose MAC is then fed a secret is a key-derivation
// label, not a key: hmac.New(sha256.New, []byte("svc-token-signing"))
// followed by h.Write(secret) derives a key from the secret, the
// constant keeping keys derived for different purposes apart (as HKDF's
// info and salt do). The secret material is the data; the label is
// published in the code by design. A constant key over data that holds
// no secret (a body, a payload) is still reported.

// kdfLabel reports whether the hmac.New call n, whose key is a constant,
// makes a MAC that the function around it feeds a secret: the variable
// it is assigned to is written (h.Write, io.WriteString, fmt.Fprint*) a
// value whose name says it is a credential.
func (c *checker) kdfLabel(n *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	body := c.enclosingBody(n)
	if body == nil {
		return false
	}
	var mac types.Object
	ast.Inspect(body, func(x ast.Node) bool {
		as, ok := x.(*ast.AssignStmt)
		if !ok || mac != nil {
			return mac == nil
		}
		for i, r := range as.Rhs {
			if ast.Unparen(r) == n && i < len(as.Lhs) {
				if id, ok := as.Lhs[i].(*ast.Ident); ok {
					mac = info.ObjectOf(id)
				}
			}
		}
		return true
	})
	if mac == nil {
		return false
	}
	isMac := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == mac
	}
	fed := false
	ast.Inspect(body, func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		if !ok || fed {
			return !fed
		}
		var data []ast.Expr
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isMac(sel.X) && (sel.Sel.Name == "Write" || sel.Sel.Name == "WriteString") {
			data = call.Args
		} else if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && fn.Pkg() != nil && len(call.Args) > 1 && isMac(call.Args[0]) {
			switch fn.Pkg().Path() + "." + fn.Name() {
			case "io.WriteString", "fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln":
				data = call.Args[1:]
			}
		}
		for _, d := range data {
			if c.secretData(d) {
				fed = true
			}
		}
		return !fed
	})
	return fed
}

// secretData reports whether e, written to a MAC, is named as a
// credential: secret, password, clientSecret, a []byte conversion of
// one.
func (c *checker) secretData(e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := c.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
			e = ast.Unparen(call.Args[0]) // []byte(secret)
		}
	}
	var name string
	switch x := e.(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	default:
		return false
	}
	if _, ok := c.pass.TypesInfo.Types[e]; ok && c.pass.TypesInfo.Types[e].Value != nil {
		return false // a constant: another label
	}
	return classifyName(name) != credname.None
}

// enclosingBody returns the body of the innermost function declaration
// or literal that holds n.
func (c *checker) enclosingBody(n ast.Node) *ast.BlockStmt {
	for _, f := range c.pass.Files {
		if f.Pos() > n.Pos() || n.End() > f.End() {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
		for _, p := range path {
			switch fn := p.(type) {
			case *ast.FuncLit:
				return fn.Body
			case *ast.FuncDecl:
				return fn.Body
			}
		}
		return nil
	}
	return nil
}
