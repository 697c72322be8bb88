package plainhttp

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A gRPC client of the process's own server. An in-process gateway
// (grpc-gateway's pattern: fulcio's HTTP server calling its TLS gRPC
// endpoint) dials "localhost:<its own port>" with a config that skips
// verification, because the server's certificate names the public host.
// The connection never leaves the machine, so nothing can be read or
// changed on a path. It is left alone when the config goes only into
// credentials.NewTLS, that into grpc.WithTransportCredentials, and that
// only into gRPC dials of the same function whose targets are all on
// the loopback interface (a constant, "localhost:"+port,
// fmt.Sprintf("localhost:%s", port), net.JoinHostPort("127.0.0.1", port),
// or a variable every value of which is one of those), and the function
// returns no dial options for others to use. The config may be a local
// variable set field by field (cfg := base.Clone(); cfg.InsecureSkipVerify
// = true; creds := credentials.NewTLS(cfg)) when that is its only way
// out (configWTC).

// loopbackGRPC reports whether the config cfg, set at the top of
// stack, is such a config.
func (c *checker) loopbackGRPC(cfg ast.Expr, stack []ast.Node) bool {
	body := funcBodyOf(stack)
	if body == nil {
		return false
	}
	var wtc *ast.CallExpr
	newTLS := false
	for i := len(stack) - 1; i >= 0 && wtc == nil; i-- {
		call, ok := stack[i].(*ast.CallExpr)
		if !ok {
			continue
		}
		switch c.funcName(call) {
		case grpcPath + "/credentials.NewTLS":
			newTLS = true
		case grpcPath + ".WithTransportCredentials":
			if newTLS {
				wtc = call
			}
		default:
			if newTLS {
				return false // the credentials go somewhere else first
			}
		}
	}
	if wtc == nil && !newTLS {
		wtc = c.configWTC(body, cfg, stack[len(stack)-1].Pos())
	}
	if wtc == nil {
		return false
	}
	info := c.pass.TypesInfo
	used, ok := false, true
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if dialOptionType(info.TypeOf(r)) {
					ok = false
				}
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if _, local := ast.Unparen(l).(*ast.Ident); !local && i < len(n.Rhs) && dialOptionType(info.TypeOf(n.Rhs[i])) {
					ok = false // stored in a field or an element
				}
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			at, dial := -1, false
			if fn != nil && fn.Pkg() != nil && trimVendor(fn.Pkg().Path()) == grpcPath {
				at, dial = grpcDials[grpcPath+"."+fn.Name()]
			}
			if !dial {
				if fn == nil || fn.Pkg() != nil && trimVendor(fn.Pkg().Path()) == grpcPath {
					return true
				}
				for _, a := range n.Args {
					if !dialOptionType(info.TypeOf(a)) || !isCall(info, body, a, wtc) && !holdsCall(info, body, a, wtc) {
						continue
					}
					// Handed to other code: a function given one
					// target string and the options dials it with
					// them (grpc-gateway's generated
					// RegisterXHandlerFromEndpoint); anything else
					// may keep them.
					used = true
					t := soleString(info, n)
					if t == nil || !c.loopbackTarget(t) {
						ok = false
					}
				}
				return true
			}
			if at >= len(n.Args) {
				return true
			}
			for _, o := range c.dialOptions(n, at+1, stack) {
				if !isCall(info, body, o.expr, wtc) && !holdsCall(info, body, o.expr, wtc) {
					continue
				}
				used = true
				if !c.loopbackTarget(n.Args[at]) {
					ok = false
				}
			}
		}
		return true
	})
	return used && ok
}

// configWTC returns the grpc.WithTransportCredentials call that the
// local config variable cfg reaches through credentials.NewTLS, when
// that is its only way out of body: every other use reads or sets one
// of its fields, or hands it to a function value (a customizing hook)
// before at, where verification is turned off. The credentials reach
// the option directly or through a local set once. Anything else (a
// second config, a store, a call after at) gives nil.
func (c *checker) configWTC(body *ast.BlockStmt, cfg ast.Expr, at token.Pos) *ast.CallExpr {
	info := c.pass.TypesInfo
	id, ok := ast.Unparen(cfg).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pos() < body.Pos() || v.Pos() > body.End() {
		return nil
	}
	var newTLS *ast.CallExpr
	ok = true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		use, isID := n.(*ast.Ident)
		if !isID || info.Uses[use] != v || !ok {
			return ok
		}
		parent := stack[len(stack)-2]
		if u, amp := parent.(*ast.UnaryExpr); amp && u.Op == token.AND && len(stack) >= 3 {
			parent = stack[len(stack)-3]
		}
		switch p := parent.(type) {
		case *ast.SelectorExpr:
			// a field read or set
		case *ast.CallExpr:
			if _, static := typeutil.Callee(info, p).(*types.Func); static {
				if c.funcName(p) != grpcPath+"/credentials.NewTLS" || newTLS != nil {
					ok = false
				}
				newTLS = p
			} else if p.Pos() >= at || isConversion(info, p) {
				ok = false
			}
		default:
			ok = false
		}
		return ok
	})
	if !ok || newTLS == nil {
		return nil
	}
	// The credentials: inside the option, or a local set once to them.
	var wtc *ast.CallExpr
	ast.Inspect(body, func(n ast.Node) bool {
		call, isCallExpr := n.(*ast.CallExpr)
		if !isCallExpr || c.funcName(call) != grpcPath+".WithTransportCredentials" || len(call.Args) != 1 {
			return true
		}
		if isCall(info, body, call.Args[0], newTLS) {
			if wtc != nil {
				ok = false
			}
			wtc = call
		}
		return true
	})
	if !ok {
		return nil
	}
	return wtc
}

// isConversion reports whether call converts a value to a type.
func isConversion(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsType()
}

// dialOptionType reports whether t is grpc.DialOption or a slice of it.
func dialOptionType(t types.Type) bool {
	if s, ok := t.(*types.Slice); ok {
		t = s.Elem()
	}
	return isNamed(t, grpcPath, "DialOption")
}

// loopbackTarget reports whether every value the dial target e may
// have (the package's resolver: constants, variables, concatenations,
// fmt.Sprintf, net.JoinHostPort) names the loopback interface or a
// local socket, whatever its port.
func (c *checker) loopbackTarget(e ast.Expr) bool {
	cs := c.res.resolve(e)
	for _, k := range cs {
		host, local := grpcTargetHost(k.s)
		if !local && classifyHost(host, "", nil, true) != hostLocal {
			return false
		}
	}
	return len(cs) > 0
}

// singleAssignment returns the value v is given when it is defined in
// body and never assigned again, or nil.
func singleAssignment(info *types.Info, body *ast.BlockStmt, v *types.Var) ast.Expr {
	var rhs ast.Expr
	n := 0
	ast.Inspect(body, func(node ast.Node) bool {
		as, ok := node.(*ast.AssignStmt)
		if !ok {
			if u, ok := node.(*ast.UnaryExpr); ok && u.Op == token.AND {
				if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && info.Uses[id] == v {
					n += 2 // its address is taken
				}
			}
			return true
		}
		for i, l := range as.Lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok || (info.Defs[id] != v && info.Uses[id] != v) {
				continue
			}
			n++
			if len(as.Rhs) == len(as.Lhs) {
				rhs = as.Rhs[i]
			}
		}
		return true
	})
	if n != 1 {
		return nil
	}
	return rhs
}

// isCall reports whether e is call, or a local variable set once to it.
func isCall(info *types.Info, body *ast.BlockStmt, e, call ast.Expr) bool {
	e = ast.Unparen(e)
	if e == call {
		return true
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pos() >= body.Pos() && v.Pos() <= body.End() && singleAssignment(info, body, v) == call
}

// holdsCall reports whether e is a local slice of dial options that
// call is put in (opts = append(opts, call) or a literal holding it).
func holdsCall(info *types.Info, body *ast.BlockStmt, e, call ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pos() < body.Pos() || v.Pos() > body.End() {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for i, l := range as.Lhs {
			lid, ok := ast.Unparen(l).(*ast.Ident)
			if !ok || i >= len(as.Rhs) || (info.Defs[lid] != v && info.Uses[lid] != v) {
				continue
			}
			ast.Inspect(as.Rhs[i], func(m ast.Node) bool {
				if m == call {
					found = true
				}
				return !found
			})
		}
		return true
	})
	return found
}

// soleString returns the one string argument of call, or nil when it
// has none or several.
func soleString(info *types.Info, call *ast.CallExpr) ast.Expr {
	var out ast.Expr
	for _, a := range call.Args {
		b, ok := info.TypeOf(a).Underlying().(*types.Basic)
		if !ok || b.Info()&types.IsString == 0 {
			continue
		}
		if out != nil {
			return nil
		}
		out = a
	}
	return out
}
