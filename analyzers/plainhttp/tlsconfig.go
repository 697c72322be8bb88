package plainhttp

import (
	"crypto/tls"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// isTLSConfig reports whether t is crypto/tls.Config or a pointer to it.
func isTLSConfig(t types.Type) bool { return isNamed(t, "crypto/tls", "Config") }

// tlsLit checks a tls.Config literal.
func (c *checker) tlsLit(lit *ast.CompositeLit, stack []ast.Node) {
	if !isTLSConfig(typeOf(c.pass.TypesInfo, lit)) {
		return
	}
	var skip *ast.KeyValueExpr
	custom := false
	later := c.laterSets(lit, stack)
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if later[id.Name] {
			// Set again further down the same function: the later
			// assignment decides, and is judged where it is.
			continue
		}
		switch id.Name {
		case "InsecureSkipVerify":
			if isConstTrue(c.pass.TypesInfo, kv.Value) {
				skip = kv
			}
		case "VerifyPeerCertificate", "VerifyConnection":
			custom = !isNil(c.pass.TypesInfo, kv.Value)
		case "MinVersion", "MaxVersion":
			c.tlsVersion(id.Name, kv.Value)
		}
	}
	if skip != nil && !custom && !optIn(stack) {
		c.reportSkipVerify(skip)
	}
}

// tlsAssign checks cfg.InsecureSkipVerify = true and cfg.MinVersion = v.
func (c *checker) tlsAssign(as *ast.AssignStmt, stack []ast.Node) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return
	}
	info := c.pass.TypesInfo
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok || !isTLSConfig(typeOf(info, sel.X)) {
			continue
		}
		switch sel.Sel.Name {
		case "InsecureSkipVerify":
			if isConstTrue(info, as.Rhs[i]) && !optIn(stack) && !setsVerifier(info, sel.X, stack) {
				c.reportSkipVerify(as)
			}
		case "MinVersion", "MaxVersion":
			c.tlsVersion(sel.Sel.Name, as.Rhs[i])
		}
	}
}

func (c *checker) reportSkipVerify(n ast.Node) {
	if c.isTestFile(n.Pos()) {
		return // a test harness dialling the servers it starts
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      n.Pos(),
		End:      n.End(),
		Category: catSkipVerify,
		Message:  "tls.Config sets InsecureSkipVerify to true: the server's certificate and name are not checked, so anyone on the path can read and change the traffic",
	})
}

// tlsVersion reports a MinVersion or MaxVersion below TLS 1.2, with a fix
// when the value is written as a crypto/tls constant.
func (c *checker) tlsVersion(field string, v ast.Expr) {
	tv, ok := c.pass.TypesInfo.Types[v]
	if !ok || tv.Value == nil {
		return // set at run time: an operator's choice
	}
	n, ok := constant.Uint64Val(constant.ToInt(tv.Value))
	if !ok || n == 0 || n >= tls.VersionTLS12 {
		return // zero means Go's default, which is TLS 1.2 for clients and servers
	}
	name := versionName(n)
	d := analysis.Diagnostic{
		Pos:      v.Pos(),
		End:      v.End(),
		Category: catTLSVersion,
		Message:  "tls.Config " + field + " is " + name + ", below TLS 1.2; use tls.VersionTLS12 or later",
	}
	if field == "MaxVersion" {
		d.Message = "tls.Config MaxVersion is " + name + ", which caps connections below TLS 1.2; remove it or use tls.VersionTLS13"
	}
	if sel, ok := ast.Unparen(v).(*ast.SelectorExpr); ok {
		if o := c.pass.TypesInfo.Uses[sel.Sel]; o != nil && o.Pkg() != nil && o.Pkg().Path() == "crypto/tls" {
			to := "VersionTLS12"
			if field == "MaxVersion" {
				to = "VersionTLS13"
			}
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "use tls." + to,
				TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(to)}},
			}}
		}
	}
	c.pass.Report(d)
}

func versionName(n uint64) string {
	switch n {
	//lint:ignore SA1019 naming the deprecated version is the point
	case tls.VersionSSL30: //nolint:staticcheck // (golangci-lint's spelling of the same)
		return "SSL 3.0"
	case tls.VersionTLS10:
		return "TLS 1.0"
	case tls.VersionTLS11:
		return "TLS 1.1"
	}
	return "an unknown version below TLS 1.2"
}

func isConstTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// optInWords in the condition of an enclosing if say that skipping
// verification is an operator's explicit choice (a flag, a dev mode):
// the same as InsecureSkipVerify: cfg.Insecure, which is left alone.
var optInWords = []string{"insecure", "unsafe", "skip", "tls", "ssl", "cert", "verif",
	"dev", "debug", "test", "local", "selfsigned", "self_signed"}

// optIn reports whether the node on top of stack runs only as decided by
// an enclosing if whose condition names an opt-in.
func optIn(stack []ast.Node) bool { return underCondition(stack, optInWords) }

// setsVerifier reports whether the function around the top of stack sets
// VerifyPeerCertificate or VerifyConnection on the config cfg (written
// as the same expression), which replaces the checks InsecureSkipVerify
// turns off.
func setsVerifier(info *types.Info, cfg ast.Expr, stack []ast.Node) bool {
	var body *ast.BlockStmt
	for i := len(stack) - 1; i >= 0 && body == nil; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
	}
	if body == nil {
		return false
	}
	want := types.ExprString(cfg)
	isVerifier := func(name string) bool { return name == "VerifyPeerCertificate" || name == "VerifyConnection" }
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			// cfg.VerifyConnection = …
			if isVerifier(n.Sel.Name) && isTLSConfig(typeOf(info, n.X)) && types.ExprString(n.X) == want {
				found = true
			}
		case *ast.AssignStmt:
			// cfg := &tls.Config{VerifyPeerCertificate: …}
			for i, l := range n.Lhs {
				if i >= len(n.Rhs) || types.ExprString(l) != want {
					continue
				}
				r := ast.Unparen(n.Rhs[i])
				if u, ok := r.(*ast.UnaryExpr); ok && u.Op == token.AND {
					r = u.X
				}
				if lit, ok := r.(*ast.CompositeLit); ok && isTLSConfig(typeOf(info, lit)) {
					for _, e := range lit.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							if id, ok := kv.Key.(*ast.Ident); ok && isVerifier(id.Name) {
								found = true
							}
						}
					}
				}
			}
		}
		return !found
	})
	return found
}

// laterSets returns the fields of the tls.Config built by lit that the
// enclosing function assigns again after the literal (cfg := &tls.Config{
// MinVersion: tls.VersionTLS10}; …; cfg.MinVersion = tls.VersionTLS12):
// the last write decides what the connection uses.
func (c *checker) laterSets(lit *ast.CompositeLit, stack []ast.Node) map[string]bool {
	info := c.pass.TypesInfo
	var holder types.Object
	var body *ast.BlockStmt
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.AssignStmt:
			if holder == nil && len(n.Lhs) == len(n.Rhs) {
				for j, r := range n.Rhs {
					if r := ast.Unparen(r); r == lit || isAddrOf(r, lit) {
						if id, ok := ast.Unparen(n.Lhs[j]).(*ast.Ident); ok {
							holder = info.ObjectOf(id)
						}
					}
				}
			}
		case *ast.ValueSpec:
			if holder == nil && len(n.Names) == len(n.Values) {
				for j, r := range n.Values {
					if r := ast.Unparen(r); r == lit || isAddrOf(r, lit) {
						holder = info.Defs[n.Names[j]]
					}
				}
			}
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
		if body != nil {
			break
		}
	}
	if holder == nil || body == nil {
		return nil
	}
	out := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Pos() < lit.End() || as.Tok != token.ASSIGN {
			return true
		}
		for _, l := range as.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.ObjectOf(id) == holder {
					out[sel.Sel.Name] = true
				}
			}
		}
		return true
	})
	return out
}

func isAddrOf(e ast.Expr, lit *ast.CompositeLit) bool {
	u, ok := e.(*ast.UnaryExpr)
	return ok && u.Op == token.AND && ast.Unparen(u.X) == lit
}
