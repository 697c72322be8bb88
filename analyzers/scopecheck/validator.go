package scopecheck

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/webfw"
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

// validatorArg returns the validator a call of echo's KeyAuth,
// KeyAuthWithConfig, BasicAuth or BasicAuthWithConfig is given (an
// argument, or the field of a configuration literal, of one of echo's
// validator types), and the index of the validator's parameter that
// receives the credential.
func validatorArg(info *types.Info, fn *types.Func, call *ast.CallExpr) (ast.Expr, int, bool) {
	if fn.Pkg() == nil || !webfw.EchoMiddleware(fn.Pkg().Path()) || len(call.Args) != 1 {
		return nil, 0, false
	}
	arg := call.Args[0]
	if cred, ok := webfw.EchoValidator(fn.Type().(*types.Signature).Params().At(0).Type()); ok {
		return arg, cred, true
	}
	lit, ok := ast.Unparen(arg).(*ast.CompositeLit)
	if !ok {
		return nil, 0, false
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if f, ok := info.Uses[id].(*types.Var); ok {
			if cred, ok := webfw.EchoValidator(f.Type()); ok {
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
	var fi *fnInfo
	switch e := ast.Unparen(v).(type) {
	case *ast.Ident:
		obj, _ = info.Uses[e].(*types.Func)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok && sel.Kind() == types.MethodVal {
			obj, _ = sel.Obj().(*types.Func)
		}
	case *ast.FuncLit:
		// middleware.KeyAuth(func(key string, c echo.Context) (bool,
		// error) { return key == b.GetString("Token"), nil }).
		fi = st.byLit[e]
	}
	if obj != nil {
		fi = st.byObj[obj.Origin()]
	}
	if fi == nil {
		return "", false
	}
	k, ok := fi.fixedParams[cred]
	if !ok {
		return "", false
	}
	return k.key, true
}
