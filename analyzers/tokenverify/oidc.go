package tokenverify

import (
	"github.com/authvet/authvet/analyzers/internal/jwtlib"

	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/optin"
	"golang.org/x/tools/go/analysis"
)

// The oidc rule: go-oidc verifier configurations that switch off a
// check. Tests are skipped by the caller (they often verify fixtures
// signed by nobody).

// checkOIDCLit reports oidc.Config{Skip…: true}.
func (c *pkgctx) checkOIDCLit(lit *ast.CompositeLit) {
	if !isNamed(c.info.TypeOf(lit), jwtlib.IsOIDC, "Config") {
		return
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		c.reportOIDCSkip(id.Name, kv, kv.Value, lit)
	}
}

// checkOIDCAssign reports cfg.SkipExpiryCheck = true and the like.
func (c *pkgctx) checkOIDCAssign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		v, ok := c.info.Uses[sel.Sel].(*types.Var)
		if !ok || !v.IsField() || !jwtlib.IsOIDC(pkgPath(v)) || !isNamed(c.info.TypeOf(sel.X), jwtlib.IsOIDC, "Config") {
			continue
		}
		c.reportOIDCSkip(sel.Sel.Name, as, as.Rhs[i], as)
	}
}

// reportOIDCSkip reports field set to value at at; cfg is the config
// literal or the assignment to the config's field.
func (c *pkgctx) reportOIDCSkip(field string, at ast.Node, value ast.Expr, cfg ast.Node) {
	what, ok := jwtlib.OIDCSkip(field)
	if !ok || !c.isTrue(value) {
		return
	}
	if optin.Under(optin.Stack(c.parents, at)) {
		// if cfg.SkipVerification { oc.SkipIssuerCheck = true }: set
		// only when an operator's setting says so, the same as
		// SkipIssuerCheck: cfg.SkipVerification, which is left alone.
		return
	}
	if fn := c.insecureOption(at); fn != nil {
		// An option other packages choose (oidcoption.go): reported
		// where they call it.
		c.pass.ExportObjectFact(fn, &oidcOptionFact{Field: field, What: what})
		return
	}
	// Verifications the specifications relax (oidcuse.go).
	u := c.oidcUse(cfg)
	if u.discarded {
		return // nothing the parse returns is believed
	}
	switch field {
	case "SkipExpiryCheck", "SkipClientIDCheck":
		if u.hint {
			return // an id_token_hint may be expired and issued to any client
		}
		if field == "SkipClientIDCheck" && u.localKeys {
			return // a token this server issued to any of its clients
		}
	}
	// Skipping the client id or issuer check is the documented way to
	// verify tokens for several clients or tenants; it is safe when the
	// program checks the audience or issuer itself.
	switch field {
	case "SkipClientIDCheck":
		if checked, known := c.localAudience(u); known {
			// A verifier used only where it is built is judged by its
			// own tokens (oidclocal.go).
			if checked {
				return
			}
		} else if c.checksOwn("aud", "Audience") {
			return
		}
	case "SkipIssuerCheck":
		if c.checksOwn("iss", "Issuer") {
			return
		}
	}
	var fixes []analysis.SuggestedFix
	if field == "InsecureSkipSignatureCheck" || field == "SkipExpiryCheck" {
		fixes = []analysis.SuggestedFix{{
			Message:   "set " + field + " to false",
			TextEdits: []analysis.TextEdit{{Pos: value.Pos(), End: value.End(), NewText: []byte("false")}},
		}}
	}
	c.report(at, catOIDC, fmt.Sprintf("oidc.Config sets %s: the verifier %s", field, what), fixes...)
}

// checksOwn reports whether the package reads the ID token's claim
// itself: the IDToken field (Audience, Issuer) or the claim by name.
func (c *pkgctx) checksOwn(claim, field string) bool {
	found := false
	for _, f := range c.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if n.Sel.Name == field && isNamed(c.info.TypeOf(n.X), jwtlib.IsOIDC, "IDToken") {
					found = true
				}
			case *ast.BasicLit:
				if s, ok := c.constString(n); ok && s == claim {
					found = true
				}
			case *ast.Field:
				// A claims struct with a json:"aud" field.
				if n.Tag != nil {
					if jsonName(n.Tag.Value) == claim {
						found = true
					}
				}
			}
			return true
		})
	}
	return found
}

// jsonName returns the JSON name in a struct tag literal (with quotes).
func jsonName(lit string) string {
	tag, err := strconv.Unquote(lit)
	if err != nil {
		return ""
	}
	return strings.Split(reflect.StructTag(tag).Get("json"), ",")[0]
}
