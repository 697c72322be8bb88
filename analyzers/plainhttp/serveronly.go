package plainhttp

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// A config that only accepts connections.
//
// InsecureSkipVerify controls whether a client checks the certificate
// chain and name of the server it dials; crypto/tls never reads it on
// the server side of a handshake (a server's check of its clients is
// ClientAuth). A config made in the function and used only to accept
// connections turns nothing off: it is handed to tls.Server,
// tls.NewListener or tls.Listen, stored in an http.Server's TLSConfig,
// or passed to a function of the package whose parameter is used only
// in those ways (followed three calls deep, through go statements too).
// Setting its fields is not a use. Any other use (tls.Client, tls.Dial,
// an http.Transport, a return, a store elsewhere, a method such as
// Clone, a function not in the package) keeps the finding: the config
// may dial. Relay and peer servers copy one literal between client and
// server code and leave the field in (syncthing's strelaysrv).

// serverOnly reports whether the tls.Config written as cfg (a literal,
// &T{…}, or the pointer whose field is assigned) in the function around
// the top of stack is made there and used only to accept connections.
func (c *checker) serverOnly(cfg ast.Expr, stack []ast.Node) bool {
	fn := c.enclosingFunc(stack)
	if fn == nil || cfg == nil {
		return false
	}
	v, _ := fn.ValueForExpr(cfg)
	if v == nil {
		return false
	}
	if _, ok := v.(*ssa.Alloc); !ok {
		return false // made elsewhere: its other uses are not seen
	}
	served := false
	if !serverUses(v, &served, 0, map[ssa.Value]bool{}) {
		return false
	}
	return served
}

// serverUses reports whether every use of the config pointer v is a
// server's; served is set when one is seen.
func serverUses(v ssa.Value, served *bool, depth int, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.FieldAddr:
			if r.X != v {
				return false
			}
			// the config's own field: written (the literal) or read
			if !fieldOnlyAccessed(r) {
				return false
			}
		case *ssa.Phi:
			if !serverUses(r, served, depth, seen) {
				return false
			}
		case *ssa.Store:
			if r.Val != v || !serverField(r.Addr) {
				return false
			}
			*served = true
		case ssa.CallInstruction:
			if !serverCall(r.Common(), v, served, depth, seen) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// fieldOnlyAccessed reports whether a field address of the config is
// only loaded from or stored to, never passed on.
func fieldOnlyAccessed(fa *ssa.FieldAddr) bool {
	refs := fa.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != fa {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// serverField reports whether addr is the TLSConfig field of a
// net/http.Server.
func serverField(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok || !isNamed(fa.X.Type(), "net/http", "Server") {
		return false
	}
	f := fieldOf(fa.X.Type(), fa.Field)
	return f != nil && f.Name() == "TLSConfig"
}

// serverCall reports whether the call uses v only as a server's config.
func serverCall(call *ssa.CallCommon, v ssa.Value, served *bool, depth int, seen map[ssa.Value]bool) bool {
	if call.IsInvoke() || call.Value == v {
		return false
	}
	callee := call.StaticCallee()
	if callee == nil || call.Signature().Recv() != nil {
		return false // a method (cfg.Clone()) or a function value
	}
	if obj := callee.Object(); obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "crypto/tls" {
		switch callee.Name() {
		case "Server", "NewListener", "Listen":
			*served = true
			return true
		}
		return false
	}
	if depth >= 3 || callee.Parent() != nil || len(callee.Blocks) == 0 || callee.Pkg == nil || !samePkg(callee, v) {
		return false
	}
	for i, a := range call.Args {
		if a != v {
			continue
		}
		if i >= len(callee.Params) || !serverUses(callee.Params[i], served, depth+1, seen) {
			return false
		}
	}
	return true
}

// samePkg reports whether fn is in the package of the function that
// holds v.
func samePkg(fn *ssa.Function, v ssa.Value) bool {
	p := v.Parent()
	for p != nil && p.Parent() != nil {
		p = p.Parent()
	}
	return p != nil && p.Pkg == fn.Pkg
}
