package tokenlog

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// Prefix helpers.
//
// A helper that shows a token's first n characters
//
//	func tokenPrefix(token string, n int) string {
//		if len(token) <= n {
//			return token
//		}
//		return token[:n] + "..."
//	}
//
// called with a small constant (tokenPrefix(oldToken, 8), devlake's
// GitHub App token refresh) logs an identifier of the token, as
// tok[:min(len(tok), 8)] does inline (values.go, shortSlice): a token no
// longer than the bound is no credential of any real format.
//
// Rule: a function of the package with a string parameter s and an
// integer parameter n, calling nothing but builtins, whose every return
// is s on the branch where len(s) is at most n, or s[:n] with constants
// appended; a call of it whose bound argument is a constant of at most
// shortSlicePrefix gives no credential.

// prefixHelper returns the indexes of the string and bound parameters of
// such a function.
func prefixHelper(fn *ssa.Function) (si, ni int, ok bool) {
	if fn == nil || len(fn.Blocks) == 0 || fn.Signature.Recv() != nil || fn.Signature.Results().Len() != 1 || !isString(fn.Signature.Results().At(0).Type()) {
		return 0, 0, false
	}
	si, ni = -1, -1
	for i, p := range fn.Params {
		b, isBasic := p.Type().Underlying().(*types.Basic)
		switch {
		case isBasic && b.Info()&types.IsString != 0 && si < 0:
			si = i
		case isBasic && b.Info()&types.IsInteger != 0 && ni < 0:
			ni = i
		}
	}
	if si < 0 || ni < 0 {
		return 0, 0, false
	}
	s, n := fn.Params[si], fn.Params[ni]
	sliced := false
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Call:
				if _, builtin := in.Call.Value.(*ssa.Builtin); !builtin {
					return 0, 0, false
				}
			case *ssa.Go, *ssa.Defer, *ssa.Store, *ssa.Send, *ssa.Panic:
				return 0, 0, false
			case *ssa.Return:
				r := in.Results[0]
				switch {
				case r == s:
					if !shortBranch(b, s, n) {
						return 0, 0, false
					}
				case prefixOf(r, s, n):
					sliced = true
				default:
					return 0, 0, false
				}
			}
		}
	}
	return si, ni, sliced
}

// prefixOf reports whether v is s[:n], alone or with constants
// appended.
func prefixOf(v ssa.Value, s, n ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.Slice:
			return x.X == s && x.Low == nil && x.High == n
		case *ssa.BinOp:
			if x.Op != token.ADD {
				return false
			}
			if _, ok := x.Y.(*ssa.Const); !ok {
				return false
			}
			v = x.X
		default:
			return false
		}
	}
}

// shortBranch reports whether block b runs only when len(s) is at most
// n: it is the branch of an if on len(s) <= n (or < n) taken when the
// test holds, or of len(s) > n (or >= n) taken when it fails.
func shortBranch(b *ssa.BasicBlock, s, n ssa.Value) bool {
	if len(b.Preds) != 1 {
		return false
	}
	p := b.Preds[0]
	iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	cond, ok := iff.Cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	isLen := func(v ssa.Value) bool {
		c, ok := v.(*ssa.Call)
		if !ok || len(c.Call.Args) != 1 || c.Call.Args[0] != s {
			return false
		}
		bi, ok := c.Call.Value.(*ssa.Builtin)
		return ok && bi.Name() == "len"
	}
	op := cond.Op
	switch {
	case isLen(cond.X) && cond.Y == n:
	case isLen(cond.Y) && cond.X == n:
		// n >= len(s) is len(s) <= n.
		switch op {
		case token.LEQ:
			op = token.GEQ
		case token.LSS:
			op = token.GTR
		case token.GEQ:
			op = token.LEQ
		case token.GTR:
			op = token.LSS
		}
	default:
		return false
	}
	taken := p.Succs[0] == b
	switch op {
	case token.LEQ, token.LSS:
		return taken
	case token.GTR, token.GEQ:
		return !taken
	}
	return false
}

// shortPrefixCall reports whether c calls a prefix helper, or a named
// end helper, with a small constant bound.
func shortPrefixCall(c *ssa.CallCommon, callee *ssa.Function) bool {
	_, ni, ok := prefixHelper(callee)
	if !ok {
		_, ni, ok = endHelper(callee)
	}
	return ok && !c.IsInvoke() && ni < len(c.Args) && smallConst(c.Args[ni])
}

// End helpers.
//
// A helper named for the end of a string it keeps (lastN, firstN,
// tail, suffix, headChars) that takes the string and a count and calls
// nothing but builtins and conversions shows that many characters of
// it, however it builds the result (mattermost-plugin-github's
// lastN(secret, 4) keeps the last four and writes '*' over the three
// before them). Called with a small constant count, it shows an
// identifier of the credential, as prefix helpers do. The name is the
// helper's promise; the body's only calls being builtins keeps it from
// handing the whole string on.

// endWords name the end of a string a helper keeps.
var endWords = map[string]bool{"last": true, "first": true, "tail": true, "head": true, "suffix": true, "prefix": true, "trailing": true, "leading": true}

// endHelper returns the indexes of the string and count parameters of
// such a function.
func endHelper(fn *ssa.Function) (si, ni int, ok bool) {
	if fn == nil || len(fn.Blocks) == 0 || fn.Signature.Recv() != nil || fn.Signature.Results().Len() != 1 || !isString(fn.Signature.Results().At(0).Type()) {
		return 0, 0, false
	}
	named := false
	for _, w := range credname.Words(fn.Name()) {
		if endWords[w] {
			named = true
		}
	}
	if !named || len(fn.Params) != 2 {
		return 0, 0, false
	}
	si, ni = -1, -1
	for i, p := range fn.Params {
		b, isBasic := p.Type().Underlying().(*types.Basic)
		switch {
		case isBasic && b.Info()&types.IsString != 0:
			si = i
		case isBasic && b.Info()&types.IsInteger != 0:
			ni = i
		}
	}
	if si < 0 || ni < 0 {
		return 0, 0, false
	}
	for _, in := range instrs(fn.Blocks) {
		switch in := in.(type) {
		case *ssa.Call:
			if _, builtin := in.Call.Value.(*ssa.Builtin); !builtin {
				return 0, 0, false
			}
		case *ssa.Go, *ssa.Defer, *ssa.Send, *ssa.Panic:
			return 0, 0, false
		case *ssa.Store:
			if _, global := in.Addr.(*ssa.Global); global {
				return 0, 0, false
			}
		case *ssa.Return:
			if len(in.Results) == 1 && in.Results[0] == fn.Params[si] {
				return 0, 0, false // the whole string, on some path
			}
		}
	}
	return si, ni, true
}
