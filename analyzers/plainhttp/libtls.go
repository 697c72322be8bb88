package plainhttp

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Libraries' own TLS settings. Clients of Consul, Vault, Docker and many
// others take their TLS options as a struct of their own
// (consul's api.TLSConfig{CAFile: …, InsecureSkipVerify: true}), turned
// into a crypto/tls.Config inside the library. A bool field named
// InsecureSkipVerify means what tls.Config's does: set to true, the
// library does not check the server's certificate. So does a bool field
// named Insecure of a struct whose own name says TLS (client-go's
// rest.TLSClientConfig, promoted into rest.Config; Vault's
// api.TLSConfig). Only that field is judged, as tls.Config's is
// (skipVerify: user-controlled values are notes, test code is left
// alone); the struct's other fields (MinVersion as a string, a CA file)
// follow no convention.

// libTLSConfig reports whether t (or what it points to) is a struct type
// of another module (not the standard library, not the analysed
// package's module) with a bool field that turns verification off
// (InsecureSkipVerify, or Insecure in a type named for TLS), and returns
// the type's name for messages ("api.TLSConfig") and the field's name.
// A settings struct of the program's own module is judged where its
// field reaches a tls.Config.
func (c *checker) libTLSConfig(t types.Type) (name, field string, ok bool) {
	if t == nil {
		return "", "", false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || isStdlib(n.Obj().Pkg().Path()) || c.ownModule(n.Obj().Pkg().Path()) {
		return "", "", false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return "", "", false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Name() != "InsecureSkipVerify" && (f.Name() != "Insecure" || !strings.Contains(n.Obj().Name(), "TLS")) {
			continue
		}
		if b, ok := f.Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			return n.Obj().Pkg().Name() + "." + n.Obj().Name(), f.Name(), true
		}
	}
	return "", "", false
}

// fieldOwner returns the struct type that declares the field sel
// selects, following embedded fields (rest.Config's Insecure is
// rest.TLSClientConfig's), or nil.
func fieldOwner(info *types.Info, sel *ast.SelectorExpr) types.Type {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	t := s.Recv()
	idx := s.Index()
	for _, i := range idx[:len(idx)-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return nil
		}
		t = st.Field(i).Type()
	}
	return t
}

// libSkipLit judges the verification field of a library's TLS settings
// literal.
func (c *checker) libSkipLit(lit *ast.CompositeLit, name, field string, stack []ast.Node) {
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != field || isConstFalse(c.pass.TypesInfo, kv.Value) {
			continue
		}
		var cfg ast.Expr = lit
		if len(stack) >= 2 {
			if u, ok := stack[len(stack)-2].(*ast.UnaryExpr); ok && u.Op == token.AND && u.X == lit {
				cfg = u
			}
		}
		c.cfgName, c.cfgField = name, field
		c.skipVerify(kv, kv.Value, cfg, stack)
		c.cfgName, c.cfgField = "", ""
	}
}

// ownModule reports whether path is a package of the analysed package's
// module: below the module's path when the driver knows it, else below
// the first three elements of the package's path (github.com/owner/repo)
// or its first one.
func (c *checker) ownModule(path string) bool {
	root := ""
	if m := c.pass.Module; m != nil && m.Path != "" {
		root = m.Path
	} else {
		parts := strings.Split(c.pass.Pkg.Path(), "/")
		n := 1
		if strings.Contains(parts[0], ".") && len(parts) >= 3 {
			n = 3
		}
		root = strings.Join(parts[:n], "/")
	}
	return path == root || strings.HasPrefix(path, root+"/")
}
