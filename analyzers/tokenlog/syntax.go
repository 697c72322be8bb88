package tokenlog

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/acmechal"
	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
)

// namedLocals applies the name hint to local variables. SSA keeps no
// local names, so the syntax is read once: for `token := expr` with a
// credential name and a string-like type, the position of the
// expression's call, index or conversion is recorded and matched to the
// SSA value built there.
//
// The same walk indexes call expressions by their left parenthesis, the
// position SSA keeps, so that findings cover the whole call.
func namedLocals(pass *analysis.Pass, skip map[*token.File]bool, plain map[types.Object]string) (map[token.Pos]map[int]credsrc.Source, map[token.Pos]*ast.CallExpr) {
	out := map[token.Pos]map[int]credsrc.Source{}
	calls := map[token.Pos]*ast.CallExpr{}
	add := func(pos token.Pos, idx int, src credsrc.Source) {
		if !pos.IsValid() {
			return
		}
		if out[pos] == nil {
			out[pos] = map[int]credsrc.Source{}
		}
		out[pos][idx] = src
	}
	anchor := func(e ast.Expr) token.Pos {
		switch e := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			if isCharConversion(pass.TypesInfo, e) {
				return token.NoPos // string(ch): one character, as a lexer builds its tokens
			}
			return e.Lparen
		case *ast.IndexExpr:
			return e.Lbrack
		case *ast.TypeAssertExpr:
			return e.Lparen
		}
		return token.NoPos
	}
	var http01 []ast.Node            // functions that serve the ACME HTTP-01 path
	var decl *ast.FuncDecl           // the declaration being walked
	files := newCredFileReader(pass) // credfile.go
	visit := func(lhs []ast.Expr, rhs []ast.Expr) {
		if len(rhs) == 1 && len(lhs) >= 1 {
			// b, err := os.ReadFile(tokenPath): the content of a
			// credential's file, whatever b is called.
			if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok {
				if id, ok := lhs[0].(*ast.Ident); !ok || id.Name != "_" {
					if src, ok := files.read(call); ok {
						add(call.Lparen, 0, src)
					}
				}
			}
		}
		for i, l := range lhs {
			id, ok := l.(*ast.Ident)
			if !ok || id.Name == "_" {
				continue
			}
			if within(http01, id.Pos()) {
				// A local named token where the ACME HTTP-01 path is
				// served: the challenge token, public by design
				// (acmechal).
				continue
			}
			obj := pass.TypesInfo.ObjectOf(id)
			if obj == nil {
				continue
			}
			if _, ok := plain[obj]; ok {
				continue // its value is a duration, number, path, URN or URL
			}
			if decl != nil && credname.LeaseToken(declContext(decl), id.Name) {
				continue // renewToken in (*LockManager).Lock: a lock's handle
			}
			src, ok := credsrc.FromName("variable", id.Name, obj.Type())
			if !ok {
				r := rhsFor(lhs, rhs, i)
				if r == nil && len(rhs) == 1 {
					r = rhs[0] // dsn, err := connString(true)
				}
				if r == nil || !dsnBuiltInSight(pass, r) {
					src, ok = dsnLocal(id.Name, obj.Type()) // dsn.go
				}
			}
			if !ok {
				continue
			}
			if r := rhsFor(lhs, rhs, i); r != nil && (splitPieces(pass.TypesInfo, r) || tokenizerCall(pass.TypesInfo, r)) {
				continue // tokens := strings.Fields(line): pieces of a text (lexpieces.go)
			}
			if len(rhs) == 1 && lexResult(pass.TypesInfo, id.Name, rhs[0], i, len(lhs)) {
				continue // tokens, _ := parseShellInput(line): pieces of a text (lexpieces.go)
			}
			if len(rhs) == 1 && queueItem(pass.TypesInfo, rhs[0]) {
				continue // appKey, quit := queue.Get(): an object's key (queueitem.go)
			}
			switch {
			case len(rhs) == len(lhs):
				add(anchor(rhs[i]), 0, src)
			case len(rhs) == 1:
				add(anchor(rhs[0]), i, src)
			}
		}
	}
	for _, f := range pass.Files {
		if skip[pass.Fset.File(f.Pos())] {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				decl = n
				fn, _ := pass.TypesInfo.Defs[n.Name].(*types.Func)
				if n.Body != nil && (acmechal.ServesHTTP01(pass.TypesInfo, n.Body) || acmechal.ChallengeMethod(fn)) {
					http01 = append(http01, n)
				}
			case *ast.FuncLit:
				// A literal inside a declaration was judged with it:
				// the declaration's body holds the literal's.
				inDecl := decl != nil && decl.Pos() <= n.Pos() && n.Pos() < decl.End()
				if !inDecl && !within(http01, n.Pos()) && acmechal.ServesHTTP01(pass.TypesInfo, n.Body) {
					http01 = append(http01, n)
				}
			case *ast.CallExpr:
				calls[n.Lparen] = n
			case *ast.AssignStmt:
				// token += x: x is a piece of the value, not the value.
				if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
					visit(n.Lhs, n.Rhs)
				}
			case *ast.ValueSpec:
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				visit(lhs, n.Values)
			}
			return true
		})
	}
	return out, calls
}

// isCharConversion reports whether call converts a rune or byte (an
// integer) to a string: a single character.
func isCharConversion(info *types.Info, call *ast.CallExpr) bool {
	if len(call.Args) != 1 {
		return false
	}
	if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
		return false
	}
	b, ok := info.TypeOf(call.Args[0]).Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// constantVars returns the package variables whose initializer is a
// compile-time constant, a conversion of one or a composite literal of
// constants, and that are never assigned, incremented or have their
// address taken anywhere else in the package: their value is in the
// source.
//
// So are the unexported string variables declared without a value whose
// every assignment in the package builds them from constants, their own
// value and strings that are not credentials by name or type
// (sqlTableAPIKeys = "api_keys"; sqlTableAPIKeys =
// config.SQLTablesPrefix + sqlTableAPIKeys): they name a table, a key or
// a route, and the name describes what they name, not what they hold.
// At least one such assignment is needed, since a variable never
// assigned may be set by the linker (-X); an operand that is a call, or
// a field or variable named like a credential, keeps the variable a
// credential.
func constantVars(pass *analysis.Pass) map[types.Object]bool {
	out := map[types.Object]bool{}
	// built holds the value-less string variables, true once one
	// constant-derived assignment was seen.
	built := map[types.Object]bool{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) == 0 {
					for _, id := range vs.Names {
						if obj := pass.TypesInfo.Defs[id]; obj != nil && !id.IsExported() && isString(obj.Type()) {
							built[obj] = false
						}
					}
					continue
				}
				if len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, id := range vs.Names {
					if id.IsExported() && isEmptyString(pass.TypesInfo, vs.Values[i]) {
						// An exported placeholder ("") is often set by
						// another package at start-up.
						continue
					}
					if obj := pass.TypesInfo.Defs[id]; obj != nil && constExpr(pass.TypesInfo, vs.Values[i]) {
						out[obj] = true
					}
				}
			}
		}
	}
	if len(out) == 0 && len(built) == 0 {
		return out
	}
	// root returns the variable an assigned or addressed expression
	// writes to: v, v[i], v.f, *v.
	var root func(e ast.Expr) types.Object
	root = func(e ast.Expr) types.Object {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return pass.TypesInfo.Uses[e]
		case *ast.IndexExpr:
			return root(e.X)
		case *ast.SelectorExpr:
			if id, ok := e.X.(*ast.Ident); ok {
				if _, isPkg := pass.TypesInfo.Uses[id].(*types.PkgName); isPkg {
					return pass.TypesInfo.Uses[e.Sel]
				}
			}
			return root(e.X)
		case *ast.StarExpr:
			return root(e.X)
		}
		return nil
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			var written []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					id, isID := ast.Unparen(l).(*ast.Ident)
					obj := pass.TypesInfo.Uses[id]
					if _, cand := built[obj]; !isID || !cand || len(n.Rhs) != len(n.Lhs) ||
						n.Tok != token.ASSIGN && n.Tok != token.ADD_ASSIGN || !constDerived(pass.TypesInfo, n.Rhs[i], obj) {
						written = append(written, l)
						continue
					}
					built[obj] = true
				}
			case *ast.IncDecStmt:
				written = []ast.Expr{n.X}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN {
					written = []ast.Expr{n.Key, n.Value}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					written = []ast.Expr{n.X}
				}
			case *ast.CallExpr:
				// append(v, ...) may write into v's array; copy(v, ...)
				// does.
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "copy" && len(n.Args) > 0 {
					written = []ast.Expr{n.Args[0]}
				}
			}
			for _, e := range written {
				if e == nil {
					continue
				}
				if obj := root(e); obj != nil {
					delete(out, obj)
					delete(built, obj)
				}
			}
			return true
		})
	}
	for obj, ok := range built {
		if ok {
			out[obj] = true
		}
	}
	return out
}

// constDerived reports whether e, assigned to v, is a constant, v
// itself, a string variable or field not named like a credential, or a
// concatenation of those.
func constDerived(info *types.Info, e ast.Expr, v types.Object) bool {
	e = ast.Unparen(e)
	if constExpr(info, e) {
		return true
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		return e.Op == token.ADD && constDerived(info, e.X, v) && constDerived(info, e.Y, v)
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := e.(*ast.Ident); ok {
			obj = info.Uses[id]
		} else {
			obj = info.Uses[e.(*ast.SelectorExpr).Sel]
		}
		if obj == v {
			return true
		}
		if _, isVar := obj.(*types.Var); !isVar || !isString(obj.Type()) {
			return false
		}
		_, cred := credsrc.FromExpr(info, e)
		return !cred
	}
	return false
}

func isEmptyString(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == ""
}

// constExpr reports whether e is a constant or a composite literal made
// of constants.
func constExpr(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	if call, ok := e.(*ast.CallExpr); ok {
		// A conversion of a constant ([]byte("Authorization"),
		// []byte(fasthttp.HeaderAuthorization)) holds that constant.
		tv, ok := info.Types[call.Fun]
		return ok && tv.IsType() && len(call.Args) == 1 && constExpr(info, call.Args[0])
	}
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, el := range cl.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Value
		}
		if !constExpr(info, el) {
			return false
		}
	}
	return true
}

// within reports whether pos lies inside one of the nodes.
func within(nodes []ast.Node, pos token.Pos) bool {
	for _, n := range nodes {
		if n.Pos() <= pos && pos < n.End() {
			return true
		}
	}
	return false
}

// declContext names a declared function with its receiver's type, for
// credname.LeaseToken: "LockManager Lock".
func declContext(d *ast.FuncDecl) string {
	ctx := d.Name.Name
	if d.Recv != nil && len(d.Recv.List) == 1 {
		t := d.Recv.List[0].Type
		if s, ok := t.(*ast.StarExpr); ok {
			t = s.X
		}
		if ix, ok := t.(*ast.IndexExpr); ok {
			t = ix.X
		}
		if id, ok := t.(*ast.Ident); ok {
			ctx = id.Name + " " + ctx
		}
	}
	return ctx
}
