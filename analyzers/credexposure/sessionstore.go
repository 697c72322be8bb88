package credexposure

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/authvet/authvet/internal/testsupport"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// A gorilla/sessions store makes its cookies from its Options, and the
// library leaves HttpOnly off unless the program sets it (every version;
// Secure's default changed between versions, so only HttpOnly is
// judged). A package that creates a cookie or filesystem store and
// never writes HttpOnly on a sessions.Options (a literal's key, an
// assignment to the field) nor replaces a store's Options with a value
// it does not spell out serves a session cookie any script on the page
// can read (review CH: gangway's store, whose session holds the ID and
// refresh tokens). It is reported at the store's creation.

const pathGorillaSessions = "github.com/gorilla/sessions"

// checkSessionStores reports the stores of a package that never sets
// HttpOnly.
func (st *pkgState) checkSessionStores() {
	pass := st.pass
	var creations []*ast.CallExpr
	var ownCopies []ast.Expr
	defs := map[types.Object][]ast.Expr{}
	decided := false
	ix := testsupport.ForPass(pass)
	for _, f := range pass.Files {
		if st.skip[pass.Fset.File(f.Pos())] {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if fn := typeutil.StaticCallee(pass.TypesInfo, n); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pathGorillaSessions &&
					(fn.Name() == "NewCookieStore" || fn.Name() == "NewFilesystemStore") {
					if _, test := ix.At(n.Pos()); !test {
						creations = append(creations, n)
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "HttpOnly" && sessionsOptionsField(pass.TypesInfo, id) {
					decided = true
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
					if !ok {
						continue
					}
					switch sel.Sel.Name {
					case "HttpOnly":
						if sessionsOptionsField(pass.TypesInfo, sel.Sel) {
							decided = true
						}
					case "Options":
						// store.Options = cfg.SessionOptions: set
						// from a value not spelled out here, unless
						// it is a copy of a store's own options
						// (opts := *s.Options; session.Options = &opts),
						// judged below.
						if sessionsOptionsField(pass.TypesInfo, sel.Sel) && i < len(n.Rhs) && !spelledOptions(n.Rhs[i]) {
							ownCopies = append(ownCopies, n.Rhs[i])
						}
					}
				}
				if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							if obj := pass.TypesInfo.Defs[id]; obj != nil {
								defs[obj] = append(defs[obj], n.Rhs[i])
							}
						}
					}
				}
			}
			return true
		})
	}
	if decided {
		return
	}
	for _, a := range ownCopies {
		if !st.copiesStoreOptions(a, defs) {
			return
		}
	}
	for _, call := range creations {
		st.report(analysis.Diagnostic{
			Pos:      call.Pos(),
			End:      call.End(),
			Category: catCookie,
			Message:  "gorilla/sessions store whose Options never set HttpOnly (the library leaves it off): any script on the page, an injected one included, can read the session cookie; set HttpOnly: true in the store's Options",
		})
	}
}

// sessionsOptionsField reports whether id names a field declared in
// gorilla/sessions (Options.HttpOnly, CookieStore.Options, Session.Options).
func sessionsOptionsField(info *types.Info, id *ast.Ident) bool {
	v, ok := info.ObjectOf(id).(*types.Var)
	return ok && v.IsField() && v.Pkg() != nil && v.Pkg().Path() == pathGorillaSessions
}

// copiesStoreOptions reports whether e, given to an Options field, is
// the address of a local copy of a gorilla/sessions Options field's
// value (opts := *s.Options; session.Options = &opts): the store's own
// options, whose HttpOnly the package's other writes decide.
func (st *pkgState) copiesStoreOptions(e ast.Expr, defs map[types.Object][]ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return false
	}
	id, ok := ast.Unparen(u.X).(*ast.Ident)
	if !ok {
		return false
	}
	ds := defs[st.pass.TypesInfo.ObjectOf(id)]
	if len(ds) != 1 {
		return false
	}
	star, ok := ast.Unparen(ds[0]).(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(star.X).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Options" && sessionsOptionsField(st.pass.TypesInfo, sel.Sel)
}

// spelledOptions reports whether e is a sessions.Options literal (or its
// address) written here: its keys are seen by checkSessionStores.
func spelledOptions(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	_, ok := e.(*ast.CompositeLit)
	return ok
}
