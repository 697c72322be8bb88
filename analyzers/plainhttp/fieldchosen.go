package plainhttp

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/astparent"
)

// A client kept apart for the callers that ask for it. A constructor
// often builds two clients, one that verifies and one that does not,
// and keeps both in fields of the value it returns:
//
//	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
//	return &Fetcher{client: &http.Client{…}, insecureClient: &http.Client{Transport: transport}}
//
// and the method that sends picks the insecure one only when the caller
// asks (if allowInsecure { c = f.insecureClient }). As for a package
// variable (usedOnlyWhenChosen), the literal is the user's choice when
// every read of the field it ends up in sits under a condition the user
// controls or that names the opt-in, and there is at least one.
//
// The config is followed within its function, at most a few steps: into
// a variable, a field of a local (transport.TLSClientConfig), a
// composite literal's field, and from a variable to the places it is
// used. A field assigned anywhere else, or read unconditionally, leaves
// the literal reported.

// maxCarrierSteps bounds how far the config is followed to its field.
const maxCarrierSteps = 6

// fieldOnlyWhenChosen reports whether the TLS config literal on top of
// stack ends up in a struct field (of this package's types) whose every
// read in the package is under the user's choice.
func (c *checker) fieldOnlyWhenChosen(stack []ast.Node) bool {
	body := funcBodyOf(stack)
	if body == nil || len(stack) == 0 {
		return false
	}
	parents := map[ast.Node]ast.Node{}
	astparent.Record(body, parents, nil)
	fields := map[*types.Var]bool{}
	seen := map[ast.Node]bool{}
	var follow func(e ast.Expr, steps int) bool
	follow = func(e ast.Expr, steps int) bool {
		if steps > maxCarrierSteps || seen[e] {
			return steps <= maxCarrierSteps
		}
		seen[e] = true
		p := parents[e]
		if u, ok := p.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e, p = u, parents[u]
		}
		if pe, ok := p.(*ast.ParenExpr); ok {
			e, p = pe, parents[pe]
		}
		switch p := p.(type) {
		case *ast.KeyValueExpr:
			lit, _ := parents[p].(*ast.CompositeLit)
			f := c.litField(lit, p)
			if f == nil {
				return false
			}
			if f.Pkg() == c.pass.Pkg {
				fields[f] = true
				return true
			}
			return follow(lit, steps+1) // &http.Transport{TLSClientConfig: cfg}
		case *ast.AssignStmt:
			for k, r := range p.Rhs {
				if r != e || k >= len(p.Lhs) {
					continue
				}
				return c.followStore(p.Lhs[k], body, parents, fields, func(x ast.Expr) bool { return follow(x, steps+1) })
			}
		case *ast.ValueSpec:
			for k, v := range p.Values {
				if v == e && k < len(p.Names) {
					return c.followStore(p.Names[k], body, parents, fields, func(x ast.Expr) bool { return follow(x, steps+1) })
				}
			}
		}
		return false
	}
	lit, ok := stack[len(stack)-1].(ast.Expr)
	if !ok || !follow(lit, 0) || len(fields) == 0 {
		return false
	}
	for f := range fields {
		if !c.everyRead(f, func(_ ast.Expr, st []ast.Node) bool { return c.userCondition(st) || optIn(st) }) {
			return false
		}
	}
	return true
}

// followStore follows a value stored into lhs: a local variable's uses
// in body, a field of this package, or the local whose field it is
// (transport.TLSClientConfig = cfg: then transport's uses).
func (c *checker) followStore(lhs ast.Expr, body *ast.BlockStmt, parents map[ast.Node]ast.Node, fields map[*types.Var]bool, next func(ast.Expr) bool) bool {
	info := c.pass.TypesInfo
	var local *types.Var
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		local, _ = info.ObjectOf(l).(*types.Var)
	case *ast.SelectorExpr:
		if s := info.Selections[l]; s != nil && s.Kind() == types.FieldVal {
			if f, ok := s.Obj().(*types.Var); ok && f.Pkg() == c.pass.Pkg {
				fields[f] = true
				return true
			}
		}
		if id, ok := ast.Unparen(l.X).(*ast.Ident); ok {
			local, _ = info.ObjectOf(id).(*types.Var)
		}
	}
	if local == nil || local.Parent() == c.pass.Pkg.Scope() || local.IsField() {
		return false
	}
	found := false
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !isID || !ok || info.Uses[id] != local {
			return ok
		}
		if sel, isSel := parents[id].(*ast.SelectorExpr); isSel && sel.X == id {
			// transport.MaxIdleConns = 10, transport.TLSClientConfig
			// = cfg: a field of the local, not a place it goes.
			return true
		}
		found = true
		if !next(id) {
			ok = false
		}
		return ok
	})
	return found && ok
}

// litField returns the field a key of a struct literal names.
func (c *checker) litField(lit *ast.CompositeLit, kv *ast.KeyValueExpr) *types.Var {
	if lit == nil {
		return nil
	}
	key, ok := kv.Key.(*ast.Ident)
	if !ok {
		return nil
	}
	f, _ := c.pass.TypesInfo.ObjectOf(key).(*types.Var)
	if f == nil || !f.IsField() {
		return nil
	}
	return f
}
