package tokenlog

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// A credential made here, handed to the operator.
//
// A function that generates a credential at random and prints it to
// stdout (Gokapi's --reconfigure: a one-time user name and password for
// the setup server it then starts, printed in a banner) delivers it to
// the person who ran the program: nobody else had it, and stdout is how
// it reaches them. Where that stdout is a service's log, the credential
// stays in the log, so it is still worth a look, but not a warning: a
// fmt.Print* of a value whose every part that is not a constant comes
// from a random generator called in the same function (directly, or
// stored into a variable there) is a tokenlog/print-generated note,
// unless the function itself serves (its stdout is a server's log). A
// generator is a function that reads crypto/rand or math/rand, or calls
// one (in its package, or through randomFact in another). Logs, stderr,
// and a credential read from anywhere else (configuration, storage, a
// request) are judged as before.

// randomFact marks an exported function whose body draws random bytes
// (crypto/rand, math/rand) itself or through another such function.
type randomFact struct{}

func (*randomFact) AFact() {}

func (*randomFact) String() string { return "random result" }

var randomPkgs = map[string]bool{"crypto/rand": true, "math/rand": true, "math/rand/v2": true}

// randomFuncs returns the functions of the package that draw random
// bytes, and exports randomFact for the exported ones. It reads syntax
// only, so it runs for every package, relevant or not: a helper package
// of string utilities is where generators live.
func randomFuncs(pass *analysis.Pass, skip map[*token.File]bool) map[*types.Func]bool {
	decls := map[*types.Func]*ast.FuncDecl{}
	for _, f := range pass.Files {
		if skip[pass.Fset.File(f.Pos())] {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				decls[obj] = fd
			}
		}
	}
	random := map[*types.Func]bool{}
	draws := func(body *ast.BlockStmt) bool {
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			switch {
			case fn == nil || fn.Pkg() == nil:
			case randomPkgs[fn.Pkg().Path()], random[fn]:
				found = true
			case fn.Pkg() != pass.Pkg && pass.ImportObjectFact(fn, new(randomFact)):
				found = true
			}
			return !found
		})
		return found
	}
	for changed := true; changed; {
		changed = false
		for fn, d := range decls {
			if !random[fn] && draws(d.Body) {
				random[fn], changed = true, true
			}
		}
	}
	for fn := range random {
		if fn.Exported() {
			pass.ExportObjectFact(fn, &randomFact{})
		}
	}
	return random
}

// freshPrint reports whether v, printed to stdout in fn by the fmt sink
// name, is a credential fn generated: every part of it that is not a
// constant comes from a generator called in fn, and one part does.
func (st *pkgState) freshPrint(fn *ssa.Function, name string, v ssa.Value) bool {
	if !strings.HasPrefix(name, "fmt.Print") || serves(fn) {
		return false
	}
	fresh, clean := st.fresh(fn, v, 0)
	return fresh && clean
}

// fresh says whether some part of v comes from a generator called in fn
// (fresh), and whether every part does or is a constant (clean).
func (st *pkgState) fresh(fn *ssa.Function, v ssa.Value, depth int) (fresh, clean bool) {
	if depth > 6 {
		return false, false
	}
	both := func(vs ...ssa.Value) (bool, bool) {
		f, c := false, true
		for _, x := range vs {
			xf, xc := st.fresh(fn, x, depth+1)
			f, c = f || xf, c && xc
		}
		return f, c
	}
	switch v := v.(type) {
	case *ssa.Const:
		return false, true
	case *ssa.Call:
		callee := v.Call.StaticCallee()
		if callee == nil {
			return false, false
		}
		obj, _ := callee.Object().(*types.Func)
		if obj != nil && st.isRandom(obj) {
			return true, true
		}
		if callee.Pkg != nil && obj != nil && freshPassThrough(obj) {
			return both(v.Call.Args...)
		}
	case *ssa.BinOp:
		return both(v.X, v.Y)
	case *ssa.MakeInterface:
		return both(v.X)
	case *ssa.Convert:
		return both(v.X)
	case *ssa.ChangeType:
		return both(v.X)
	case *ssa.Phi:
		return both(v.Edges...)
	case *ssa.UnOp:
		if g, ok := v.X.(*ssa.Global); ok {
			return both(storedIn(fn, g)...)
		}
	case *ssa.Slice:
		if st.filledAtRandom(v) {
			return true, true
		}
		if a, ok := v.X.(*ssa.Alloc); ok {
			// The ... of a variadic call: its elements.
			return both(storedIn(fn, a)...)
		}
	case *ssa.MakeSlice:
		if st.filledAtRandom(v) {
			return true, true
		}
	}
	return false, false
}

// filledAtRandom reports whether the buffer v (a byte slice, or a slice
// of one) is filled by a random generator: rand.Read(b), or
// io.ReadFull(rand.Reader, b), given the buffer or any slice of it.
func (st *pkgState) filledAtRandom(v ssa.Value) bool {
	root := v
	for {
		s, ok := root.(*ssa.Slice)
		if !ok {
			break
		}
		root = s.X
	}
	switch root.(type) {
	case *ssa.Alloc, *ssa.MakeSlice:
	default:
		return false
	}
	var visit func(b ssa.Value, depth int) bool
	visit = func(b ssa.Value, depth int) bool {
		refs := b.Referrers()
		if refs == nil || depth > 3 {
			return false
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.Slice:
				if visit(r, depth+1) {
					return true
				}
			case *ssa.Call:
				if st.randomFill(r.Call) {
					return true
				}
			}
		}
		return false
	}
	return visit(root, 0)
}

// randomFill reports whether c fills its buffer argument at random.
func (st *pkgState) randomFill(c ssa.CallCommon) bool {
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	obj, _ := callee.Object().(*types.Func)
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	if st.isRandom(obj) {
		return true
	}
	if obj.Pkg().Path() == "io" && (obj.Name() == "ReadFull" || obj.Name() == "ReadAtLeast") && len(c.Args) > 0 {
		if u, ok := c.Args[0].(*ssa.UnOp); ok {
			if g, ok := u.X.(*ssa.Global); ok && g.Pkg != nil && randomPkgs[g.Pkg.Pkg.Path()] {
				return true
			}
		}
	}
	return false
}

// storedIn returns the values fn stores at addr, or into the elements of
// the array addr allocates; nil when there is none.
func storedIn(fn *ssa.Function, addr ssa.Value) []ssa.Value {
	var out []ssa.Value
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			s, ok := in.(*ssa.Store)
			if !ok {
				continue
			}
			if s.Addr == addr {
				out = append(out, s.Val)
			} else if ia, ok := s.Addr.(*ssa.IndexAddr); ok && ia.X == addr {
				out = append(out, s.Val)
			}
		}
	}
	if len(out) == 0 {
		return []ssa.Value{nil}
	}
	return out
}

// freshPassThrough are functions whose result is made of their
// arguments: formatting, case and encoding.
func freshPassThrough(fn *types.Func) bool {
	switch fn.Pkg().Path() {
	case "fmt":
		return strings.HasPrefix(fn.Name(), "Sprint")
	case "strings":
		return fn.Name() == "ToUpper" || fn.Name() == "ToLower" || fn.Name() == "TrimSpace" || fn.Name() == "Join"
	case "encoding/hex", "encoding/base64", "encoding/base32":
		return strings.HasPrefix(fn.Name(), "EncodeToString")
	}
	return false
}

func (st *pkgState) isRandom(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	if randomPkgs[fn.Pkg().Path()] {
		return true // rand.Read, rand.Text, rand.Int
	}
	if fn.Pkg() == st.pass.Pkg {
		return st.random[fn]
	}
	return st.pass.ImportObjectFact(fn, new(randomFact))
}
