package plainhttp

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// A plain-HTTP default that the program replaces with a TLS URL before
// it is ever read is no plain traffic: the "configuration fixed later"
// class, as for a tls.Config whose InsecureSkipVerify is reset before
// use. rclone's Zoho backend keeps
//
//	var uploadURL = "http://upload.zoho.eu/workdrive-api/v1/"
//
// as a package default, and setupRegion, called (its error checked)
// before every read, sets it to "https://upload.zoho.<region>/…".
//
// The rule, on the syntax tree, for a variable (a local, or an
// unexported package variable) or an unexported struct field:
//
//   - a read is covered when a statement that runs before it on every
//     path writes the object a value all of whose resolved candidates
//     start with https:// or wss://, and nothing between that statement
//     and the read writes the object again. "Runs before on every path"
//     is read from the blocks enclosing the read: an earlier statement of
//     the same statement list, or of an enclosing one (a closure is
//     created after the statements before it, so its body counts as
//     coming after them). A loop between the write and the read whose
//     body writes the object again gives no cover;
//   - for a package variable, the earlier statement may instead call a
//     function of the package (a statement, an assignment of its results,
//     or an if's init) whose body writes the object a TLS URL in a
//     statement of its own top-level list, with every return before that
//     statement returning a non-nil last result (an error the caller is
//     expected to check);
//   - for a field, the write must be to the same field of the same local
//     variable as the read (cfg.endpoint = "https://…" … cfg.endpoint).
//
// A covered read resolves to the TLS value only. A holder (a variable or
// field named like a base URL, reported where its plain default is
// written) is left alone when every read of it in the package is
// covered; an exported variable or field may be read elsewhere and keeps
// its report, as does one with no read at all.

// parentMap returns the parent of every node of the package's files.
func (r *resolver) parentMap() map[ast.Node]ast.Node {
	if r.parents != nil {
		return r.parents
	}
	r.parents = make(map[ast.Node]ast.Node)
	for _, f := range r.pass.Files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if len(stack) > 0 {
				r.parents[n] = stack[len(stack)-1]
			}
			stack = append(stack, n)
			return true
		})
	}
	return r.parents
}

// target is the object a read or write concerns: the variable, or the
// field with the variable whose field it is.
type target struct {
	obj  types.Object
	base types.Object // for a field: the variable selected from
}

// targetOf returns the target of e, an identifier or a field selection
// of a plain identifier.
func (r *resolver) targetOf(e ast.Expr) (target, bool) {
	info := r.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		o := info.Uses[e]
		if o == nil {
			o = info.Defs[e]
		}
		if v, ok := o.(*types.Var); ok && !v.IsField() {
			return target{obj: v}, true
		}
	case *ast.SelectorExpr:
		sel := info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			return target{}, false
		}
		x, ok := ast.Unparen(e.X).(*ast.Ident)
		if !ok {
			return target{obj: sel.Obj()}, true
		}
		return target{obj: sel.Obj(), base: info.Uses[x]}, true
	}
	return target{}, false
}

// isPackageVar reports whether o is a variable of the package scope.
func (r *resolver) isPackageVar(o types.Object) bool {
	v, ok := o.(*types.Var)
	return ok && !v.IsField() && v.Pkg() == r.pass.Pkg && v.Parent() == r.pass.Pkg.Scope()
}

// secureValue reports whether every value e may hold is a TLS URL.
func (r *resolver) secureValue(e ast.Expr, depth int, seen map[types.Object]bool) bool {
	cands := r.eval(e, depth+1, seen)
	if len(cands) == 0 {
		return false
	}
	for _, c := range cands {
		s := strings.ToLower(strings.TrimSpace(c.s))
		if !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "wss://") {
			return false
		}
	}
	return true
}

// writesTo returns the right-hand side s assigns to t when s is an
// assignment whose left-hand side is t (nil if it is another kind of
// write to t), and whether s writes t at all at its top level.
func (r *resolver) writesTo(s ast.Stmt, t target) (ast.Expr, bool) {
	as, ok := s.(*ast.AssignStmt)
	if !ok || (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) {
		return nil, false
	}
	for i, l := range as.Lhs {
		lt, ok := r.targetOf(l)
		if !ok || lt.obj != t.obj || (t.base != nil && lt.base != t.base) {
			continue
		}
		if len(as.Lhs) == len(as.Rhs) {
			return as.Rhs[i], true
		}
		return nil, true
	}
	return nil, false
}

// mayWrite reports whether n holds any assignment to t's object (for a
// field, to that field of any variable) or takes its address.
func (r *resolver) mayWrite(n ast.Node, t target) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		switch m := m.(type) {
		case *ast.AssignStmt:
			for _, l := range m.Lhs {
				if lt, ok := r.targetOf(l); ok && lt.obj == t.obj {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if m.Op == token.AND {
				if lt, ok := r.targetOf(m.X); ok && lt.obj == t.obj {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// callsSetter reports whether s calls a function of the package that
// writes the package variable t a TLS URL at the top level of its body
// (see the rule above).
func (r *resolver) callsSetter(s ast.Stmt, t target, depth int, seen map[types.Object]bool) (ast.Expr, bool) {
	var call *ast.CallExpr
	switch s := s.(type) {
	case *ast.ExprStmt:
		call, _ = ast.Unparen(s.X).(*ast.CallExpr)
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			call, _ = ast.Unparen(s.Rhs[0]).(*ast.CallExpr)
		}
	case *ast.IfStmt:
		if s.Init != nil {
			return r.callsSetter(s.Init, t, depth, seen)
		}
	}
	if call == nil {
		return nil, false
	}
	fn, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return nil, false
	}
	decl := r.index().decls[fn.Origin()]
	if decl == nil || decl.Body == nil {
		return nil, false
	}
	for _, st := range decl.Body.List {
		if rhs, ok := r.writesTo(st, t); ok {
			return rhs, rhs != nil && r.secureValue(rhs, depth, seen)
		}
		if !r.onlyErrorReturns(st, decl) {
			return nil, false
		}
	}
	return nil, false
}

// onlyErrorReturns reports whether every return statement in s (outside
// closures) returns a last result other than nil, and decl's last
// result is an error.
func (r *resolver) onlyErrorReturns(s ast.Stmt, decl *ast.FuncDecl) bool {
	ok := true
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			res := decl.Type.Results
			if res == nil || len(res.List) == 0 || len(n.Results) == 0 {
				ok = false
				return false
			}
			last := res.List[len(res.List)-1]
			if t := r.pass.TypesInfo.TypeOf(last.Type); t == nil || !types.Identical(t, types.Universe.Lookup("error").Type()) {
				ok = false
				return false
			}
			if id, isID := ast.Unparen(n.Results[len(n.Results)-1]).(*ast.Ident); isID && id.Name == "nil" {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// coveredWrite returns the TLS value written to t by a statement that
// runs before the read use on every path, if there is one (see the rule
// above).
func (r *resolver) coveredWrite(use ast.Expr, t target, depth int, seen map[types.Object]bool) (ast.Expr, bool) {
	parents := r.parentMap()
	pkgVar := r.isPackageVar(t.obj)
	if t.obj.Exported() && (pkgVar || t.base == nil) {
		return nil, false
	}
	if !pkgVar && t.base == nil {
		if v, ok := t.obj.(*types.Var); !ok || v.Parent() == nil || v.Parent() == r.pass.Pkg.Scope() {
			return nil, false
		}
	}
	var child ast.Node = use
	for n := parents[use]; n != nil; child, n = n, parents[n] {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		case *ast.ForStmt:
			if child == n.Body && r.mayWrite(n.Body, t) {
				return nil, false
			}
		case *ast.RangeStmt:
			if child == n.Body && r.mayWrite(n.Body, t) {
				return nil, false
			}
		case *ast.FuncDecl:
			return nil, false
		}
		k := -1
		for i, s := range list {
			if s == child {
				k = i
				break
			}
		}
		for i := k - 1; i >= 0; i-- {
			s := list[i]
			if rhs, ok := r.writesTo(s, t); ok {
				if rhs != nil && r.secureValue(rhs, depth, seen) {
					return rhs, true
				}
				return nil, false
			}
			if pkgVar {
				if rhs, ok := r.callsSetter(s, t, depth, seen); ok {
					return rhs, true
				}
			}
			if r.mayWrite(s, t) {
				return nil, false
			}
		}
	}
	return nil, false
}

// fixedLater reports whether every read of obj in the package is covered
// by an earlier TLS write, so its plain default is never used.
func (r *resolver) fixedLater(obj types.Object) bool {
	if obj == nil || obj.Exported() {
		return false
	}
	info := r.pass.TypesInfo
	parents := r.parentMap()
	reads := 0
	for id, o := range info.Uses {
		if o != obj {
			continue
		}
		var use ast.Expr = id
		if sel, ok := parents[id].(*ast.SelectorExpr); ok && sel.Sel == id {
			use = sel
		}
		if kv, ok := parents[id].(*ast.KeyValueExpr); ok && kv.Key == id {
			continue // a composite literal's field key: a write
		}
		if as, ok := parents[use].(*ast.AssignStmt); ok && (as.Tok == token.ASSIGN || as.Tok == token.DEFINE) && isLHS(as, use) {
			continue
		}
		t, ok := r.targetOf(use)
		if !ok {
			return false
		}
		if _, ok := r.coveredWrite(use, t, 0, map[types.Object]bool{}); !ok {
			return false
		}
		reads++
	}
	return reads > 0
}

func isLHS(as *ast.AssignStmt, e ast.Expr) bool {
	for _, l := range as.Lhs {
		if ast.Unparen(l) == e {
			return true
		}
	}
	return false
}
