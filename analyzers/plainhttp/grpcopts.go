package plainhttp

import (
	"go/ast"
	"go/types"
)

// gRPC dial options gathered in a slice.
//
// Dial options are often collected in a local slice and spread into the
// dial (opts = append(opts, grpc.WithTransportCredentials(...)); then
// grpc.Dial(addr, opts...)). The options of such a dial are the
// elements the function puts in that slice: its composite literal and
// every append to it. An option appended inside a branch (if, switch,
// select, a loop) is a choice made at run time, usually the operator's
// (if cfg.Insecure {…}): an insecure transport chosen that way is left
// alone, as a literal under a condition is elsewhere; per-RPC
// credentials count wherever they are appended. A slice that is a
// parameter, a field or a global, or that is passed to another function
// before the dial, is not followed.

// dialOption is an option expression of a dial and whether it is added
// only under a branch.
type dialOption struct {
	expr        ast.Expr
	conditional bool
}

// dialOptions returns the options of a gRPC dial call whose options
// start at index from: the arguments written in the call, and the
// elements of a local slice spread into it.
func (c *checker) dialOptions(call *ast.CallExpr, from int, stack []ast.Node) []dialOption {
	var opts []dialOption
	args := call.Args[from:]
	info := c.pass.TypesInfo
	var spread *ast.Ident
	if call.Ellipsis.IsValid() && len(args) > 0 {
		e := ast.Unparen(args[len(args)-1])
		args = args[:len(args)-1]
		// grpc.Dial(addr, append(opts, more)...)
		if ac, ok := e.(*ast.CallExpr); ok && len(ac.Args) > 0 && !ac.Ellipsis.IsValid() {
			if id, ok := ast.Unparen(ac.Fun).(*ast.Ident); ok && id.Name == "append" {
				if _, builtin := info.Uses[id].(*types.Builtin); builtin {
					args = append(args[:len(args):len(args)], ac.Args[1:]...)
					e = ast.Unparen(ac.Args[0])
				}
			}
		}
		spread, _ = e.(*ast.Ident)
	}
	for _, a := range args {
		opts = append(opts, dialOption{expr: a})
	}
	if spread == nil {
		return opts
	}
	body, isV, ok := localVar(info, spread, stack)
	if !ok {
		return opts // a parameter, a field or a global
	}
	// elements returns what an expression assigned to the slice adds.
	elements := func(e ast.Expr) []ast.Expr {
		switch e := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return e.Elts
		case *ast.CallExpr:
			// append(opts, …), or append(base, …) whose base is a
			// literal or cannot be listed (a call's options).
			if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "append" && len(e.Args) > 1 {
				if _, builtin := info.Uses[id].(*types.Builtin); builtin && !e.Ellipsis.IsValid() {
					add := e.Args[1:]
					if base, ok := ast.Unparen(e.Args[0]).(*ast.CompositeLit); ok {
						add = append(base.Elts[:len(base.Elts):len(base.Elts)], add...)
					}
					return add
				}
			}
		}
		return nil
	}
	var path []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			path = path[:len(path)-1]
			return true
		}
		path = append(path, n)
		if _, ok := n.(*ast.FuncLit); ok {
			path = path[:len(path)-1]
			return false // another function's statements
		}
		branch := false
		for _, p := range path[:len(path)-1] {
			switch p.(type) {
			case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt:
				branch = true
			}
		}
		add := func(e ast.Expr) {
			for _, el := range elements(e) {
				opts = append(opts, dialOption{expr: el, conditional: branch})
			}
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if isV(l) {
						add(n.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if isV(id) {
						add(n.Values[i])
					}
				}
			}
		}
		return true
	})
	return opts
}

// localVar reports whether e names a variable declared in the body of
// the function on top of stack (not a parameter, a field or a global),
// and returns that body and a test for expressions naming the variable.
func localVar(info *types.Info, e ast.Expr, stack []ast.Node) (*ast.BlockStmt, func(ast.Expr) bool, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, nil, false
	}
	v, ok := info.Uses[id].(*types.Var)
	body := funcBodyOf(stack)
	if !ok || body == nil || v.Pos() < body.Pos() || v.Pos() > body.End() {
		return nil, nil, false
	}
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (info.Uses[id] == v || info.Defs[id] == v)
	}
	return body, isV, true
}

// funcBodyOf returns the body of the innermost function declaration or
// literal on stack, or nil.
func funcBodyOf(stack []ast.Node) *ast.BlockStmt {
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncDecl:
			return f.Body
		case *ast.FuncLit:
			return f.Body
		}
	}
	return nil
}
