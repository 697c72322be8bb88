package scopecheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A module's own credential parser. nakama's console guards its
// profiling routes with a middleware that hands the Authorization
// header to the project's parseBasicAuth(auth) (username, password, ok)
// and compares both with the configured console account: the check
// against a credential fixed by configuration (fixed.go) that
// r.BasicAuth() would be. A function of the package whose returned
// strings are computed from its parameters alone (slices, conversions,
// concatenations, the standard library's string and encoding helpers,
// locals holding those) passes a credential it is handed through to
// its results, as strings.TrimPrefix does: the results of a call
// handed the request's credential are that credential. A function that
// looks something up (a store, a map of the package, a method of
// another type) returns what it found, not what it was given.

// passesThrough reports whether fn, a function of the package with a
// body, returns only values computed from its parameters.
func (st *state) passesThrough(fn *types.Func) bool {
	if st.throughMemo == nil {
		st.throughMemo = map[*types.Func]bool{}
	}
	if v, ok := st.throughMemo[fn]; ok {
		return v
	}
	st.throughMemo[fn] = false // recursion: not through
	fi := st.byObj[fn]
	v := fi != nil && fi.decl != nil && fi.decl.Body != nil && st.computePassesThrough(fi)
	st.throughMemo[fn] = v
	return v
}

func (st *state) computePassesThrough(fi *fnInfo) bool {
	info := st.pass.TypesInfo
	params := map[types.Object]bool{}
	for _, f := range fi.decl.Type.Params.List {
		for _, n := range f.Names {
			if o := info.Defs[n]; o != nil {
				params[o] = true
			}
		}
	}
	if len(params) == 0 {
		return false
	}
	assigns := map[types.Object][]ast.Expr{}
	var rets []*ast.ReturnStmt
	ast.Inspect(fi.decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok || id.Name == "_" {
					continue
				}
				o := info.ObjectOf(id)
				switch {
				case len(n.Lhs) == len(n.Rhs):
					assigns[o] = append(assigns[o], n.Rhs[i])
				case len(n.Rhs) == 1:
					assigns[o] = append(assigns[o], n.Rhs[0])
				}
			}
		case *ast.ReturnStmt:
			rets = append(rets, n)
		}
		return true
	})
	memo := map[types.Object]bool{}
	var from func(e ast.Expr, depth int) bool
	from = func(e ast.Expr, depth int) bool {
		if depth > 16 {
			return false
		}
		if tv, ok := info.Types[e]; ok && tv.Value != nil {
			return true // a constant
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			o := info.ObjectOf(x)
			if params[o] {
				return true
			}
			if x.Name == "nil" || x.Name == "true" || x.Name == "false" {
				return true
			}
			if v, ok := memo[o]; ok {
				return v
			}
			memo[o] = false // a cycle holds nothing new
			rhs := assigns[o]
			v := len(rhs) > 0
			for _, r := range rhs {
				if !from(r, depth+1) {
					v = false
					break
				}
			}
			memo[o] = v
			return v
		case *ast.SliceExpr:
			return from(x.X, depth+1) && (x.Low == nil || from(x.Low, depth+1)) && (x.High == nil || from(x.High, depth+1))
		case *ast.IndexExpr:
			return from(x.X, depth+1) && from(x.Index, depth+1)
		case *ast.BinaryExpr:
			return (x.Op == token.ADD || x.Op == token.SUB) && from(x.X, depth+1) && from(x.Y, depth+1)
		case *ast.CallExpr:
			if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
				return len(x.Args) == 1 && from(x.Args[0], depth+1)
			}
			if b, ok := typeutil.Callee(info, x).(*types.Builtin); ok && b.Name() == "len" {
				return true
			}
			fn, ok := typeutil.Callee(info, x).(*types.Func)
			if !ok {
				return false
			}
			if !passThroughPkg(funcPath(fn)) {
				return false
			}
			for _, a := range x.Args {
				if !from(a, depth+1) {
					return false
				}
			}
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && recvType(fn) != nil {
				// base64.StdEncoding.DecodeString: the encoding is a
				// package variable of the standard library.
				if _, isPkg := info.Uses[rootIdent(sel.X)].(*types.PkgName); !isPkg {
					return from(sel.X, depth+1)
				}
			}
			return true
		}
		return false
	}
	// Named results a bare return hands back hold what was assigned
	// to them (nothing: their zero value).
	var named []types.Object
	if fi.decl.Type.Results != nil {
		for _, f := range fi.decl.Type.Results.List {
			for _, n := range f.Names {
				if o := info.Defs[n]; o != nil {
					named = append(named, o)
				}
			}
		}
	}
	// Errors and flags say nothing about what a result holds.
	skip := func(t types.Type) bool {
		if t == nil {
			return true
		}
		if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
			return true
		}
		return types.Identical(t, types.Universe.Lookup("error").Type())
	}
	seen := false
	for _, r := range rets {
		if len(r.Results) == 0 {
			for _, o := range named {
				if skip(o.Type()) {
					continue
				}
				for _, a := range assigns[o] {
					if !from(a, 0) {
						return false
					}
				}
				seen = true
			}
			continue
		}
		for _, res := range r.Results {
			if skip(info.TypeOf(res)) {
				continue
			}
			if !from(res, 0) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// passThroughPkg reports whether the standard-library functions of path
// pass a credential they are given through to their results: string
// and encoding helpers (strings.TrimPrefix, base64 decoding) and hash
// functions, since a key stored hashed is looked up by its digest
// (credCall, creds.go). A module's hashToken(raw) returning
// hex.EncodeToString(sha256.Sum256([]byte(raw))[:]) hands its caller
// the credential's lookup key, as the inline expression would.
func passThroughPkg(path string) bool {
	switch path {
	case "strings", "bytes", "encoding/base64", "encoding/hex", "net/textproto",
		"crypto/sha256", "crypto/sha512", "crypto/sha1", "crypto/md5", "crypto/sha3", "golang.org/x/crypto/sha3", "golang.org/x/crypto/blake2b":
		return true
	}
	return false
}
