package plainhttp

import (
	"crypto/tls"
	"go/ast"
	"go/constant"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// insecureSuites are the cipher suites Go itself lists as insecure
// (tls.InsecureCipherSuites: RC4, 3DES, CBC with SHA-256 and the
// anonymous or export-grade ones it knows), by ID. The list comes from
// the standard library the analyzer is built with, not from names.
var insecureSuites = func() map[uint16]string {
	m := map[uint16]string{}
	for _, s := range tls.InsecureCipherSuites() {
		m[s.ID] = s.Name
	}
	return m
}()

// cipherSuites reports a tls.Config CipherSuites list, written in the
// literal lit, that enables suites the standard library lists as
// insecure. Left alone: a config whose MinVersion in the same literal is
// TLS 1.3 (suites are then not used), a list chosen under a condition
// the user controls, TLS probing tools, and test-support code.
func (c *checker) cipherSuites(lit *ast.CompositeLit, list ast.Expr, stack []ast.Node) {
	elts, ok := ast.Unparen(list).(*ast.CompositeLit)
	if !ok || c.isTestFile(list.Pos()) || minVersionAtLeast13(c, lit) {
		return
	}
	var names []string
	var first ast.Expr
	for _, e := range elts.Elts {
		tv, ok := c.pass.TypesInfo.Types[e]
		if !ok || tv.Value == nil {
			continue
		}
		id, ok := constant.Uint64Val(constant.ToInt(tv.Value))
		if !ok || id > 0xffff {
			continue
		}
		if name, bad := insecureSuites[uint16(id)]; bad {
			names = append(names, name)
			if first == nil {
				first = e
			}
		}
	}
	if first == nil || c.userCondition(stack) || c.ssaForm().probesAt(c.enclosingFunc(stack)) {
		return
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      first.Pos(),
		End:      elts.End(),
		Category: catCipherSuite,
		Message: "tls.Config CipherSuites enables " + strings.Join(names, ", ") +
			", which the standard library lists as insecure; drop them or leave CipherSuites unset",
	})
}

// minVersionAtLeast13 reports whether the literal sets MinVersion to a
// constant of TLS 1.3 or later, where CipherSuites is not used.
func minVersionAtLeast13(c *checker, lit *ast.CompositeLit) bool {
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != "MinVersion" {
			continue
		}
		if tv, ok := c.pass.TypesInfo.Types[kv.Value]; ok && tv.Value != nil {
			v, ok := constant.Uint64Val(constant.ToInt(tv.Value))
			return ok && v >= tls.VersionTLS13
		}
	}
	return false
}
