package tokenverify

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/terminal"
)

// What the user types at the terminal.
//
// A function of the shared table (internal/terminal) that returns what
// the user typed (a prompt's answer or a password read without echo:
// promptui, x/term, gopass, speakeasy, prompter, promptkit), and a line
// read from a bufio reader or scanner on os.Stdin, return the local
// user's own input, not a stored or configured secret: a comparison of
// two of them, or of one with a value the function was handed (a
// password and its retyped copy, as photoprism's `users add` command
// asks for), checks a retype, not a credential. What the user types
// compared with a stored value is still reported: the stored side
// decides.
//
// fmt.Scan, Scanln and Scanf (terminal.Fill) need nothing here: they
// fill a variable through a pointer, and a variable is stored only by
// what is assigned to it (storedSide follows its definitions, not the
// calls its address is handed to).
//
// A server is given its secret on stdin as often as at a prompt
// (piped from a secret manager, --password-stdin): a value read at the
// terminal compared with a value the network request carries is what
// the server was given to check requests against, a stored value
// (suppliedVsStored sets termStored).

// terminalRead reports whether call returns what the user typed at the
// terminal: a function that answers with it (terminal.Answer), or a line
// read from a bufio reader or scanner that wraps os.Stdin.
func (c *pkgctx) terminalRead(call *ast.CallExpr, fn *types.Func) bool {
	if terminal.Of(fn) == terminal.Answer {
		return true
	}
	if !terminal.LineRead(fn) {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	return c.wrapsStdin(sel.X, 0)
}

// wrapsStdin reports whether e is a bufio reader or scanner made on
// os.Stdin (bufio.NewReader(os.Stdin)), directly or through the local
// variable that holds it, in every assignment.
func (c *pkgctx) wrapsStdin(e ast.Expr, depth int) bool {
	if depth > 2 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if terminal.Of(c.callee(x)) != terminal.Wrap || len(x.Args) == 0 {
			return false
		}
		sel, ok := ast.Unparen(x.Args[0]).(*ast.SelectorExpr)
		return ok && terminal.Stdin(c.info.Uses[sel.Sel])
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || v.IsField() || isPkgVar(v) || c.isParam(v) || len(c.defs[v]) == 0 {
			return false
		}
		for _, d := range c.defs[v] {
			if d.rhs == nil || d.index >= 0 || d.rng || !c.wrapsStdin(d.rhs, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}
