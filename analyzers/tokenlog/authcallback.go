package tokenlog

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/webfw"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// Authentication callbacks of web frameworks. A function the package
// hands to a framework's key or basic-auth middleware receives the
// credential the client presented, whatever its parameter is called:
// echo's KeyAuth calls its validator with the key from the
// Authorization header (func(key string, c echo.Context) (bool, error)),
// BasicAuth with the user name and password; fiber's keyauth and
// basicauth middleware take the same callbacks as configuration fields.
// That parameter is a credential in the callback's body, and logging it
// ("unknown key", key) writes the presented key, often a valid key of
// another tenant mistyped, or a password, to the log.

// callbackCred is the parameter of a callback that receives the
// presented credential.
type callbackCred struct {
	param int // among the declared parameters, receiver excluded
	kind  credname.Kind
	what  string
}

// echoCallbacks describe the credential echo's validator types receive,
// by the parameter's index (webfw.EchoValidator).
var echoCallbacks = map[int]callbackCred{
	0: {0, credname.APIKey, "the key echo's KeyAuth middleware hands its validator"},
	1: {1, credname.Password, "the password echo's BasicAuth middleware hands its validator"},
}

// authCallbackFields are configuration fields of function type that
// hold authentication callbacks.
var authCallbackFields = []struct {
	pkg, typ, field string
	cred            callbackCred
}{
	{"github.com/gofiber/fiber/v2/middleware/keyauth", "Config", "Validator", callbackCred{1, credname.APIKey, "the key fiber's keyauth middleware hands its validator"}},
	{"github.com/gofiber/fiber/v2/middleware/basicauth", "Config", "Authorizer", callbackCred{1, credname.Password, "the password fiber's basicauth middleware hands its authorizer"}},
}

// authCallbacks finds the functions (declared functions and methods by
// their *types.Func, function literals by their *ast.FuncLit) that the
// package's files hand to a framework as authentication callbacks.
func authCallbacks(pass *analysis.Pass, skip map[*token.File]bool) map[any]callbackCred {
	info := pass.TypesInfo
	var out map[any]callbackCred
	record := func(e ast.Expr, cred callbackCred) {
		var key any
		switch e := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			key = e
		case *ast.Ident:
			if fn, ok := info.Uses[e].(*types.Func); ok {
				key = fn
			}
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[e]; ok && sel.Kind() == types.MethodVal {
				if fn, ok := sel.Obj().(*types.Func); ok {
					key = fn.Origin()
				}
			} else if fn, ok := info.Uses[e.Sel].(*types.Func); ok {
				key = fn
			}
		}
		if key == nil {
			return
		}
		if out == nil {
			out = map[any]callbackCred{}
		}
		out[key] = cred
	}
	for _, file := range pass.Files {
		if skip[pass.Fset.File(file.Pos())] {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				fn, ok := typeutil.Callee(info, n).(*types.Func)
				if !ok {
					return true
				}
				sig := fn.Type().(*types.Signature)
				for i, a := range n.Args {
					var pt types.Type
					switch {
					case sig.Variadic() && i >= sig.Params().Len()-1:
						if s, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); ok && !n.Ellipsis.IsValid() {
							pt = s.Elem()
						}
					case i < sig.Params().Len():
						pt = sig.Params().At(i).Type()
					}
					if cred, ok := callbackType(pt); ok {
						record(a, cred)
					}
				}
			case *ast.CompositeLit:
				t := info.TypeOf(n)
				if t == nil {
					return true
				}
				named, _ := types.Unalias(t).(*types.Named)
				for _, e := range n.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					id, ok := kv.Key.(*ast.Ident)
					if !ok {
						continue
					}
					fld, ok := info.Uses[id].(*types.Var)
					if !ok {
						continue
					}
					if cred, ok := callbackType(fld.Type()); ok {
						record(kv.Value, cred)
						continue
					}
					if named == nil || named.Obj().Pkg() == nil {
						continue
					}
					for _, f := range authCallbackFields {
						if f.pkg == named.Obj().Pkg().Path() && f.typ == named.Obj().Name() && f.field == fld.Name() {
							record(kv.Value, f.cred)
						}
					}
				}
			}
			return true
		})
	}
	return out
}

// callbackType returns the credential parameter of a named
// authentication callback type.
func callbackType(t types.Type) (callbackCred, bool) {
	if t == nil {
		return callbackCred{}, false
	}
	if p, ok := webfw.EchoValidator(t); ok {
		return echoCallbacks[p], true
	}
	return callbackCred{}, false
}

// callbackSource returns the source of parameter p when its function is
// an authentication callback and p receives the presented credential.
func (st *pkgState) callbackSource(p *ssa.Parameter) (credsrc.Source, bool) {
	if len(st.callbacks) == 0 {
		return credsrc.Source{}, false
	}
	fn := p.Parent()
	var cred callbackCred
	ok := false
	if obj, isFunc := fn.Object().(*types.Func); isFunc {
		cred, ok = st.callbacks[obj]
	} else if lit, isLit := fn.Syntax().(*ast.FuncLit); isLit {
		cred, ok = st.callbacks[lit]
	}
	if !ok {
		return credsrc.Source{}, false
	}
	i := cred.param
	if fn.Signature.Recv() != nil {
		i++ // the receiver is Params[0]
	}
	if i >= len(fn.Params) || fn.Params[i] != p {
		return credsrc.Source{}, false
	}
	return credsrc.Source{Kind: cred.kind, Desc: fmt.Sprintf("%s in parameter %s (%s)", cred.kind, p.Name(), cred.what), Typed: true}, true
}
