package textual

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestType(t *testing.T) {
	named := func(u types.Type) types.Type {
		return types.NewNamed(types.NewTypeName(0, nil, "T", nil), u, nil)
	}
	for _, c := range []struct {
		t    types.Type
		want bool
	}{
		{types.Typ[types.String], true},
		{types.Typ[types.UntypedString], true},
		{types.NewSlice(types.Typ[types.Byte]), true},
		{named(types.Typ[types.String]), true},
		{named(types.NewSlice(types.Typ[types.Uint8])), true},
		{types.Typ[types.Int], false},
		{types.NewSlice(types.Typ[types.String]), false},
		{types.NewSlice(types.Typ[types.Rune]), false},
		{types.NewPointer(types.Typ[types.String]), false},
	} {
		if got := Type(c.t); got != c.want {
			t.Errorf("Type(%v) = %v, want %v", c.t, got, c.want)
		}
	}
}

func TestConstString(t *testing.T) {
	fset := token.NewFileSet()
	const src = `package p

const prefix = "Bearer "

var n = 3

var (
	a = prefix + "x"
	b = n
	c = 7
	d = string("y")
)
`
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	if _, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	values := map[string]ast.Expr{}
	for _, d := range f.Decls {
		g := d.(*ast.GenDecl)
		for _, s := range g.Specs {
			if vs, ok := s.(*ast.ValueSpec); ok {
				values[vs.Names[0].Name] = vs.Values[0]
			}
		}
	}
	for _, c := range []struct {
		name string
		want string
		ok   bool
	}{
		{"prefix", "Bearer ", true},
		{"a", "Bearer x", true},
		{"b", "", false}, // a variable
		{"c", "", false}, // an integer constant
		{"d", "y", true},
	} {
		got, ok := ConstString(info, values[c.name])
		if got != c.want || ok != c.ok {
			t.Errorf("%s: ConstString = %q, %v; want %q, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
