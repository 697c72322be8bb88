package hardcodedcred

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// A third shape of the default-account rule (account.go): the account's
// password field holds the hash of a fixed password, made in the same
// function (hash, _ := bcrypt.GenerateFromPassword([]byte("admin"), …);
// User{Username: "admin", Password: string(hash)}). Storing a hash does
// not make the password less fixed: every installation's first account
// opens with the same word. The password is reported where it is
// written, the literal or the constant's value.
//
// Left alone: a hash of a value read at run time, a hash made but not
// put in an account (a dummy hash that evens out the time of a failed
// login), and the account forms' own exclusions (tests, fake accounts).

// passwordKDFs are the key-derivation functions whose argument (by
// index) is the password they hash.
var passwordKDFs = map[string]int{
	"golang.org/x/crypto/bcrypt.GenerateFromPassword": 0,
	"golang.org/x/crypto/argon2.IDKey":                0,
	"golang.org/x/crypto/argon2.Key":                  0,
	"golang.org/x/crypto/scrypt.Key":                  0,
	"golang.org/x/crypto/pbkdf2.Key":                  0,
	"crypto/pbkdf2.Key":                               1,
}

// hashedConstant returns the password argument of the key-derivation
// call whose result the local e holds (possibly converted: string(hash)),
// when every assignment to it is such a call with a constant password;
// nil otherwise.
func (c *checker) hashedConstant(e ast.Expr) ast.Expr {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			e = ast.Unparen(call.Args[0])
		}
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	var arg ast.Expr
	defs, all := 0, true
	for _, f := range c.pass.Files {
		if v.Pos() < f.FileStart || v.Pos() > f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || !all {
				return all
			}
			for i, l := range as.Lhs {
				lid, ok := l.(*ast.Ident)
				if !ok || (info.Defs[lid] != v && info.Uses[lid] != v) {
					continue
				}
				defs++
				var call *ast.CallExpr
				if len(as.Rhs) == 1 {
					call, _ = ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
				}
				if call == nil || i != 0 {
					all = false
					continue
				}
				a := c.kdfPassword(call)
				if a == nil {
					all = false
					continue
				}
				arg = a
			}
			return all
		})
	}
	if !all || defs == 0 {
		return nil
	}
	return arg
}

// kdfPassword returns the constant password a key-derivation call
// hashes ([]byte("admin"), []byte(DefaultRootPassword)), or nil.
func (c *checker) kdfPassword(call *ast.CallExpr) ast.Expr {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil
	}
	i, ok := passwordKDFs[fn.Pkg().Path()+"."+fn.Name()]
	if !ok || i >= len(call.Args) {
		return nil
	}
	a := ast.Unparen(call.Args[i])
	if conv, ok := a.(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if tv, ok := c.pass.TypesInfo.Types[conv.Fun]; ok && tv.IsType() {
			a = ast.Unparen(conv.Args[0])
		}
	}
	if _, ok := c.constString(a); !ok {
		return nil
	}
	return a
}

// passwordHashField reports whether a field's name says it holds a
// password's hash: a password word and a hash word (PasswordHash,
// HashedPassword, PassHash, PwdDigest).
func passwordHashField(name string) bool {
	pw, hash := false, false
	for _, w := range credname.Words(name) {
		switch w {
		case "password", "passwd", "pass", "pwd", "pw":
			pw = true
		case "hash", "hashed", "digest":
			hash = true
		}
	}
	return pw && hash
}
