package scopecheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// Work a handler protects (writes and reads of application state), and
// the expression helpers messages use.

// isAbstract reports whether fn is an interface method, whose
// implementation scopecheck cannot see at the call.
func isAbstract(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}

func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// stateWrite describes a write to application state: an element or
// field of a package variable, a receiver or a captured variable, or a
// package variable itself. Assigning a captured local (err, result) is
// not state.
func (s *scan) stateWrite(l ast.Expr) string {
	l = ast.Unparen(l)
	if s.local(l) || s.connState(l) {
		return "" // connection state (connstate.go)
	}
	if id, ok := l.(*ast.Ident); ok {
		v, ok := s.info.ObjectOf(id).(*types.Var)
		if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
			return ""
		}
	}
	if authRelatedName(exprString(l)) {
		return ""
	}
	return "writes " + exprString(l)
}

// stateRead describes a read of a collection held by the package, the
// receiver or a captured variable: s.orders, users.
func (s *scan) stateRead(e ast.Expr) string {
	var v *types.Var
	switch e := e.(type) {
	case *ast.Ident:
		v, _ = s.info.Uses[e].(*types.Var)
	case *ast.SelectorExpr:
		if sel := s.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			v, _ = sel.Obj().(*types.Var)
		} else {
			v, _ = s.info.Uses[e.Sel].(*types.Var)
		}
	}
	if v == nil || s.lookedUp[e] || s.connState(e) || s.a.constTable(v) {
		return "" // connection state, a constant table (connstate.go)
	}
	switch v.Type().Underlying().(type) {
	case *types.Map, *types.Slice:
	default:
		return ""
	}
	if s.local(e) || authRelatedName(v.Name()) || authzFieldName(v.Name()) || configReach(e) {
		return ""
	}
	if id, ok := e.(*ast.Ident); ok {
		// An identifier that is a struct field (in a composite literal
		// key) or a local is not state.
		if v.IsField() {
			return ""
		}
		_ = id
	}
	return "reads " + exprString(e)
}

// authRelatedName reports whether a variable or field name is about
// authentication machinery (keys, verifiers, configuration, loggers),
// whose use is not the work a handler protects.
func authRelatedName(name string) bool {
	if credname.IsCredential(name) {
		return true
	}
	for _, w := range credname.Words(name) {
		switch w {
		case "key", "keys", "verifier", "secret", "secrets", "jwks", "auth", "config", "cfg", "conf", "log", "logger",
			"issuer", "provider", "enforcer", "mu", "mutex", "lock", "tokens", "token", "sessions", "session", "metrics",
			"allowed", "allowlist", "whitelist", "origins", "public", "routes", "handlers", "middleware", "middlewares",
			"scopes", "roles", "permissions":
			return true
		}
	}
	return false
}

func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }

// exprString renders a short expression for messages.
func exprString(e ast.Expr) string {
	var b strings.Builder
	writeExpr(&b, e, 0)
	s := b.String()
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

func writeExpr(b *strings.Builder, e ast.Expr, depth int) {
	if depth > 6 {
		b.WriteString("…")
		return
	}
	switch e := e.(type) {
	case *ast.Ident:
		b.WriteString(e.Name)
	case *ast.SelectorExpr:
		writeExpr(b, e.X, depth+1)
		b.WriteString(".")
		b.WriteString(e.Sel.Name)
	case *ast.CallExpr:
		if _, conv := e.Fun.(*ast.ArrayType); conv && len(e.Args) == 1 {
			writeExpr(b, e.Args[0], depth+1) // []byte(key)
			return
		}
		writeExpr(b, e.Fun, depth+1)
		b.WriteString("(…)")
	case *ast.IndexExpr:
		writeExpr(b, e.X, depth+1)
		b.WriteString("[")
		writeExpr(b, e.Index, depth+1)
		b.WriteString("]")
	case *ast.BasicLit:
		// Never quote a literal whole: it may be a hardcoded key. Four
		// leading characters are enough to recognise it.
		v := e.Value
		if e.Kind == token.STRING && len(v) > 6 {
			v = v[:5] + "…" + v[len(v)-1:]
		}
		b.WriteString(v)
	case *ast.StarExpr:
		b.WriteString("*")
		writeExpr(b, e.X, depth+1)
	case *ast.ParenExpr:
		writeExpr(b, e.X, depth+1)
	case *ast.UnaryExpr:
		b.WriteString(e.Op.String())
		writeExpr(b, e.X, depth+1)
	case *ast.TypeAssertExpr:
		writeExpr(b, e.X, depth+1)
		b.WriteString(".(…)")
	case *ast.CompositeLit:
		if e.Type != nil {
			writeExpr(b, e.Type, depth+1)
		}
		b.WriteString("{…}")
	case *ast.FuncLit:
		b.WriteString("func literal")
	default:
		b.WriteString(fmt.Sprintf("%T", e)[5:])
	}
}
