package scopecheck

import (
	"go/ast"
	"go/token"
	"go/types"
)

// The state of an upgraded connection, and the fixed tables a handler
// consults. Three kinds of data a WebSocket handler touches are no
// application state a scope protects:
//
//   - the fields of a connection wrapper: a struct type of the package
//     that holds a WebSocket connection (a field of a transport type,
//     transport.go). Its fields (who authenticated on it, which event
//     names it subscribed to, its send queue) live and die with the
//     caller's own connection, as the frames do;
//   - the caller's slot of a connection registry: a collection whose
//     elements are connection wrappers, indexed by the identity the
//     connection carries (hub.conns[conn.userID] = append(…, conn),
//     delete(hub.conns, conn.userID)). Registering one's own connection
//     under one's own identity only asks for one's own events. A slot
//     chosen by anything else (hub.rooms[conn.room], a room named in a
//     frame) is a subscription to others' data and stays work;
//   - a constant table: a package variable of map or slice type
//     initialised with a literal of constants and never written, resized
//     or handed anywhere (var validEvents = map[string]bool{"a": true}).
//     Reading it is a validation against a fixed list, not a read of
//     the application's data.

// connWrapper reports whether t (or what it points to) is a struct
// type of the analysed package with a field of a WebSocket library's
// type.
func (st *state) connWrapper(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != st.pass.Pkg {
		return false
	}
	s, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < s.NumFields(); i++ {
		ft := s.Field(i).Type()
		if p, ok := types.Unalias(ft).(*types.Pointer); ok {
			ft = p.Elem()
		}
		if fn, ok := types.Unalias(ft).(*types.Named); ok && fn.Obj().Pkg() != nil && isTransport(fn.Obj().Pkg().Path()) {
			return true
		}
	}
	return false
}

// connField reports whether e is a field of a connection wrapper, or
// an element of one: c.subscriptions, c.subscriptions[event], c.userID.
func (s *scan) connField(e ast.Expr) bool {
	e = ast.Unparen(e)
	if ix, ok := e.(*ast.IndexExpr); ok {
		e = ast.Unparen(ix.X)
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if se := s.info.Selections[sel]; se == nil || se.Kind() != types.FieldVal {
		return false
	}
	return s.a.connWrapper(s.info.TypeOf(sel.X))
}

// registry reports whether m is a collection of connection wrappers
// (map[int64][]*Conn, []*Conn).
func (s *scan) registry(m ast.Expr) bool {
	t := s.info.TypeOf(m)
	for i := 0; t != nil && i < 4; i++ {
		switch u := t.Underlying().(type) {
		case *types.Map:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		default:
			return i > 0 && s.a.connWrapper(t)
		}
	}
	return false
}

// ownSlot reports whether m[k] is the caller's slot of a connection
// registry: k is the identity a connection wrapper carries.
func (s *scan) ownSlot(m, k ast.Expr) bool {
	sel, ok := ast.Unparen(k).(*ast.SelectorExpr)
	if !ok || !s.connField(sel) || !s.registry(m) {
		return false
	}
	return s.identityIn(sel) != ""
}

// connState reports whether e, written, read or deleted from, is
// connection state: a wrapper's field or the caller's registry slot.
func (s *scan) connState(e ast.Expr) bool {
	e = ast.Unparen(e)
	if ix, ok := e.(*ast.IndexExpr); ok && s.ownSlot(ix.X, ix.Index) {
		return true
	}
	return s.connField(e)
}

// constTable reports whether v is a package variable holding a
// constant table.
func (st *state) constTable(v *types.Var) bool {
	if st.constTables == nil {
		st.constTables = st.findConstTables()
	}
	return st.constTables[v]
}

func (st *state) findConstTables() map[*types.Var]bool {
	info := st.pass.TypesInfo
	tables := map[*types.Var]bool{}
	for _, init := range info.InitOrder {
		if len(init.Lhs) != 1 {
			continue
		}
		lit, ok := ast.Unparen(init.Rhs).(*ast.CompositeLit)
		if !ok || !constLiteral(info, lit) {
			continue
		}
		switch init.Lhs[0].Type().Underlying().(type) {
		case *types.Map, *types.Slice:
			tables[init.Lhs[0]] = true
		}
	}
	if len(tables) == 0 {
		return tables
	}
	// Every use must read: m[k] outside an assignment's left side,
	// range m, len(m).
	for _, f := range st.pass.Files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			v, ok := info.Uses[id].(*types.Var)
			if !ok || !tables[v] {
				return true
			}
			if !readOnlyUse(info, stack) {
				delete(tables, v)
			}
			return true
		})
	}
	return tables
}

// readOnlyUse reports whether the identifier on top of stack is only
// read: indexed for a value, ranged over or measured.
func readOnlyUse(info *types.Info, stack []ast.Node) bool {
	id := stack[len(stack)-1]
	if len(stack) < 2 {
		return false
	}
	switch p := stack[len(stack)-2].(type) {
	case *ast.IndexExpr:
		if p.X != id || len(stack) < 3 {
			return false
		}
		switch g := stack[len(stack)-3].(type) {
		case *ast.AssignStmt:
			for _, l := range g.Lhs {
				if l == p {
					return false
				}
			}
		case *ast.IncDecStmt:
			return false
		case *ast.UnaryExpr:
			return g.Op != token.AND
		}
		return true
	case *ast.RangeStmt:
		return p.X == id
	case *ast.CallExpr:
		b, ok := info.Uses[identOf(p.Fun)].(*types.Builtin)
		return ok && b.Name() == "len"
	}
	return false
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// constLiteral reports whether every key and element of lit is a
// constant (or a constant literal itself).
func constLiteral(info *types.Info, lit *ast.CompositeLit) bool {
	isConst := func(e ast.Expr) bool {
		if l, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
			return constLiteral(info, l)
		}
		tv, ok := info.Types[e]
		return ok && tv.Value != nil
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if !isConst(kv.Key) || !isConst(kv.Value) {
				return false
			}
			continue
		}
		if !isConst(el) {
			return false
		}
	}
	return true
}
