package scopecheck

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// defaultBroadScopes are scopes that grant everything an account or
// organisation can do. Each is documented by its provider as full
// access and to be avoided when a narrower scope exists.
var defaultBroadScopes = []string{
	"*", "all", "admin", "root", "sudo", "full", "full_access",
	// GitHub: full control of repositories, organisations, enterprise.
	"repo", "admin:org", "admin:enterprise", "admin:repo_hook", "admin:org_hook", "admin:public_key", "admin:gpg_key", "delete_repo",
	// Google: every Cloud API, all of Drive, all of Gmail.
	"https://www.googleapis.com/auth/cloud-platform", "https://www.googleapis.com/auth/drive", "https://mail.google.com/",
	// Microsoft Graph: the whole directory.
	"Directory.ReadWrite.All", "Directory.AccessAsUser.All", "Sites.FullControl.All",
}

// isBroadScope reports whether scope is in the effective list, or is a
// wildcard ("*", "orders:*", "api.*").
func (st *state) isBroadScope(scope string) bool {
	if st.cfg.broad.remove[scope] {
		return false
	}
	if st.cfg.broad.add[scope] {
		return true
	}
	for _, b := range defaultBroadScopes {
		if scope == b || (b == "admin" && strings.EqualFold(scope, "admin")) {
			return true
		}
	}
	return strings.HasSuffix(scope, ":*") || strings.HasSuffix(scope, ".*") || strings.HasSuffix(scope, "/*")
}

// scopeConfigType names the OAuth2 client configurations whose Scopes
// field is checked.
func scopeConfigType(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	switch {
	case isNamed(t, pkgOAuth2, "Config"):
		return "oauth2.Config"
	case isNamed(t, pkgCCreds, "Config"):
		return "clientcredentials.Config"
	case isNamed(t, "golang.org/x/oauth2/jwt", "Config"):
		return "jwt.Config"
	}
	return ""
}

// scopeFuncs are library functions taking scopes as their variadic
// tail.
func scopeFunc(fn *types.Func) bool {
	path, name := funcPath(fn), fn.Name()
	switch path {
	case "golang.org/x/oauth2/google":
		switch name {
		case "DefaultClient", "DefaultTokenSource", "FindDefaultCredentials", "CredentialsFromJSON", "JWTConfigFromJSON",
			"ConfigFromJSON", "JWTAccessTokenSourceWithScope", "FindDefaultCredentialsWithParams":
			return true
		}
	case "google.golang.org/api/option":
		return name == "WithScopes"
	}
	return false
}

// broadScopes reports OAuth2 clients that request all-powerful scopes.
func (st *state) broadScopes(files []*ast.File) {
	info := st.pass.TypesInfo
	check := func(where string, elts []ast.Expr) {
		for _, e := range elts {
			s, ok := constString(info, e)
			if !ok || !st.isBroadScope(s) {
				continue
			}
			st.pass.Report(analysis.Diagnostic{
				Pos:      e.Pos(),
				End:      e.End(),
				Category: "broad-scope",
				Message: fmt.Sprintf("%s requests the broad scope %q, which grants far more than one client needs; request only the narrow scopes it uses",
					where, s),
			})
		}
	}
	sliceElts := func(e ast.Expr) []ast.Expr {
		if cl, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
			return cl.Elts
		}
		return nil
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				where := scopeConfigType(info.TypeOf(n))
				if where == "" {
					return true
				}
				for _, el := range n.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Scopes" {
						check(where, sliceElts(kv.Value))
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
					if !ok || sel.Sel.Name != "Scopes" || i >= len(n.Rhs) {
						continue
					}
					where := scopeConfigType(info.TypeOf(sel.X))
					if where == "" {
						continue
					}
					rhs := ast.Unparen(n.Rhs[i])
					if call, ok := rhs.(*ast.CallExpr); ok {
						if b, ok := typeutil.Callee(info, call).(*types.Builtin); ok && b.Name() == "append" && len(call.Args) > 1 {
							check(where, call.Args[1:])
							continue
						}
					}
					check(where, sliceElts(rhs))
				}
			case *ast.CallExpr:
				fn, ok := typeutil.Callee(info, n).(*types.Func)
				if !ok || !scopeFunc(fn) {
					return true
				}
				sig := fn.Type().(*types.Signature)
				if !sig.Variadic() || n.Ellipsis.IsValid() {
					return true
				}
				first := sig.Params().Len() - 1
				if first < len(n.Args) {
					check(shortName(fn), n.Args[first:])
				}
			}
			return true
		})
	}
}
