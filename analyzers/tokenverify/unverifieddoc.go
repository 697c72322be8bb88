package tokenverify

import (
	"go/ast"
	"go/types"
	"regexp"
	"strings"
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
// A documented decoder: a function whose own doc comment (Go style,
// starting with its name) says it performs no verification
// ("ParseIDToken converts a raw ID token … Does not perform any
// verification of the ID token") states its contract as plainly as one
// named ParseUnverified, which the rule already leaves to its callers
// (unverifiedWrapper).

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

// noVerifyDoc matches a sentence stating that something does not
// verify or validate: "Does not perform any verification", "it does not
// verify the signature".
var noVerifyDoc = regexp.MustCompile(`(?i)\b(does not|doesn't|will not|won't)( perform| do)?( any)?( signature)? (verif|validat)`)

// documentedUnverified reports whether the declaration's doc comment is
// the function's own (it starts with the function's name, as Go doc
// comments do) and states that the function does not verify. A comment
// that only describes the code ("claims of an unverified token decide
// access") is no contract.
func documentedUnverified(d *ast.FuncDecl) bool {
	if d.Doc == nil {
		return false
	}
	text := d.Doc.Text()
	return strings.HasPrefix(text, d.Name.Name+" ") && noVerifyDoc.MatchString(text)
}
