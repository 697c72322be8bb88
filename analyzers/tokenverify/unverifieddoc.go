package tokenverify

import (
	"go/ast"
	"go/types"
	"regexp"
)

// Two more honest uses of an unverified decode.
//
// Logging: a logging library's call (zerolog's Event.Interface, zap's
// fields, logrus' WithField, slog) returns an event, a field or a
// logger, not the claims. Claims that only reach such a value are
// written to a log, which trusts nothing; following them into the event
// and out as the function's result (a log-field builder that returns
// its *zerolog.Event) would take a log line for a decision.
//
// A documented decoder: a function whose doc comment says it performs
// no verification ("Does not perform any verification of the ID
// token") states its contract as plainly as one named ParseUnverified,
// which the rule already leaves to its callers (unverifiedWrapper).

// logResult reports whether call is a logging call, whose result
// carries no claim a program decides on.
func (c *pkgctx) logResult(call *ast.CallExpr) bool {
	fn := c.callee(call)
	return fn != nil && isLogCall(fn) && !isErrorResult(fn)
}

// isErrorResult reports whether fn's only result is an error (fmt.Errorf
// and the like): an error carries its text to the caller, who may
// decide on it.
func isErrorResult(fn *types.Func) bool {
	res := fn.Type().(*types.Signature).Results()
	return res.Len() == 1 && isErrorType(res.At(0).Type())
}

// noVerifyDoc matches a doc comment stating that the function does not
// verify the token.
var noVerifyDoc = regexp.MustCompile(`(?i)\b(does not|doesn't|do not|will not|won't|without)( perform| performing| doing| any| the| its| signature| token)* (verif|validat)|\bunverified\b|\bnot (been )?verified\b`)

// documentedUnverified reports whether the declaration's doc comment
// says the function does not verify what it decodes.
func documentedUnverified(d *ast.FuncDecl) bool {
	return d.Doc != nil && noVerifyDoc.MatchString(d.Doc.Text())
}
