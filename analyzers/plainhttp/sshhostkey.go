package plainhttp

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authvet/authvet/analyzers/internal/textual"
)

// sshPath is the SSH client package whose host-key check this file
// judges.
const sshPath = "golang.org/x/crypto/ssh"

func init() {
	relevantImports = append(relevantImports, sshPath)
}

func isSSHClientConfig(t types.Type) bool { return isNamed(t, sshPath, "ClientConfig") }

// isHostKeyCallback reports whether t is ssh.HostKeyCallback: the type
// of ssh.ClientConfig's field, and of the fields other SSH clients hold
// it in (go-git's HostKeyCallbackHelper, embedded in its PublicKeys and
// Password auth methods).
func isHostKeyCallback(t types.Type) bool { return isNamed(t, sshPath, "HostKeyCallback") }

// sshLit checks the HostKeyCallback of a literal of ssh.ClientConfig or
// of any struct whose field of that name is an ssh.HostKeyCallback.
func (c *checker) sshLit(lit *ast.CompositeLit, stack []ast.Node) {
	t := typeOf(c.pass.TypesInfo, lit)
	if isSSHClientConfig(t) && (c.probeLogin(lit) || c.loopbackSSHDial(lit, stack)) {
		return
	}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "HostKeyCallback" {
				if f, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok && f.IsField() && isHostKeyCallback(f.Type()) {
					c.hostKey(kv, kv.Value, ownerName(t), stack)
				}
			}
		}
	}
}

// sshAssign checks x.HostKeyCallback = … for such a field, promoted or
// not (auth.HostKeyCallback of go-git's *ssh.PublicKeys).
func (c *checker) sshAssign(as *ast.AssignStmt, stack []ast.Node) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		switch l := ast.Unparen(l).(type) {
		case *ast.SelectorExpr:
			if l.Sel.Name != "HostKeyCallback" {
				continue
			}
			if s, ok := c.pass.TypesInfo.Selections[l]; ok && s.Kind() == types.FieldVal && isHostKeyCallback(s.Obj().Type()) {
				c.hostKey(as, as.Rhs[i], ownerName(typeOf(c.pass.TypesInfo, l.X)), stack)
			}
		case *ast.Ident:
			// hostKeyCallback = ssh.InsecureIgnoreHostKey() on one
			// branch, the config given the variable afterwards
			// (argo-events' SFTP source, password path).
			if v, ok := c.pass.TypesInfo.ObjectOf(l).(*types.Var); ok && isHostKeyCallback(v.Type()) {
				c.hostKey(as, as.Rhs[i], "the host-key callback "+l.Name, stack)
			}
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
func (c *checker) hostKey(n ast.Node, v ast.Expr, what string, stack []ast.Node) {
	if c.isTestFile(n.Pos()) || optIn(stack) || hostKeyOptOut(c.pass.TypesInfo, stack) {
		return
	}
	how := " accepts any host key"
	if !c.acceptsAnyKey(v) {
		fl, ok := ast.Unparen(v).(*ast.FuncLit)
		if !ok || !acceptsAnyWhenUnset(c.pass.TypesInfo, fl) {
			return
		}
		how = " accepts any host key while no host key is configured, which is the default"
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      n.Pos(),
		End:      n.End(),
		Category: catSSHHostKey,
		Message:  what + how + ": the server is not authenticated, so anyone on the path can pose as it and receive the password or the session; check the key against known_hosts (golang.org/x/crypto/ssh/knownhosts) or a pinned ssh.FixedHostKey",
	})
}

// acceptsAnyWhenUnset reports whether a host-key callback begins by
// accepting every key when the configured keys are empty
// (if len(s.hostKey) == 0 { return nil }, sing-box's SSH outbound):
// the check exists, but a client configured with no key, the default,
// never makes it. The emptiness test must be of a value the callback
// is not given (the configuration), not of its parameters.
func acceptsAnyWhenUnset(info *types.Info, fl *ast.FuncLit) bool {
	if fl.Body == nil || len(fl.Body.List) < 2 {
		return false
	}
	ifs, ok := fl.Body.List[0].(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) != 1 {
		return false
	}
	ret, ok := ifs.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 || !isNil(info, ret.Results[0]) {
		return false
	}
	cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.EQL {
		return false
	}
	x := ast.Unparen(cond.X)
	if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && textual.IsBuiltin(info, id, "len") && isZero(info, cond.Y) {
			return !usesParams(info, fl, call.Args[0])
		}
	}
	if isNil(info, cond.Y) {
		return !usesParams(info, fl, x)
	}
	return false
}

// isZero reports whether e is the constant 0.
func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.String() == "0"
}

// usesParams reports whether e reads a parameter of fl.
func usesParams(info *types.Info, fl *ast.FuncLit, e ast.Expr) bool {
	params := paramObjs(info, fl)
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && params[info.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

// ownerName names the holder of a HostKeyCallback field for a message:
// ssh.ClientConfig, or the field of another type (the HostKeyCallback
// of ssh.PublicKeys).
func ownerName(t types.Type) string {
	if isSSHClientConfig(t) {
		return "ssh.ClientConfig"
	}
	return "the HostKeyCallback of " + typeName(t)
}

// typeName names a struct type for a message: its package's name and
// its own (ssh.PublicKeys), through a pointer.
func typeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name()
	}
	return "the SSH client's configuration"
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
	params := paramObjs(info, fl)
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

// An explicit opt-out of host-key checking.
//
// A setting about host keys compared with the value that turns the
// check off (known_hosts_file = "none", host_key_checking = "no") is the
// user writing down that they want no check: the option's documented
// off value, as `if insecure` is the TLS rule's opt-in (optIn). The code
// under that comparison is not reported. The default reached when the
// setting is empty, any other value, and a comparison with != (which
// runs the code when the user did not opt out) are judged as before.

// hostKeySettingWords are the words (lower case, without separators) of
// a setting about host-key checking.
var hostKeySettingWords = []string{"knownhost", "hostkey", "stricthostkey"}

// hostKeyOffValues are the values of such a setting that say "no check".
var hostKeyOffValues = map[string]bool{
	"none": true, "no": true, "off": true, "false": true, "0": true,
	"ignore": true, "disable": true, "disabled": true, "insecure": true, "skip": true,
}

// isHostKeySetting reports whether e, read as a name, is about host-key
// checking.
func isHostKeySetting(e ast.Expr) bool {
	name := strings.ToLower(types.ExprString(e))
	name = strings.NewReplacer("_", "", "-", "", ".", "").Replace(name)
	for _, w := range hostKeySettingWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// offValue reports whether e is a string constant naming the off value.
func offValue(info *types.Info, e ast.Expr) bool {
	v, ok := textual.ConstString(info, e)
	return ok && hostKeyOffValues[strings.ToLower(strings.TrimSpace(v))]
}

// optsOut reports whether cond, or one operand of a chain of && in it,
// is setting == off value.
func optsOut(info *types.Info, cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LAND:
		return optsOut(info, b.X) || optsOut(info, b.Y)
	case token.EQL:
		return (isHostKeySetting(b.X) && offValue(info, b.Y)) || (isHostKeySetting(b.Y) && offValue(info, b.X))
	}
	return false
}

// hostKeyOptOut reports whether the node on top of stack runs only when
// a host-key setting holds its off value: in the body of an if whose
// condition says so, or of a case clause of a switch on the setting
// (switch opt.KnownHostsFile { case "none": … }) or of a tagless switch
// (case opt.KnownHostsFile == "none":).
func hostKeyOptOut(info *types.Info, stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if stack[i+1] == s.Body && optsOut(info, s.Cond) {
				return true
			}
		case *ast.CaseClause:
			inBody := false
			for _, st := range s.Body {
				if stack[i+1] == st {
					inBody = true
				}
			}
			if !inBody || i < 2 {
				continue
			}
			sw, ok := stack[i-2].(*ast.SwitchStmt)
			if !ok {
				continue
			}
			for _, e := range s.List {
				if sw.Tag == nil && optsOut(info, e) {
					return true
				}
				if sw.Tag != nil && isHostKeySetting(sw.Tag) && offValue(info, e) {
					return true
				}
			}
		}
	}
	return false
}

// paramObjs returns the named parameters of a function literal.
func paramObjs(info *types.Info, fl *ast.FuncLit) map[types.Object]bool {
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
	return params
}

// probeLogin reports whether an ssh.ClientConfig literal logs in with
// nothing secret: its only auth methods are ssh.Password calls whose
// constant password is its constant User (sshportal's Docker
// healthcheck, healthcheck/healthcheck against an account that lets any
// password in). An impostor answering at the address learns a password
// everyone knows; the probe's verdict is all it could fake. A config
// with a real password, a key, or a user or password read at run time
// is judged as before.
func (c *checker) probeLogin(lit *ast.CompositeLit) bool {
	info := c.pass.TypesInfo
	var user string
	var auth ast.Expr
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		switch id.Name {
		case "User":
			user, _ = textual.ConstString(info, kv.Value)
		case "Auth":
			auth = kv.Value
		}
	}
	methods, ok := ast.Unparen(auth).(*ast.CompositeLit)
	if user == "" || !ok || len(methods.Elts) == 0 {
		return false
	}
	for _, m := range methods.Elts {
		call, ok := ast.Unparen(m).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return false
		}
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		if !ok || fn.Pkg() == nil || trimVendor(fn.Pkg().Path()) != sshPath || fn.Name() != "Password" {
			return false
		}
		if pw, ok := textual.ConstString(info, call.Args[0]); !ok || pw != user {
			return false
		}
	}
	return true
}

// loopbackSSHDial reports whether lit, an ssh.ClientConfig literal, is
// handed directly (or by address) to ssh.Dial or ssh.NewClientConn whose
// address names the loopback interface: a process logging in to its own
// SSH listener (shellhub's web terminal dials "localhost:2222", the
// server it runs in). No one on a network path can pose as that server.
func (c *checker) loopbackSSHDial(lit *ast.CompositeLit, stack []ast.Node) bool {
	var arg ast.Node = lit
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.CompositeLit:
			if p == lit {
				continue
			}
			return false
		case *ast.UnaryExpr:
			if p.Op == token.AND && p.X == arg {
				arg = p
				continue
			}
			return false
		case *ast.ParenExpr:
			arg = p
			continue
		case *ast.CallExpr:
			fn, ok := typeutil.Callee(c.pass.TypesInfo, p).(*types.Func)
			if !ok || fn.Pkg() == nil || fn.Pkg().Path() != sshPath {
				return false
			}
			addr := -1
			switch fn.Name() {
			case "Dial":
				addr = 1
			case "NewClientConn":
				addr = 1
			}
			if addr < 0 || len(p.Args) != 3 || p.Args[2] != arg {
				return false
			}
			return c.loopbackTarget(p.Args[addr])
		default:
			return false
		}
	}
	return false
}
