package tokenverify

import (
	"go/ast"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// A token named by its function. temporal's scheduler checks a
// schedule's optimistic-concurrency token with
// validateConflictToken(token []byte) (bytes.Equal against a
// serialization of its version counter): the bare parameter "token"
// takes its kind from the function's name, as a bare "token" field
// takes it from its struct's name (credname.CursorField). A function
// whose name ends in a kind of token that is no credential (conflict,
// page, continuation, branch … credname.TokenKindFunc) names its bare
// "token" parameter; a qualified parameter (accessToken) or any other
// function (validateToken(token)) decides as before.

// cursorParam reports whether e, an operand of the compare n, is a bare
// "token" parameter of the function declaration around n whose name
// says the token is no credential.
func (c *pkgctx) cursorParam(n, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	obj := c.info.Uses[id]
	if obj == nil || !c.isParam(obj) {
		return false
	}
	fd, ok := c.enclosingFunc(n).(*ast.FuncDecl)
	if !ok || fd.Type.Params == nil {
		return false
	}
	for _, f := range fd.Type.Params.List {
		for _, name := range f.Names {
			if c.info.Defs[name] == obj {
				return credname.CursorParam(fd.Name.Name, id.Name)
			}
		}
	}
	return false
}
