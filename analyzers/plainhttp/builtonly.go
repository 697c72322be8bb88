package plainhttp

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A request built only to use its helpers. rclone's rest client makes
// req, _ := http.NewRequest("GET", "http://example.com", nil), calls
// req.SetBasicAuth(user, pass) and keeps req.Header.Get("Authorization"):
// the request is never sent, so its URL crosses no network. A request
// made by http.NewRequest(WithContext) that is never handed to anything
// (not an argument of any call, not returned, not assigned or captured
// as a value, not sent through a method of its own such as Write) and
// whose uses only select something other than its URL or a copy of it
// (req.Header, req.SetBasicAuth(…), req.AddCookie(…)) sends nothing.
// req.URL, req.Clone(…), req.WithContext(…) and req.Write(…) count as
// leaving: the URL or the request itself goes on.

// builtOnly reports whether the request made by the call on top of
// stack is only used for its headers and helpers.
func (c *checker) builtOnly(stack []ast.Node) bool {
	info := c.pass.TypesInfo
	if len(stack) < 2 {
		return false
	}
	var lhs ast.Expr
	switch p := stack[len(stack)-2].(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || len(p.Lhs) == 0 {
			return false
		}
		lhs = p.Lhs[0]
	case *ast.ValueSpec:
		if len(p.Values) != 1 || len(p.Names) == 0 {
			return false
		}
		lhs = p.Names[0]
	default:
		return false
	}
	id, ok := lhs.(*ast.Ident)
	if !ok || id.Name == "_" {
		return false
	}
	req := info.ObjectOf(id)
	body := funcBodyOf(stack)
	if req == nil || body == nil {
		return false
	}
	parents := map[ast.Node]ast.Node{}
	var path []ast.Node
	leaves, used := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			path = path[:len(path)-1]
			return false
		}
		if len(path) > 0 {
			parents[n] = path[len(path)-1]
		}
		path = append(path, n)
		if x, ok := n.(*ast.Ident); ok && info.Uses[x] == req {
			used = true
			if !c.helperUse(x, parents) {
				leaves = true
			}
		}
		return !leaves
	})
	return used && !leaves
}

// helperUse reports whether the use x of the request only selects a
// header, a cookie helper or another part that is not the URL or a copy
// of the request.
func (c *checker) helperUse(x *ast.Ident, parents map[ast.Node]ast.Node) bool {
	info := c.pass.TypesInfo
	sel, ok := parents[x].(*ast.SelectorExpr)
	if !ok || sel.X != x {
		return false
	}
	switch sel.Sel.Name {
	case "URL", "Clone", "WithContext", "Write", "WriteProxy", "GetBody", "Body":
		return false
	}
	t := info.TypeOf(sel)
	if call, ok := parents[sel].(*ast.CallExpr); ok && call.Fun == sel {
		t = info.TypeOf(call)
		if fn, ok := typeutil.Callee(info, call).(*types.Func); !ok || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
			return false
		}
	}
	return !mentionsRequest(t)
}

// mentionsRequest reports whether t is, or holds among its results, a
// *http.Request or a *url.URL.
func mentionsRequest(t types.Type) bool {
	if tup, ok := t.(*types.Tuple); ok {
		for i := 0; i < tup.Len(); i++ {
			if mentionsRequest(tup.At(i).Type()) {
				return true
			}
		}
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "net/http.Request", "net/url.URL":
		return true
	}
	return false
}
