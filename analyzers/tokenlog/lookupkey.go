package tokenlog

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/textual"
	"golang.org/x/tools/go/types/typeutil"
)

// A credential-named string type that is a lookup key (review K,
// goatcounter's memstore; the fourth pass's store-key class):
//
//	type sessionKey string
//	sessions map[sessionKey]zint.Uint128
//	sk := sessionKey(userSessionID)
//	if userSessionID == "" { sk = sessionKey(fmt.Sprintf("%s-%s-%d", ua, remoteAddr, siteID)) }
//
// credname reads "session key" as a secret (a cryptographic session key,
// Django's session_key), and credType takes every value of such a type
// for a credential. Its values say otherwise: each is made, in the
// package that declares the type, from an identifier the program was
// handed or by formatting several plain values together, and the type
// keys a map. A credential is drawn at random, received, or derived by
// a hash or a signature; it is not spelled out of a user agent, an
// address and a site number. Decided by the type's uses, not its name:
//
//   - the type is the key type of a map declared in its package;
//   - it has at least one conversion T(e) from a non-constant value in
//     the package, and every such e is (a) a variable, parameter or
//     field whose name ends in an identifier word (id, addr, name, …),
//     or (b) fmt.Sprintf of a constant format with two or more operands,
//     or a concatenation, every non-constant operand of which is a
//     variable, parameter or field whose name says no credential and
//     whose type is no credential type;
//   - a value of the type returned by a call, or assigned from anything
//     but a conversion, is not looked at: the conversions are where a
//     string type's values are made.
//
// A type of another package keeps its verdict (its conversions are out
// of sight). What it can hide: a package that formats a secret named
// plainly (fmt.Sprintf("%s:%s", a, b) of two secrets called a and b)
// into a credential-named map key type.
func (st *pkgState) lookupKeyType(n *types.Named) bool {
	if n.Obj().Pkg() != st.pass.Pkg {
		return false
	}
	info := st.pass.TypesInfo
	keyed, convs, plain := false, 0, true
	for _, f := range st.pass.Files {
		ast.Inspect(f, func(m ast.Node) bool {
			if !plain {
				return false
			}
			switch m := m.(type) {
			case *ast.MapType:
				if t := info.TypeOf(m.Key); t != nil && types.Identical(t, n) {
					keyed = true
				}
			case *ast.CallExpr:
				tv, ok := info.Types[m.Fun]
				if !ok || !tv.IsType() || len(m.Args) != 1 || !types.Identical(tv.Type, n) {
					return true
				}
				if av, ok := info.Types[m.Args[0]]; ok && av.Value != nil {
					return true
				}
				convs++
				if !st.plainKeyPart(m.Args[0]) {
					plain = false
				}
			}
			return true
		})
	}
	return keyed && plain && convs > 0
}

// idWords end the names of values that identify: the caller's session
// id, an address, a name.
var idWords = map[string]bool{
	"id": true, "ids": true, "uid": true, "uuid": true, "addr": true, "address": true,
	"ip": true, "name": true, "host": true, "agent": true, "ua": true, "path": true, "url": true,
}

// plainKeyPart reports whether e, converted to a lookup key type, is an
// identifier-named value or a composite of plain values (see above).
func (st *pkgState) plainKeyPart(e ast.Expr) bool {
	info := st.pass.TypesInfo
	e = ast.Unparen(e)
	if name := textual.HolderName(e); name != "" {
		w := credname.Words(name)
		return len(w) > 0 && idWords[w[len(w)-1]] && !credname.IsCredential(name)
	}
	var ops []ast.Expr
	switch x := e.(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || fn.Name() != "Sprintf" || len(x.Args) < 3 {
			return false
		}
		if _, ok := textual.ConstString(info, x.Args[0]); !ok {
			return false
		}
		ops = x.Args[1:]
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return false
		}
		var walk func(e ast.Expr)
		walk = func(e ast.Expr) {
			e = ast.Unparen(e)
			if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
				walk(b.X)
				walk(b.Y)
				return
			}
			ops = append(ops, e)
		}
		walk(x)
	default:
		return false
	}
	vars := 0
	for _, op := range ops {
		if tv, ok := info.Types[op]; ok && tv.Value != nil {
			continue
		}
		op = ast.Unparen(op)
		name := textual.HolderName(op)
		if name == "" || credname.IsCredential(name) {
			return false
		}
		if t := info.TypeOf(op); t != nil {
			if _, cred := st.credTypeByName(t); cred {
				return false
			}
		}
		vars++
	}
	return vars >= 2 || (vars >= 1 && len(ops) >= 2)
}

// credTypeByName is credType's test on the name alone, without the
// lookup-key exception (a key type built from another key type is
// judged by that type's name).
func (st *pkgState) credTypeByName(t types.Type) (string, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return "", false
	}
	name := n.Obj().Name()
	return name, credname.Classify(name) != credname.None
}
