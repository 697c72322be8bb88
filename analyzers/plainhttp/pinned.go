package plainhttp

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Trust pinned by a certificate digest after an insecure fetch.
//
// A client bootstrapping trust has no root to verify against yet: it
// fetches the root certificate over a connection that does not verify
// (InsecureSkipVerify), hashes what it got and compares the digest with
// a fingerprint it was given out of band, refusing on a mismatch. What
// the connection brings back is then checked by the pin, not by the
// handshake: someone on the path can read the request, but any
// certificate they substitute fails the comparison. The pattern is
// recognised by types and data flow: in the function that makes the
// insecure config, or, when that config is made by a named helper, in
// every function of the package that calls the helper (and uses it in
// no other way), a digest of a certificate (crypto/sha256, sha1 or
// sha512 of an x509.Certificate's Raw or RawSubjectPublicKeyInfo, or a
// function taking an *x509.Certificate and returning the string
// fingerprint) is computed, and an if whose condition reads that digest
// refuses (its branch ends in a return). A function that hashes a
// certificate and never compares the digest, or compares it without
// refusing, keeps its finding; so does a helper called once from a
// function without a pin.

// pinnedByDigest reports whether the insecure config at the top of stack
// is used only where a certificate digest is checked.
func (c *checker) pinnedByDigest(stack []ast.Node) bool {
	var decl *ast.FuncDecl
	for _, n := range stack {
		if d, ok := n.(*ast.FuncDecl); ok {
			decl = d
			break
		}
	}
	if decl == nil || decl.Body == nil {
		return false
	}
	if c.checksPin(decl.Body) {
		return true
	}
	fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	// A helper: every call in the package must be in a function that
	// checks a pin, and the helper used in no other way.
	calls, other := 0, false
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			pinned := -1 // not yet computed
			ast.Inspect(fd, func(n ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok || c.pass.TypesInfo.Uses[id] != fn {
					return !other
				}
				if !c.isCallee(fd, id) {
					other = true
					return false
				}
				if pinned < 0 {
					pinned = 0
					if c.checksPin(fd.Body) {
						pinned = 1
					}
				}
				if pinned == 0 {
					other = true
					return false
				}
				calls++
				return true
			})
		}
	}
	return calls > 0 && !other
}

// isCallee reports whether id, inside decl, is the function called by a
// call expression (f() or x.f()).
func (c *checker) isCallee(decl *ast.FuncDecl, id *ast.Ident) bool {
	found := false
	ast.Inspect(decl, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		switch f := ast.Unparen(call.Fun).(type) {
		case *ast.Ident:
			found = f == id
		case *ast.SelectorExpr:
			found = f.Sel == id
		}
		return !found
	})
	return found
}

// checksPin reports whether body computes a certificate digest and
// refuses in an if whose condition reads it.
func (c *checker) checksPin(body *ast.BlockStmt) bool {
	info := c.pass.TypesInfo
	digests := map[types.Object]bool{}
	var calls []*ast.CallExpr
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !c.certDigest(call) {
			return true
		}
		calls = append(calls, call)
		return true
	})
	if len(calls) == 0 {
		return false
	}
	// The variables the digests are assigned to.
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, r := range as.Rhs {
			for _, call := range calls {
				if ast.Unparen(r) == call {
					if obj := objOfIdent(info, as.Lhs[i]); obj != nil {
						digests[obj] = true
					}
				}
			}
		}
		return true
	})
	refuses := false
	ast.Inspect(body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || refuses || len(ifs.Body.List) == 0 {
			return !refuses
		}
		if _, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); !ok {
			return true
		}
		ast.Inspect(ifs.Cond, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.Ident:
				if digests[info.Uses[m]] {
					refuses = true
				}
			case *ast.CallExpr:
				for _, call := range calls {
					if m == call {
						refuses = true
					}
				}
			}
			return !refuses
		})
		return !refuses
	})
	return refuses
}

// certDigest reports whether call computes a digest of a certificate:
// sha256.Sum256, sha1.Sum or sha512.Sum512/Sum384 of an
// x509.Certificate's Raw or RawSubjectPublicKeyInfo, or a function that
// takes an *x509.Certificate and returns a string, named a fingerprint.
func (c *checker) certDigest(call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "crypto/sha256.Sum256", "crypto/sha256.Sum224", "crypto/sha1.Sum",
		"crypto/sha512.Sum512", "crypto/sha512.Sum384":
		if len(call.Args) != 1 {
			return false
		}
		sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		s, ok := info.Selections[sel]
		if !ok {
			return false
		}
		f := s.Obj()
		return f.Pkg() != nil && f.Pkg().Path() == "crypto/x509" &&
			(f.Name() == "Raw" || f.Name() == "RawSubjectPublicKeyInfo")
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 1 || !strings.Contains(strings.ToLower(fn.Name()), "fingerprint") {
		return false
	}
	if b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return false
	}
	for i := range sig.Params().Len() {
		if isNamed(sig.Params().At(i).Type(), "crypto/x509", "Certificate") {
			return true
		}
	}
	return false
}

func objOfIdent(info *types.Info, e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	if obj := info.Defs[id]; obj != nil {
		return obj
	}
	return info.Uses[id]
}
