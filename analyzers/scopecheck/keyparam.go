package scopecheck

import (
	"go/ast"
	"go/types"
)

// A helper given the key. telegraf's Firehose listener hands its
// configured access key to a helper, msg.authenticate(req, f.AccessKey),
// which compares the request's header with its parameter through the
// key type's own method (expected.EqualTo([]byte(key))). In the helper
// the key is a parameter, not configuration; at the call it is the
// listener's configuration. The helper records which parameter the
// request's credential is compared with (keyParams); a caller that
// passes a key fixed by configuration there (fixedArgs) makes the access
// decision, as the comparison written in the caller would: one
// principal, or several of equal power. The mirror of fixedparam.go,
// where the caller passes the credential and the helper holds the key.

// compareMethodNames are the methods of a key type that compare it with
// a value.
var compareMethodNames = map[string]bool{
	"Equal": true, "Equals": true, "EqualTo": true, "EqualsTo": true, "Matches": true, "Match": true,
}

// compareMethod reports whether call is a key's comparison method
// given one argument (key.EqualTo(b), k.Equal(v)), returning a bool
// first: the receiver and the argument are compared.
func (s *scan) compareMethod(call *ast.CallExpr, fn *types.Func) (recv, arg ast.Expr, ok bool) {
	if fn == nil || len(call.Args) != 1 || !compareMethodNames[fn.Name()] {
		return nil, nil, false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || sig.Results().Len() == 0 || !boolish(sig.Results().At(0).Type()) {
		return nil, nil, false
	}
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel || s.info.Selections[sel] == nil {
		return nil, nil, false
	}
	return sel.X, call.Args[0], true
}

// keyParamCompare records that the scanned helper compares a credential
// of the request with other, one of its parameters.
func (s *scan) keyParamCompare(other ast.Expr) {
	if s.fi.kind != notHandler || s.fi.decl == nil || s.fixedKey(other, 0) {
		return
	}
	idx := s.paramPos(other)
	if idx < 0 {
		return
	}
	if s.fi.keyParams == nil {
		s.fi.keyParams = map[int]bool{}
	}
	s.fi.keyParams[idx] = true
}

// recordFixedArgs records the arguments of a call to a function of the
// package that are keys fixed by configuration in the scanned function.
func (s *scan) recordFixedArgs(call *ast.CallExpr, fn *types.Func) {
	if fn == nil || s.a.byObj[fn] == nil || s.inFallback {
		return
	}
	for i, a := range call.Args {
		if s.cred(a) == "" && s.knownKey(a) && s.fixedKey(a, 0) {
			s.fi.fixedArgs = append(s.fi.fixedArgs, keyArg{fn, i, exprString(a)})
		}
	}
}

// keyArg is a key fixed by configuration passed to a function of the
// package as argument idx.
type keyArg struct {
	fn  *types.Func
	idx int
	key string
}
