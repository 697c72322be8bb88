package tokenverify

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// Insecure options. A package may offer the relaxed verifier as an
// option its callers choose, named for what it turns off:
//
//	type InsecureOIDCConfigOption func(opt *oidc.Config)
//
//	func WithSkipExpiryCheck() InsecureOIDCConfigOption {
//		return func(c *oidc.Config) { c.SkipExpiryCheck = true }
//	}
//
// When nothing in its own package's production code uses it, the skip
// happens only where another package calls it: the finding belongs
// there. The option is marked with a fact, and a call of it outside
// test support in another package is reported as the skip itself
// (fulcio's WithSkipExpiryCheck is called by its tests only).

// oidcOptionFact marks an exported function whose result, when used,
// switches off the verifier check Field.
type oidcOptionFact struct {
	Field string
	What  string
}

func (*oidcOptionFact) AFact() {}

func (f *oidcOptionFact) String() string { return "sets oidc.Config." + f.Field }

// insecureOption returns the exported function around at, when it is an
// option (it returns the function literal that sets the field) named
// for the insecure variant, that its own package's production code
// never uses.
func (c *pkgctx) insecureOption(at ast.Node) *types.Func {
	var decl *ast.FuncDecl
	inLit := false
	for n := at; n != nil; n = c.parents[n] {
		if _, ok := n.(*ast.FuncLit); ok {
			inLit = true
		}
		if d, ok := n.(*ast.FuncDecl); ok {
			decl = d
			break
		}
	}
	if decl == nil || !inLit || !decl.Name.IsExported() || decl.Recv != nil {
		return nil
	}
	fn, ok := c.info.Defs[decl.Name].(*types.Func)
	if !ok {
		return nil
	}
	// An option: the function returns the function that sets the
	// field. A constructor of the verifier itself (NewInsecure
	// returning *oidc.IDTokenVerifier) is judged where it is.
	res := fn.Type().(*types.Signature).Results()
	if res.Len() != 1 {
		return nil
	}
	if _, ok := res.At(0).Type().Underlying().(*types.Signature); !ok {
		return nil
	}
	named := insecureWords(decl.Name.Name)
	if n, ok := types.Unalias(res.At(0).Type()).(*types.Named); ok && !named {
		named = insecureWords(n.Obj().Name())
	}
	if !named {
		return nil
	}
	for id, obj := range c.info.Uses {
		if obj == fn && !c.isTestFile(id) {
			return nil // used here: judged where it is set
		}
	}
	return fn
}

// insecureWords reports whether a name says it relaxes a check.
func insecureWords(name string) bool {
	for _, w := range credname.Words(name) {
		switch w {
		case "insecure", "unsafe", "skip", "unverified", "noverify", "disable", "without":
			return true
		}
	}
	return false
}

// checkInsecureOptionCall reports a call, outside test support, of
// another package's insecure option.
func (c *pkgctx) checkInsecureOptionCall(call *ast.CallExpr, fn *types.Func) {
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || c.isTestFile(call) {
		return
	}
	var f oidcOptionFact
	if !c.pass.ImportObjectFact(fn, &f) {
		return
	}
	c.report(call, catOIDC, fmt.Sprintf("%s sets oidc.Config %s: the verifier %s", fn.Name(), f.Field, f.What))
}
