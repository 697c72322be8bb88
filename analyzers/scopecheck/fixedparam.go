package scopecheck

import (
	"go/ast"
	"go/types"
)

// A helper of the package that compares one of its parameters with a
// key fixed by configuration (a project's own copy of gin's BasicAuth:
// authPairs.searchCredential(authValue) ranging over the configured
// accounts, nightingale's pkg/ginx) makes the access decision for the
// credential its caller passes there, as the comparison would written
// in the caller: one principal, or several of equal power. The helper's
// parameter carries no credential in its own scan, so the comparison is
// recorded by parameter and credited to callers that pass a credential
// in that position (propagateCalls).

// fixedParamCompare records that the scanned function compares its
// parameter e with other, a fixed key.
func (s *scan) fixedParamCompare(e, other ast.Expr) {
	if s.fi.kind != notHandler || s.fi.decl == nil && s.fi.lit == nil {
		return
	}
	idx := s.paramPos(e)
	if idx < 0 || !s.knownKey(other) || !s.fixedKey(other, 0) {
		return
	}
	// A key read from the receiver is the configuration only if the
	// caller's receiver is (a list a middleware factory built from its
	// arguments, not a server's users): decided at the call.
	own := s.fixedWithoutRecv(other)
	if s.fi.fixedParams == nil {
		s.fi.fixedParams = map[int]fixedParam{}
	}
	if _, seen := s.fi.fixedParams[idx]; !seen {
		s.fi.fixedParams[idx] = fixedParam{key: exprString(other), viaRecv: !own}
	}
}

// fixedParam is a configured key a helper compares a parameter with;
// viaRecv when it is configuration only if the helper's receiver is.
type fixedParam struct {
	key     string
	viaRecv bool
}

// recvFixed reports whether the receiver of a method call is fixed by
// configuration without counting the scanned function's own receiver
// (pairs := processAccounts(accounts) in a middleware factory given
// the accounts).
func (s *scan) recvFixed(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || s.info.Selections[sel] == nil {
		return false
	}
	return s.fixedWithoutRecv(sel.X)
}

// fixedWithoutRecv is fixedKey not counting a receiver as
// configuration.
func (s *scan) fixedWithoutRecv(e ast.Expr) bool {
	s.noRecv = true
	defer func() { s.noRecv = false }()
	return s.fixedKey(e, 0)
}

// paramPos returns the index among the declared parameters (receiver
// not counted) of the parameter e is, through conversions and
// one-argument calls that convert or digest it ([]byte(authValue),
// StringToBytes(authValue), sha256.Sum256(…)), or -1.
func (s *scan) paramPos(e ast.Expr) int {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if len(call.Args) == 1 {
			return s.paramPos(call.Args[0])
		}
		return -1
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return -1
	}
	v, ok := s.info.ObjectOf(id).(*types.Var)
	if !ok {
		return -1
	}
	ft := (*ast.FuncType)(nil)
	switch {
	case s.fi.decl != nil:
		ft = s.fi.decl.Type
	case s.fi.lit != nil:
		ft = s.fi.lit.Type // a validator written in place
	default:
		return -1
	}
	i := 0
	for _, f := range ft.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, n := range f.Names {
			if n.Pos() == v.Pos() {
				return i
			}
			i++
		}
	}
	return -1
}

// credArg is a credential passed as argument idx of a function of the
// package.
type credArg struct {
	fn  *types.Func
	idx int
	// recvFixed: the call's receiver is fixed by configuration.
	recvFixed bool
}
