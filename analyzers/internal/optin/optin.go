// Package optin recognises code that runs only because an operator
// asked for it: a statement under an if (or an untagged switch case, or
// after an early return) whose condition names an opt-in (a flag or
// setting called insecure, skipVerify, dev, debug …). A check switched
// off there is the operator's explicit choice, the same as a switch
// set from the flag itself (InsecureSkipVerify: cfg.Insecure), which
// the analyzers leave alone or report as an opt-in note.
package optin

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// Words in the condition of an enclosing if say that skipping
// verification is an operator's explicit choice (a flag, a dev mode):
// the same as InsecureSkipVerify: cfg.Insecure, which is left alone.
// Words naming only the subject (tls, ssl, cert) are no such choice:
// under if cfg.NeedTLS every TLS connection goes unverified. A mode
// setting (config.SSLMode == 3) and a switch to ignore errors
// (r.ignoreTLSErrors, AcceptInvalidCerts) are.
var Words = []string{"insecure", "unsafe", "skip", "verif", "validat", "ignore", "invalid", "sslmode", "tlsmode", "ssl_mode", "tls_mode",
	"dev", "debug", "test", "local", "selfsigned", "self_signed"}

// Under reports whether the node on top of stack runs only as decided
// by an enclosing if whose condition names an opt-in (Words).
// A switch of the certificate check (o.noTLSCheck) counts as well.
func Under(stack []ast.Node) bool {
	return under(stack, func(e ast.Expr) bool { return mentions(e, Words) || checkSwitch(e) })
}

// Names reports whether an expression names an opt-in (Words, or a
// switch of the certificate check): the key a map of clients is indexed
// with (httpClients[tmpl.InsecureSkipVerify]).
func Names(e ast.Expr) bool { return mentions(e, Words) || checkSwitch(e) }

// Stack returns the path from the root of the syntax tree to n through
// a parent map (astparent.Record), root first, as ast.Inspect's stack
// would hold it with n on top.
func Stack(parents map[ast.Node]ast.Node, n ast.Node) []ast.Node {
	var rev []ast.Node
	for p := n; p != nil; p = parents[p] {
		rev = append(rev, p)
	}
	out := make([]ast.Node, len(rev))
	for i, p := range rev {
		out[len(rev)-1-i] = p
	}
	return out
}

// UnderCondition reports whether the node on top of stack runs only as
// decided by an enclosing if (in the same function) whose condition
// mentions one of words.
func UnderCondition(stack []ast.Node, words []string) bool {
	return under(stack, func(e ast.Expr) bool { return mentions(e, words) })
}

func under(stack []ast.Node, names func(ast.Expr) bool) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncDecl:
			return false
		case *ast.FuncLit:
			// A closure made under the condition exists only when
			// it holds (if skipTLSVerification { t.DialTLS =
			// func(...) { tls.Dial(..., &tls.Config{InsecureSkipVerify:
			// true}) } }): the enclosing ifs decide for it too.
			continue
		case *ast.BlockStmt:
			// An early return decides too: if !c.SkipVerify { return }.
			for _, g := range EarlyReturns(s, stack[i+1]) {
				if names(g.Cond) {
					return true
				}
			}
		case *ast.IfStmt:
			// The body and the else branch both depend on the
			// condition: if !cfg.VerifyTLS {…} and if cfg.Verify {…} else {…}.
			if stack[i+1] == s.Init || stack[i+1] == s.Cond {
				continue
			}
			if names(s.Cond) {
				return true
			}
		case *ast.CaseClause:
			for _, e := range CaseConds(stack, i) {
				if names(e) {
					return true
				}
			}
		}
	}
	return false
}

// mentions reports whether a condition mentions one of words.
func mentions(cond ast.Expr, words []string) bool {
	low := strings.ToLower(types.ExprString(cond))
	for _, w := range words {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// checkSwitch reports whether a condition names a switch of the
// certificate check (o.noTLSCheck, cfg.TLSCheck, skipCertCheck): "check"
// beside the subject checked. A switch that disables the subject
// (disableTls, w.DisableTLS: flagger's webhook setting documented as
// "disable TLS verification") counts when it is tested as it is, not
// negated: under if !disableTLS the connection is meant to be secure.
func checkSwitch(cond ast.Expr) bool {
	// The switch itself, or its negation: a comparison with a value
	// (HostKeyCheck == "strict") says which way it is set.
	e := ast.Unparen(cond)
	negated := false
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		e = ast.Unparen(u.X)
		negated = true
	}
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
	default:
		return false
	}
	subject, check, disable := false, false, false
	for _, w := range credname.Words(types.ExprString(cond)) {
		switch w {
		case "tls", "ssl", "cert", "certs", "certificate", "certificates", "host", "hostname":
			subject = true
		case "check", "checks", "checking":
			check = true
		case "disable", "disabled", "disables":
			disable = true
		}
	}
	return subject && (check || disable && !negated)
}

// CaseConds returns the expressions of the case clause at stack[i] when
// the node above it is in the clause's body and the clause belongs to a
// switch without a tag: switch { case d.skipVerify: … } runs the body
// only when one of the expressions holds, as if d.skipVerify {…} does.
// A tagged switch (switch mode { case "x": }) and the default clause
// give none.
func CaseConds(stack []ast.Node, i int) []ast.Expr {
	cc, sw := caseBody(stack, i)
	if cc == nil || sw.Tag != nil {
		return nil
	}
	return cc.List
}

// CaseTag returns the tag of the switch whose case clause is at stack[i]
// when the node above it is in the clause's body: switch mode { case
// "none": … } runs the body as mode decides, as if mode == "none" {…}
// does. A switch without a tag, and a node in a case expression, give
// nil.
func CaseTag(stack []ast.Node, i int) ast.Expr {
	cc, sw := caseBody(stack, i)
	if cc == nil {
		return nil
	}
	return sw.Tag
}

// caseBody returns the case clause at stack[i] and its switch when the
// node above the clause is in its body, not one of its case expressions;
// nil, nil otherwise.
func caseBody(stack []ast.Node, i int) (*ast.CaseClause, *ast.SwitchStmt) {
	cc, ok := stack[i].(*ast.CaseClause)
	if !ok || i < 2 || i+1 >= len(stack) {
		return nil, nil
	}
	sw, ok := stack[i-2].(*ast.SwitchStmt)
	if !ok {
		return nil, nil
	}
	for _, e := range cc.List {
		if stack[i+1] == e {
			return nil, nil // a case expression, not the body
		}
	}
	return cc, sw
}

// EarlyReturns returns the if statements of block, before its statement
// next, that leave the function when their negated condition holds and
// have no else: the statements after them run only when the negated
// operand is true (if !c.SkipVerify { return ctx }; return
// insecureClient()). An early return on the option itself (if
// cfg.SkipVerify { return insecure }) guards the other way: the code
// after it runs when the user did not opt in, so it is not returned.
func EarlyReturns(block *ast.BlockStmt, next ast.Node) []*ast.IfStmt {
	var out []*ast.IfStmt
	for _, st := range block.List {
		if st == next {
			return out
		}
		is, ok := st.(*ast.IfStmt)
		if !ok || is.Else != nil || len(is.Body.List) == 0 {
			continue
		}
		if u, ok := ast.Unparen(is.Cond).(*ast.UnaryExpr); !ok || u.Op != token.NOT {
			continue
		}
		if _, ok := is.Body.List[len(is.Body.List)-1].(*ast.ReturnStmt); ok {
			out = append(out, is)
		}
	}
	return nil // next is not a statement of block
}

// configTagKeys are the struct tag keys of the libraries that fill a
// field from a configuration file, the environment or the command line.
var configTagKeys = []string{"toml", "yaml", "mapstructure", "env", "envconfig", "flag", "ini", "hcl", "koanf"}

// ConfigTagged reports whether a struct field's tag binds it to the
// operator's configuration: a file, an environment variable or a flag
// (`envconfig:"REDIS_SSL_CERT_REQS"`). json is not among them: the same
// tag decodes what a client sends.
func ConfigTagged(tag string) bool {
	for _, k := range configTagKeys {
		if _, ok := reflect.StructTag(tag).Lookup(k); ok {
			return true
		}
	}
	return false
}

// Chain returns the branches of an if/else-if/else chain from its top
// and the conditions of its links: branches[i] runs under conds[i],
// and a final else block, if any, is one branch more.
func Chain(top *ast.IfStmt) (branches []*ast.BlockStmt, conds []ast.Expr) {
	for s := top; s != nil; {
		branches = append(branches, s.Body)
		conds = append(conds, s.Cond)
		switch e := s.Else.(type) {
		case *ast.IfStmt:
			s = e
		case *ast.BlockStmt:
			branches = append(branches, e)
			s = nil
		default:
			s = nil
		}
	}
	return branches, conds
}
