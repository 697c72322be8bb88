package scopecheck

import (
	"go/ast"
	"go/types"
	"regexp"
)

// Validators of echo's key and basic-auth middleware. KeyAuth and
// BasicAuth authenticate with a callback the program gives them
// (middleware.KeyAuth(s.validAdminKey), KeyAuthConfig{Validator: …}).
// When that callback is a function of the package that compares the key
// (or the password) with one key fixed by configuration
// (subtle.ConstantTimeCompare([]byte(key), []byte(s.cfg.AdminKey))), the
// routes behind it serve one principal: the comparison is the access
// decision, as for a middleware written out that compares with a
// configured key (fixedparam.go). A validator that looks the key up
// among many callers' keys stays authentication only.

var echoMiddlewarePath = regexp.MustCompile(`^github\.com/labstack/echo(?:/v\d+)?/middleware$`)

// validatorArg returns the validator a call of echo's KeyAuth,
// KeyAuthWithConfig, BasicAuth or BasicAuthWithConfig is given, and the
// index of the validator's parameter that receives the credential.
func validatorArg(info *types.Info, fn *types.Func, call *ast.CallExpr) (ast.Expr, int, bool) {
	if fn.Pkg() == nil || !echoMiddlewarePath.MatchString(fn.Pkg().Path()) || len(call.Args) != 1 {
		return nil, 0, false
	}
	cred := 0
	switch fn.Name() {
	case "KeyAuth":
		return call.Args[0], 0, true
	case "BasicAuth":
		return call.Args[0], 1, true
	case "KeyAuthWithConfig":
	case "BasicAuthWithConfig":
		cred = 1
	default:
		return nil, 0, false
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
	if !ok {
		return nil, 0, false
	}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Validator" {
				return kv.Value, cred, true
			}
		}
	}
	return nil, 0, false
}

// validatorFixedKey returns the configured key the validator given to
// call compares the presented credential with, if it does.
func (st *state) validatorFixedKey(fn *types.Func, call *ast.CallExpr) (string, bool) {
	if call == nil {
		return "", false
	}
	info := st.pass.TypesInfo
	v, cred, ok := validatorArg(info, fn, call)
	if !ok {
		return "", false
	}
	var obj *types.Func
	switch e := ast.Unparen(v).(type) {
	case *ast.Ident:
		obj, _ = info.Uses[e].(*types.Func)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok && sel.Kind() == types.MethodVal {
			obj, _ = sel.Obj().(*types.Func)
		}
	}
	if obj == nil {
		return "", false
	}
	fi := st.byObj[obj.Origin()]
	if fi == nil {
		return "", false
	}
	k, ok := fi.fixedParams[cred]
	if !ok {
		return "", false
	}
	return k.key, true
}
