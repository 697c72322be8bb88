package plainhttp

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// sshPath is the SSH client package whose host-key check this file
// judges.
const sshPath = "golang.org/x/crypto/ssh"

func init() {
	relevantImports = append(relevantImports, sshPath)
}

func isSSHClientConfig(t types.Type) bool { return isNamed(t, sshPath, "ClientConfig") }

// sshLit checks an ssh.ClientConfig literal's HostKeyCallback.
func (c *checker) sshLit(lit *ast.CompositeLit, stack []ast.Node) {
	if !isSSHClientConfig(typeOf(c.pass.TypesInfo, lit)) {
		return
	}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "HostKeyCallback" {
				c.hostKey(kv, kv.Value, stack)
			}
		}
	}
}

// sshAssign checks cfg.HostKeyCallback = ….
func (c *checker) sshAssign(as *ast.AssignStmt, stack []ast.Node) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if ok && sel.Sel.Name == "HostKeyCallback" && isSSHClientConfig(typeOf(c.pass.TypesInfo, sel.X)) {
			c.hostKey(as, as.Rhs[i], stack)
		}
	}
}

// hostKey reports a host-key callback that accepts every key:
// ssh.InsecureIgnoreHostKey(), or a function literal whose every return
// is nil and that reads none of its parameters. Such a client proves
// nothing about the server it logs in to, so a machine-in-the-middle
// receives its password or signs in with its key, as with a TLS client
// whose InsecureSkipVerify is true. Left alone: a callback that looks at
// the key (known_hosts, a pinned fingerprint, trust on first use), one
// set inside an if whose condition names the opt-in (if insecure {…}),
// and test-support code.
func (c *checker) hostKey(n ast.Node, v ast.Expr, stack []ast.Node) {
	if c.isTestFile(n.Pos()) || optIn(stack) {
		return
	}
	if !c.acceptsAnyKey(v) {
		return
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      n.Pos(),
		End:      n.End(),
		Category: catSSHHostKey,
		Message:  "ssh.ClientConfig accepts any host key: the server is not authenticated, so anyone on the path can pose as it and receive the password or the session; check the key against known_hosts (golang.org/x/crypto/ssh/knownhosts) or a pinned ssh.FixedHostKey",
	})
}

// acceptsAnyKey reports whether v, a HostKeyCallback, accepts every key.
func (c *checker) acceptsAnyKey(v ast.Expr) bool {
	info := c.pass.TypesInfo
	switch x := ast.Unparen(v).(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		return ok && fn.Pkg() != nil && trimVendor(fn.Pkg().Path()) == sshPath && fn.Name() == "InsecureIgnoreHostKey"
	case *ast.FuncLit:
		return onlyReturnsNil(info, x)
	}
	return false
}

// onlyReturnsNil reports whether a function literal returns nil on
// every return and never reads its parameters (the host name, the
// address, the key): it decides nothing about the key it is given.
func onlyReturnsNil(info *types.Info, fl *ast.FuncLit) bool {
	params := map[types.Object]bool{}
	if fl.Type.Params != nil {
		for _, f := range fl.Type.Params.List {
			for _, n := range f.Names {
				if o := info.Defs[n]; o != nil {
					params[o] = true
				}
			}
		}
	}
	returns, ok := 0, true
	ast.Inspect(fl.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if params[info.Uses[n]] {
				ok = false
			}
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) != 1 || !isNil(info, n.Results[0]) {
				ok = false
			}
		}
		return true
	})
	return ok && returns > 0
}
