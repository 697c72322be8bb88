package tokenverify

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// The identifier in front of a secret. A Yubico OTP is 44 characters
// whose first 12 are the device's public id; glauth slices the OTP off
// the presented password and compares otp[0:12] with the id stored
// for the user, to pick the device before the OTP itself is verified
// with Yubico. An API key's public prefix (key[:8]) is compared the
// same way to pick the record whose hash is then checked. A slice of
// fixed length from the start of a value (s[:N], s[0:N], N a constant)
// is the identifier a credential carries in front of its secret: its
// comparison leaks nothing worth guessing. The rest of the value
// (key[8:]), a slice whose end depends on another value
// (tok[:len(stored)]) and the whole value are still the secret.

// fixedPrefix reports whether e is a constant-length prefix of another
// value, directly or through a local every definition of which is one.
func (c *pkgctx) fixedPrefix(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.SliceExpr:
		if x.Slice3 || x.High == nil || !c.constInt(x.High) {
			return false
		}
		if x.Low != nil {
			v, ok := c.intValue(x.Low)
			if !ok || v != 0 {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		// string(b[:12])
		if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.fixedPrefix(x.Args[0], depth+1)
		}
	case *ast.Ident:
		defs, obj := c.localDefs(x)
		if obj == nil || c.isParam(obj) || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.rng || d.index >= 0 || !c.fixedPrefix(d.rhs, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

func (c *pkgctx) constInt(e ast.Expr) bool {
	_, ok := c.intValue(e)
	return ok
}

func (c *pkgctx) intValue(e ast.Expr) (int64, bool) {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	if b, ok := tv.Type.Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}
