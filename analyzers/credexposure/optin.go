package credexposure

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/optin"
	"golang.org/x/tools/go/ast/astutil"
)

// queryOptIn reports whether the credential put in a query at pos is
// there only because a run-time option chose it: pos lies in one branch
// of an if/else chain whose conditions are not all constant, and another
// branch of the same chain sends the same credential in a request header
// (req.Header.Set("Authorization", "Bearer "+tok), SetBasicAuth) or in a
// request body (http.NewRequest("POST", u, strings.NewReader(form.Encode())),
// http.PostForm(u, form)). The program offers both transports, as for
// providers that accept the token only in the query, and the operator's
// configuration picks one (class 9 of issue 15: a user opt-in is a note
// at most). pos may also be where the URL is sent: the query built
// before a switch on the token mode is sent as a query only in the case
// that asks for it (cozy-stack's GetTokenAuthMode).
func (st *pkgState) queryOptIn(at token.Pos) bool {
	file := st.fileOf(at)
	if file == nil {
		return false
	}
	// The node that put the credential in: the call at its position
	// (q.Add("access_token", tok)), else the innermost node there.
	var pos ast.Node
	var path []ast.Node
	if call, ok := st.calls[at]; ok {
		pos = call
		path, _ = astutil.PathEnclosingInterval(file, call.Pos(), call.End())
	} else {
		path, _ = astutil.PathEnclosingInterval(file, at, at)
		if len(path) == 0 {
			return false
		}
		pos = path[0]
	}
	info := st.pass.TypesInfo
	creds := identVars(info, pos)
	if len(creds) == 0 {
		return false
	}
	// The URL built in a local first (u := endpoint + "?" + body):
	// what it was built from is sent too.
	for i := len(path) - 1; i >= 0; i-- {
		if fd, ok := path[i].(*ast.FuncDecl); ok && fd.Body != nil {
			expandLocals(info, fd.Body, creds)
			break
		}
	}
	for i, n := range path {
		if cc, ok := n.(*ast.CaseClause); ok && i > 0 && i+2 < len(path) {
			// The same choice as a switch on a run-time value:
			// switch cfg.TokenMethod { case "querystring": … default:
			// req.Header.Set("Authorization", …) } (nightingale).
			sw, ok := path[i+2].(*ast.SwitchStmt)
			if !ok || sw.Tag == nil || path[i+1] != sw.Body {
				continue
			}
			if tv, ok := info.Types[sw.Tag]; ok && tv.Value != nil {
				continue // a constant tag decides nothing
			}
			for _, st := range sw.Body.List {
				if other, ok := st.(*ast.CaseClause); ok && other != cc && sendsSafelyWith(info, &ast.BlockStmt{List: other.Body}, creds) {
					return true
				}
			}
			continue
		}
		ifs, ok := n.(*ast.IfStmt)
		if !ok || i == 0 {
			continue
		}
		var in ast.Node = path[i-1]
		if in != ifs.Body && in != ifs.Else {
			continue // in the condition or the init
		}
		// The top of the chain: climb while this if is another's else.
		top := ifs
		for j := i + 1; j < len(path); j++ {
			parent, ok := path[j].(*ast.IfStmt)
			if !ok || parent.Else != path[j-1] {
				break
			}
			top = parent
		}
		branches, conds := optin.Chain(top)
		decided := false
		for _, c := range conds {
			if tv, ok := info.Types[c]; !ok || tv.Value == nil {
				decided = true
			}
		}
		if !decided {
			continue
		}
		for _, b := range branches {
			if b.Pos() <= pos.Pos() && pos.End() <= b.End() {
				continue // the branch that uses the query
			}
			if sendsSafelyWith(info, b, creds) {
				return true
			}
		}
	}
	return false
}

// expandLocals adds to vars, twice over, the variables named in the
// values that body assigns to a local variable already in vars.
func expandLocals(info *types.Info, body *ast.BlockStmt, vars map[*types.Var]bool) {
	for range 2 {
		ast.Inspect(body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, l := range as.Lhs {
				id, ok := l.(*ast.Ident)
				if !ok {
					continue
				}
				if v, ok := info.ObjectOf(id).(*types.Var); ok && vars[v] && !v.IsField() {
					for w := range identVars(info, as.Rhs[i]) {
						vars[w] = true
					}
				}
			}
			return true
		})
	}
}

// identVars returns the variables named in n.
func identVars(info *types.Info, n ast.Node) map[*types.Var]bool {
	vars := map[*types.Var]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && !v.IsField() {
				vars[v] = true
			}
		case *ast.SelectorExpr:
			if v, ok := info.Uses[n.Sel].(*types.Var); ok && v.IsField() {
				vars[v] = true
			}
		}
		return true
	})
	return vars
}

// bodyArgs are, per net/http function or method, the index of the
// argument that is a request's body (or its form, for PostForm).
var bodyArgs = map[string]int{
	"net/http.NewRequest": 2, "net/http.NewRequestWithContext": 3,
	"net/http.Post": 2, "net/http.PostForm": 1,
	"net/http.Client.Post": 2, "net/http.Client.PostForm": 1,
}

// sendsSafelyWith reports whether b sends one of vars where a URL's query
// does not put it: in a request header (a Set or Add of an http.Header,
// (*http.Request).SetBasicAuth) or in a request's body.
func sendsSafelyWith(info *types.Info, b ast.Node, vars map[*types.Var]bool) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		fn, ok := info.Uses[sel.Sel].(*types.Func)
		if !ok {
			return true
		}
		args := call.Args // a header's name and value: either may hold it
		if recv := fn.Signature().Recv(); recv == nil || !((fn.Name() == "Set" || fn.Name() == "Add") && isNamed(recv.Type(), "net/http", "Header") ||
			fn.Name() == "SetBasicAuth" && isNamed(recv.Type(), "net/http", "Request")) {
			i, ok := bodyArgs[funcKey(fn)]
			if !ok || i >= len(args) {
				return true
			}
			args = args[i : i+1]
		}
		for _, a := range args {
			for v := range identVars(info, a) {
				if vars[v] {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// fileOf returns the syntax file holding at.
func (st *pkgState) fileOf(at token.Pos) *ast.File {
	for _, f := range st.pass.Files {
		if f.FileStart <= at && at < f.FileEnd {
			return f
		}
	}
	return nil
}
