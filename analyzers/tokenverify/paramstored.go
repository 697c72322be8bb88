package tokenverify

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// A stored secret handed to a helper. A check split into a helper
// (checkCredsBasic(user.Password, given), checkCredsToken(user.Password,
// token, salt) in gonic's Subsonic auth) compares values computed from
// its parameters: at the compare neither side is known to be stored.
// The rule: a parameter of a function of the package that does not
// escape (it is only called directly), every call of which passes a
// stored value there (a field of a loaded record, a store's getter: the
// storedSide rule, judged in the caller), is a stored side. Locals
// computed from it (expToken := hex(md5(password + salt))) follow, as
// storedSide already follows locals. The other side must still be
// supplied by the caller.

// paramFromCallers reports whether v, a parameter of fn, receives a
// stored value at every call.
func (c *pkgctx) paramFromCallers(fn ast.Node, v *types.Var, depth int) (stored, named bool) {
	if depth > 3 || !ownParam(fn, v) {
		return false, false
	}
	c.indexCalls()
	o, ok := c.owners[v]
	if !ok || c.escapes[o.fn] || len(c.calls[o.fn]) == 0 {
		return false, false
	}
	named = credname.IsCredential(v.Name())
	for _, call := range c.calls[o.fn] {
		if o.index >= len(call.Args) || (o.fn.Type().(*types.Signature).Variadic() && o.index == len(call.Args)-1) {
			return false, false
		}
		if c.fromRequest(call.Args[o.index], 0) {
			return false, false // the caller's own value, not a stored one
		}
		s, n := c.storedSide(c.enclosingFunc(call), call.Args[o.index], depth+1)
		if !s {
			return false, false
		}
		named = named || n
	}
	return true, named
}
