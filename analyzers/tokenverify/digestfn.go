package tokenverify

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// A presented credential hashed by a helper and compared with the stored
// digest is a digest compared with a digest, whether the helper is the
// package's own or another package's (a utils.Md5sum(s) (string, error)
// of a shared or vendored module). digestFact carries the verdict on a
// function across packages.

// digestFact marks a function whose first result is, on every return
// that succeeds, a digest of its input.
type digestFact struct{}

func (*digestFact) AFact() {}

func (*digestFact) String() string { return "digest result" }

// returnsDigest reports whether fn's first result is a digest on every
// return that succeeds: fn has one result, or a result and an error;
// each return gives a digest (or hands back a zero value with an error),
// and a bare return's named result is assigned only digests.
func (c *pkgctx) returnsDigest(fn *types.Func, depth int) bool {
	if fn.Pkg() == nil {
		return false // error.Error and the other methods of the universe
	}
	if fn.Pkg() != c.pass.Pkg {
		if c.pass.ImportObjectFact(fn, new(digestFact)) {
			return true
		}
		// A module outside the one analyzed (plik's vendored
		// root-gg/utils.Md5sum): its body is not read and it exports
		// no facts, so its name and result decide.
		return outsideModule(c.pass, fn.Pkg()) && digestNamed(fn)
	}
	decl := c.decls[fn]
	if decl == nil || decl.Body == nil || depth > 3 {
		return false
	}
	res := fn.Type().(*types.Signature).Results()
	if res.Len() == 0 || res.Len() > 2 || res.Len() == 2 && !isErrorType(res.At(1).Type()) {
		return false
	}
	digests, all := 0, true
	inspectShallow(decl.Body, func(n ast.Node) bool {
		r, ok := n.(*ast.ReturnStmt)
		if !ok || !all {
			return all
		}
		switch {
		case len(r.Results) == res.Len():
			if res.Len() == 2 && c.isConst(r.Results[0]) && !isNilIdent(r.Results[1]) {
				return true // return "", err
			}
			if !c.hashedDepth(r.Results[0], depth+1) {
				all = false
			}
			digests++
		case len(r.Results) == 0 && res.At(0).Name() != "":
			// A bare return: what the named result was given.
			defs := c.defs[res.At(0)]
			for _, d := range defs {
				if d.rng || d.index >= 0 || !c.hashedDepth(d.rhs, depth+1) {
					all = false
				}
			}
			if len(defs) > 0 {
				digests++
			}
		default:
			all = false
		}
		return all
	})
	return all && digests > 0
}

// exportDigest exports a digestFact for each exported function of the
// package that returns a digest.
func (c *pkgctx) exportDigest() {
	for fn := range c.decls {
		if fn.Exported() && c.returnsDigest(fn, 0) {
			c.pass.ExportObjectFact(fn, &digestFact{})
		}
	}
}

// streamDigest reports whether call is h.Sum(nil) (or h.Sum(buf)) on a
// local h that every assignment gives an unkeyed hash (md5.New(),
// sha256.New()): a digest, computed in steps. hmac.New is keyed and is
// not among them.
func (c *pkgctx) streamDigest(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Sum" || len(call.Args) != 1 {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	return c.everyDef(id, func(e ast.Expr) bool {
		nc, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := c.callee(nc)
		if fn == nil || recvName(fn) != "" {
			return false
		}
		switch pkgPath(fn) {
		case "crypto/sha256", "crypto/sha512", "crypto/sha1", "crypto/md5", "crypto/sha3", "golang.org/x/crypto/sha3":
			return len(fn.Name()) >= 3 && fn.Name()[:3] == "New"
		}
		return false
	})
}

// defsDigest reports whether every definition of a local gives it a
// digest: a digest call or value, or the first result of a function
// that returns one (sum, err := utils.Md5sum(key)).
func (c *pkgctx) defsDigest(defs []def, depth int) bool {
	for _, d := range defs {
		switch {
		case d.rng || d.index > 0:
			return false
		case d.index == 0:
			call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
			if !ok {
				return false
			}
			if fn := c.callee(call); fn == nil || !c.returnsDigest(fn, depth+1) {
				return false
			}
		case !(c.digestCall(d.rhs) || depth < 3 && c.digestValue(d.rhs, depth+1)):
			return false
		}
	}
	return len(defs) > 0
}

// computedDigest reports whether e is a digest the function computes
// (a digest call or helper, or a local given only those), whatever its
// name: unlike hashed, a name such as PasswordHash alone does not count.
func (c *pkgctx) computedDigest(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return c.digestValue(e, 0)
	case *ast.Ident:
		defs, obj := c.localDefs(e)
		return obj != nil && c.defsDigest(defs, 0)
	}
	return false
}

// digestOfPresented reports whether d is a digest the function computes
// from the request and other is not from the request: a presented
// credential hashed, against the stored digest. A digest of a stored
// secret (md5(user.Password+salt)), or one compared with a value the
// caller also sends, stays a comparison of a secret.
func (c *pkgctx) digestOfPresented(d, other ast.Expr) bool {
	return c.computedDigest(d) && c.fromRequest(d, 0) && !c.fromRequest(other, 0)
}

// mixesStored reports whether e, or a local it reads, holds a credential
// the program keeps (a field or variable named or typed as one, not read
// from the request) beside what the request gives.
func (c *pkgctx) mixesStored(e ast.Expr, depth int) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if _, ok := c.secretOf(n, 0); ok && !c.fromRequest(n, 0) {
				found = true
			}
			return !found
		case *ast.Ident:
			if depth < 3 {
				if defs, obj := c.localDefs(n); obj != nil {
					for _, d := range defs {
						if d.rhs != nil && c.mixesStored(d.rhs, depth+1) {
							found = true
						}
					}
					if !found {
						// h := sha256.New(); h.Write([]byte(body + ts +
						// key)): what is written into a hash is its
						// input (goploy's agent signature).
						for _, w := range c.writtenTo(obj) {
							if c.mixesStored(w, depth+1) {
								found = true
								break
							}
						}
					}
				}
			}
		}
		return !found
	})
	return found
}

// writtenTo returns the arguments of the Write and WriteString calls on
// the local obj, a hash.Hash (a stream digest's input).
func (c *pkgctx) writtenTo(obj types.Object) []ast.Expr {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || !isNamed(v.Type(), func(p string) bool { return p == "hash" }, "Hash") {
		return nil
	}
	if out, seen := c.written[obj]; seen {
		return out
	}
	var out []ast.Expr
	for _, f := range c.files {
		if v.Pos() < f.FileStart || v.Pos() > f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "Write" && sel.Sel.Name != "WriteString") {
				return true
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.info.Uses[id] == obj {
				out = append(out, call.Args[0])
			}
			return true
		})
	}
	c.written[obj] = out
	return out
}

// outsideModule reports whether pkg is not part of the module analyzed:
// another module's package, whose facts the driver never computes. A
// driver that names no module (GOPATH layouts, analysistest) gives the
// first element of the import path instead.
func outsideModule(pass *analysis.Pass, pkg *types.Package) bool {
	if pass.Module != nil && pass.Module.Path != "" {
		mod := pass.Module.Path
		return pkg.Path() != mod && !strings.HasPrefix(pkg.Path(), mod+"/")
	}
	first := func(p string) string { f, _, _ := strings.Cut(p, "/"); return f }
	return first(pkg.Path()) != first(pass.Pkg.Path())
}

// digestNamed reports whether fn's name says it returns a digest (Md5sum,
// SHA256Hex, HashString, Checksum) and its first result is text or bytes;
// a name that also says MAC, sign or encrypt is a keyed function, no
// digest.
func digestNamed(fn *types.Func) bool {
	res := fn.Type().(*types.Signature).Results()
	if res.Len() == 0 || res.Len() > 2 || !credsrc.StringLike(res.At(0).Type()) {
		return false
	}
	digest := false
	for _, w := range credname.Words(fn.Name()) {
		switch w {
		case "hmac", "mac", "sign", "signature", "encrypt", "encrypted", "cipher", "encode", "encoded":
			return false
		case "md5", "md5sum", "sha1", "sha1sum", "sha256", "sha256sum", "sha512", "sha512sum", "hash", "digest", "checksum":
			digest = true
		}
	}
	return digest
}
