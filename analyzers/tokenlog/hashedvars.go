package tokenlog

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Local variables that hold a digest.
//
// A variable's credential-like name is the last-resort hint that its
// value is a secret (namedLocals). A local variable every assignment of
// which is the output of a hash, KDF or MAC (bcrypt.GenerateFromPassword,
// sha256.Sum256, h.Sum(nil), argon2.IDKey), or that output converted or
// re-encoded (string(hash), hex.EncodeToString(sum[:]),
// strings.ReplaceAll(hashStr, "$", "$$"), fmt.Sprintf("%x", sum)), holds
// a digest, not the password or key it was computed from, whatever it is
// called: `passwd, _ := bcrypt.GenerateFromPassword(pw, cost)`. Such
// variables are added to the plain holders, so their name is no source.
// A variable assigned anything else anywhere (the plaintext, a
// parameter, a range value) keeps its name hint, and a digest of a
// credential flows through the SSA taint as before (hashes sanitize).

// digestPkgs are the packages whose functions and methods compute a
// hash, KDF or MAC of their input.
var digestPkgs = map[string]bool{
	"crypto/sha256": true, "crypto/sha512": true, "crypto/sha1": true, "crypto/sha3": true, "crypto/md5": true,
	"crypto/hmac": true, "hash": true, "hash/fnv": true, "hash/crc32": true, "hash/crc64": true,
	"crypto/pbkdf2": true, "crypto/hkdf": true,
	"golang.org/x/crypto/bcrypt": true, "golang.org/x/crypto/argon2": true, "golang.org/x/crypto/scrypt": true,
	"golang.org/x/crypto/pbkdf2": true, "golang.org/x/crypto/sha3": true, "golang.org/x/crypto/blake2b": true,
	"golang.org/x/crypto/hkdf": true,
}

// reencodePkgs are the packages whose functions convert or re-encode a
// value without revealing more than it holds.
var reencodePkgs = map[string]bool{
	"strings": true, "bytes": true, "encoding/hex": true, "encoding/base64": true, "encoding/base32": true, "fmt": true,
}

// digestLocals adds to plain the local variables that only ever hold a
// digest.
func digestLocals(info *types.Info, files []*ast.File, skip map[*token.File]bool, fset *token.FileSet, plain map[types.Object]string) {
	type rhs struct {
		e   ast.Expr
		idx int // the result of a tuple-valued e
	}
	assigns := map[types.Object][]rhs{}
	tainted := map[types.Object]bool{} // assigned in a form not followed
	local := func(id *ast.Ident) types.Object {
		if id.Name == "_" {
			return nil
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return nil
		}
		return v
	}
	for _, f := range files {
		if skip[fset.File(f.Pos())] {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncType:
				for _, fl := range []*ast.FieldList{n.Params, n.Results} {
					if fl == nil {
						continue
					}
					for _, fd := range fl.List {
						for _, id := range fd.Names {
							if o := local(id); o != nil {
								tainted[o] = true
							}
						}
					}
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						if o := local(id); o != nil {
							tainted[o] = true
						}
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
						if o := local(id); o != nil {
							tainted[o] = true // written through a pointer
						}
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					id, ok := ast.Unparen(l).(*ast.Ident)
					if !ok {
						continue
					}
					o := local(id)
					if o == nil {
						continue
					}
					switch {
					case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
						tainted[o] = true
					case len(n.Rhs) == len(n.Lhs):
						assigns[o] = append(assigns[o], rhs{n.Rhs[i], 0})
					case len(n.Rhs) == 1:
						assigns[o] = append(assigns[o], rhs{n.Rhs[0], i})
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					o := local(id)
					if o == nil {
						continue
					}
					switch {
					case len(n.Values) == 0:
						tainted[o] = true // its zero value, then stores not followed
					case len(n.Values) == len(n.Names):
						assigns[o] = append(assigns[o], rhs{n.Values[i], 0})
					case len(n.Values) == 1:
						assigns[o] = append(assigns[o], rhs{n.Values[0], i})
					}
				}
			}
			return true
		})
	}
	digest := map[types.Object]bool{}
	var isDigest func(e ast.Expr, idx int) bool
	isDigest = func(e ast.Expr, idx int) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			o := info.ObjectOf(e)
			return o != nil && digest[o]
		case *ast.SliceExpr:
			return isDigest(e.X, 0)
		case *ast.CallExpr:
			if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
				return len(e.Args) == 1 && isDigest(e.Args[0], 0) // string(sum), []byte(hash)
			}
			fn, _ := typeutil.Callee(info, e).(*types.Func)
			if fn == nil || fn.Pkg() == nil {
				return false
			}
			if digestPkgs[fn.Pkg().Path()] {
				// The first result (the digest); a second is an error.
				return idx == 0 && fn.Name() != "Equal" && fn.Name() != "CompareHashAndPassword"
			}
			if !reencodePkgs[fn.Pkg().Path()] || idx != 0 {
				return false
			}
			some := false
			for _, a := range e.Args {
				if tv, ok := info.Types[a]; ok && tv.Value != nil {
					continue // "%x", "$", "$$"
				}
				if !isDigest(a, 0) {
					return false
				}
				some = true
			}
			return some
		}
		return false
	}
	// The greatest fixed point: every candidate is a digest until one of
	// its assignments is not (a variable re-encoded in place,
	// h = strings.ReplaceAll(h, "$", "$$"), refers to itself).
	for o := range assigns {
		if !tainted[o] {
			digest[o] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for o := range digest {
			for _, r := range assigns[o] {
				if !isDigest(r.e, r.idx) {
					delete(digest, o)
					changed = true
					break
				}
			}
		}
	}
	for o := range digest {
		if _, seen := plain[o]; !seen {
			plain[o] = "a digest (hash, KDF or MAC output)"
		}
	}
}
