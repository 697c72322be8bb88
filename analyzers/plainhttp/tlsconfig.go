package plainhttp

import (
	"crypto/tls"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/optin"
	"github.com/authvet/authvet/analyzers/internal/textual"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// isTLSConfig reports whether t is crypto/tls.Config or a pointer to it.
func isTLSConfig(t types.Type) bool { return isNamed(t, "crypto/tls", "Config") }

// tlsLit checks a tls.Config literal, and the InsecureSkipVerify of a
// library's TLS settings (libtls.go).
func (c *checker) tlsLit(lit *ast.CompositeLit, stack []ast.Node) {
	t := typeOf(c.pass.TypesInfo, lit)
	if name, field, ok := c.libTLSConfig(t); ok {
		c.libSkipLit(lit, name, field, stack)
		return
	}
	if !isTLSConfig(t) {
		return
	}
	var skip *ast.KeyValueExpr
	custom := false
	later := c.laterSets(lit, stack)
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if later[id.Name] {
			// Set again further down the same function: the later
			// assignment decides, and is judged where it is.
			continue
		}
		switch id.Name {
		case "InsecureSkipVerify":
			if !isConstFalse(c.pass.TypesInfo, kv.Value) {
				skip = kv
			}
		case "VerifyPeerCertificate", "VerifyConnection":
			custom = !isNil(c.pass.TypesInfo, kv.Value)
		case "MinVersion", "MaxVersion":
			c.tlsVersion(id.Name, kv.Value, stack)
		case "CipherSuites":
			c.cipherSuites(lit, kv.Value, stack)
		}
	}
	// A verifier set on the same config further down the function
	// replaces the checks as it would in the literal (laterverify.go).
	custom = custom || later["VerifyPeerCertificate"] || later["VerifyConnection"]
	if skip != nil && !custom {
		var cfg ast.Expr = lit
		if len(stack) >= 2 {
			if u, ok := stack[len(stack)-2].(*ast.UnaryExpr); ok && u.Op == token.AND && u.X == lit {
				cfg = u
			}
		}
		c.skipVerify(skip, skip.Value, cfg, stack)
	}
}

// tlsAssign checks cfg.InsecureSkipVerify = true and cfg.MinVersion = v.
func (c *checker) tlsAssign(as *ast.AssignStmt, stack []ast.Node) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return
	}
	info := c.pass.TypesInfo
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if name, field, lib := c.libTLSConfig(fieldOwner(info, sel)); lib && sel.Sel.Name == field {
			if !isConstFalse(info, as.Rhs[i]) {
				c.cfgName, c.cfgField = name, field
				c.skipVerify(as, as.Rhs[i], sel.X, stack)
				c.cfgName, c.cfgField = "", ""
			}
			continue
		}
		if !isTLSConfig(typeOf(info, sel.X)) {
			continue
		}
		switch sel.Sel.Name {
		case "InsecureSkipVerify":
			if !isConstFalse(info, as.Rhs[i]) && !setsVerifier(info, sel.X, stack) {
				c.skipVerify(as, as.Rhs[i], sel.X, stack)
			}
		case "MinVersion", "MaxVersion":
			c.tlsVersion(sel.Sel.Name, as.Rhs[i], stack)
		case "CipherSuites":
			c.cipherSuites(nil, as.Rhs[i], stack)
		}
	}
}

// skipVerify judges the value v given to InsecureSkipVerify at n. A true
// written in the code, or held in a local variable that only constants
// reach, is an error, unless a condition the user controls decides it
// (then a note) or a condition names the opt-in (then nothing). A value
// that derives from a flag, an environment variable or an insecure
// option is a note. In code that reads the server's certificates after
// the handshake, a TLS probing tool, a true is a note. A value that
// cannot be decided is not reported.
func (c *checker) skipVerify(n ast.Node, v, cfg ast.Expr, stack []ast.Node) {
	if c.isTestFile(n.Pos()) {
		return // a test harness dialling the servers it starts
	}
	hard := isConstTrue(c.pass.TypesInfo, v)
	if !hard {
		val := c.valueOf(v, stack)
		if val == nil {
			return
		}
		s := c.ssaForm()
		consts, ok := s.constants(val, map[ssa.Value]bool{})
		if !ok {
			switch {
			case s.userControlled(val, map[ssa.Value]bool{}):
				c.reportSkipNote(n, noteUser)
				return
			case !kindComparison(val):
				return
			}
			// skip := cfg.Kind == "iguazio": verification is off for
			// every peer of a kind, which no option names (kindcmp.go).
			consts, ok = []reaching{{val: constant.MakeBool(true)}}, true
		}
		chosen := false
		for _, k := range consts {
			if k.val.Kind() == constant.Bool && constant.BoolVal(k.val) {
				if k.chosen {
					chosen = true
				} else {
					hard = true
				}
			}
		}
		if !hard {
			if chosen {
				c.reportSkipNote(n, noteUser)
			}
			return
		}
	}
	switch {
	case c.userCondition(stack):
		c.reportSkipNote(n, noteUser)
	case optIn(stack):
		// an opt-in named by the condition: the operator's choice
	case c.ssaForm().probesAt(c.enclosingFunc(stack)):
		c.reportSkipNote(n, noteProbe)
	case c.calledOnlyForLocalhost(stack):
		// a helper called only for a server on the local machine
		// (tlscallers.go): localhost is left alone
	case c.calledOnlyWhenChosen(stack), c.usedOnlyWhenChosen(stack), c.fieldOnlyWhenChosen(stack):
		// a helper called, or a package variable or struct field read,
		// only where the user asked for it (tlscallers.go,
		// fieldchosen.go)
		c.reportSkipNote(n, noteUser)
	case c.insecureVariant(stack):
		// an exported constructor named for the insecure variant, for
		// other packages to choose (tlscallers.go)
		c.reportSkipNote(n, noteVariant)
	case c.pinnedByDigest(stack):
		// what the connection fetches is checked by a pinned digest (pinned.go)
	case c.serverOnly(cfg, stack):
		// a config that only accepts connections: crypto/tls never
		// reads the field there (serveronly.go)
	case c.loopbackGRPC(cfg, stack):
		// a gRPC client of the process's own server on the loopback
		// interface (selfdial.go)
	case c.yesNoProbe(stack):
		// a function that only learns whether a server answers and
		// sends it nothing (yesno.go)
		c.reportSkipNote(n, noteAnswer)
	default:
		c.reportSkipVerify(n)
	}
}

const (
	noteUser    = "tls.Config InsecureSkipVerify is set from a user-controlled value (a flag, an environment variable or an insecure option): verification is off only when the user asks for it"
	noteProbe   = "tls.Config sets InsecureSkipVerify to true in code that reads the server's certificates after the handshake, as a TLS probing or scanning tool does: verification is off on purpose"
	noteAnswer  = "tls.Config sets InsecureSkipVerify to true in a function that only learns whether a server answers (its results are booleans and errors) and sends it nothing: someone on the path can change the answer, but no credential or data crosses the connection"
	noteVariant = "tls.Config sets InsecureSkipVerify to true in an exported function named for the insecure variant: the packages that call it choose it; check that they call it only when the user asks"
)

func (c *checker) reportSkipNote(n ast.Node, msg string) {
	c.pass.Report(analysis.Diagnostic{
		Pos:      n.Pos(),
		End:      n.End(),
		Category: catSkipOptIn,
		Message:  c.configNamed(msg),
	})
}

func (c *checker) reportSkipVerify(n ast.Node) {
	c.pass.Report(analysis.Diagnostic{
		Pos:      n.Pos(),
		End:      n.End(),
		Category: catSkipVerify,
		Message:  c.configNamed("tls.Config sets InsecureSkipVerify to true: the server's certificate and name are not checked, so anyone on the path can read and change the traffic"),
	})
}

// configNamed names the library's settings type in place of tls.Config
// while one is judged (libtls.go).
func (c *checker) configNamed(msg string) string {
	if c.cfgName == "" {
		return msg
	}
	if c.cfgField != "" && c.cfgField != "InsecureSkipVerify" {
		msg = strings.Replace(msg, "InsecureSkipVerify", c.cfgField, 1)
	}
	return strings.Replace(msg, "tls.Config", c.cfgName, 1)
}

// tlsVersion reports a MinVersion or MaxVersion below TLS 1.2, with a fix
// when the value is written as a crypto/tls constant. A local variable
// that only constants reach is judged by the lowest of them. A low
// MinVersion in a TLS probing tool is left alone.
func (c *checker) tlsVersion(field string, v ast.Expr, stack []ast.Node) {
	var n uint64
	held := ""
	if tv, ok := c.pass.TypesInfo.Types[v]; ok && tv.Value != nil {
		n, ok = constant.Uint64Val(constant.ToInt(tv.Value))
		if !ok {
			return
		}
	} else {
		n, ok = c.heldVersion(v, stack)
		if !ok {
			return // set at run time: an operator's choice
		}
		held = " (held in " + types.ExprString(textual.Unconvert(c.pass.TypesInfo, v)) + ")"
	}
	if n == 0 || n >= tls.VersionTLS12 {
		return // zero means Go's default, which is TLS 1.2 for clients and servers
	}
	if c.userCondition(stack) {
		return // if *legacyTLS {…}: the user asked for it
	}
	if c.offeredProfile(field, stack) || c.offeredByFlag(field, stack) {
		return // case "old", if legacy: one of the profiles the caller chooses from
	}
	if field == "MinVersion" && c.ssaForm().probesAt(c.enclosingFunc(stack)) {
		// A TLS probing tool (it reads the server's certificates after
		// the handshake) accepts old versions to report what the
		// server offers; its connection carries nothing to protect.
		return
	}
	name := versionName(n)
	d := analysis.Diagnostic{
		Pos:      v.Pos(),
		End:      v.End(),
		Category: catTLSVersion,
		Message:  "tls.Config " + field + " is " + name + held + ", below TLS 1.2; use tls.VersionTLS12 or later",
	}
	if field == "MaxVersion" {
		d.Message = "tls.Config MaxVersion is " + name + held + ", which caps connections below TLS 1.2; remove it or use tls.VersionTLS13"
	}
	if sel, ok := ast.Unparen(v).(*ast.SelectorExpr); ok {
		if o := c.pass.TypesInfo.Uses[sel.Sel]; o != nil && o.Pkg() != nil && o.Pkg().Path() == "crypto/tls" {
			to := "VersionTLS12"
			if field == "MaxVersion" {
				to = "VersionTLS13"
			}
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "use tls." + to,
				TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(to)}},
			}}
		}
	}
	c.pass.Report(d)
}

// heldVersion returns the lowest version other than zero that the
// non-constant expression v may hold, when only constants reach it. A
// constant set only on a path that a user-controlled condition decides
// (switch *minTLS { case "1.0": v = tls.VersionTLS10 }) is the user's
// choice and does not count.
func (c *checker) heldVersion(v ast.Expr, stack []ast.Node) (uint64, bool) {
	val := c.valueOf(v, stack)
	if val == nil {
		return 0, false
	}
	consts, ok := c.ssaForm().constants(val, map[ssa.Value]bool{})
	if !ok || len(consts) == 0 {
		return 0, false
	}
	low := uint64(0)
	for _, k := range consts {
		n, ok := constant.Uint64Val(constant.ToInt(k.val))
		if !ok {
			return 0, false
		}
		if !k.chosen && n != 0 && (low == 0 || n < low) {
			low = n
		}
	}
	return low, true
}

func versionName(n uint64) string {
	switch n {
	//lint:ignore SA1019 naming the deprecated version is the point
	case tls.VersionSSL30: //nolint:staticcheck // (golangci-lint's spelling of the same)
		return "SSL 3.0"
	case tls.VersionTLS10:
		return "TLS 1.0"
	case tls.VersionTLS11:
		return "TLS 1.1"
	}
	return "an unknown version below TLS 1.2"
}

func isConstTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

func isConstFalse(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value)
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// optIn reports whether the node on top of stack runs only as decided by
// an enclosing if whose condition names an opt-in (optin.Under).
func optIn(stack []ast.Node) bool { return optin.Under(stack) }

// setsVerifier reports whether the function around the top of stack sets
// VerifyPeerCertificate or VerifyConnection on the config cfg (written
// as the same expression), which replaces the checks InsecureSkipVerify
// turns off.
func setsVerifier(info *types.Info, cfg ast.Expr, stack []ast.Node) bool {
	body := funcBodyOf(stack)
	if body == nil {
		return false
	}
	want := types.ExprString(cfg)
	isVerifier := func(name string) bool { return name == "VerifyPeerCertificate" || name == "VerifyConnection" }
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			// cfg.VerifyConnection = …
			if isVerifier(n.Sel.Name) && isTLSConfig(typeOf(info, n.X)) && types.ExprString(n.X) == want {
				found = true
			}
		case *ast.AssignStmt:
			// cfg := &tls.Config{VerifyPeerCertificate: …}
			for i, l := range n.Lhs {
				if i >= len(n.Rhs) || types.ExprString(l) != want {
					continue
				}
				r := ast.Unparen(n.Rhs[i])
				if u, ok := r.(*ast.UnaryExpr); ok && u.Op == token.AND {
					r = u.X
				}
				if lit, ok := r.(*ast.CompositeLit); ok && isTLSConfig(typeOf(info, lit)) {
					for _, e := range lit.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							if id, ok := kv.Key.(*ast.Ident); ok && isVerifier(id.Name) {
								found = true
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

// laterSets returns the fields of the tls.Config built by lit that the
// enclosing function assigns again after the literal (cfg := &tls.Config{
// MinVersion: tls.VersionTLS10}; …; cfg.MinVersion = tls.VersionTLS12):
// the last write decides what the connection uses.
func (c *checker) laterSets(lit *ast.CompositeLit, stack []ast.Node) map[string]bool {
	info := c.pass.TypesInfo
	var holder types.Object
	var body *ast.BlockStmt
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.AssignStmt:
			if holder == nil && len(n.Lhs) == len(n.Rhs) {
				for j, r := range n.Rhs {
					if r := ast.Unparen(r); r == lit || isAddrOf(r, lit) {
						if id, ok := ast.Unparen(n.Lhs[j]).(*ast.Ident); ok {
							holder = info.ObjectOf(id)
						}
					}
				}
			}
		case *ast.ValueSpec:
			if holder == nil && len(n.Names) == len(n.Values) {
				for j, r := range n.Values {
					if r := ast.Unparen(r); r == lit || isAddrOf(r, lit) {
						holder = info.Defs[n.Names[j]]
					}
				}
			}
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
		if body != nil {
			break
		}
	}
	if holder == nil || body == nil {
		return nil
	}
	out := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Pos() < lit.End() || as.Tok != token.ASSIGN {
			return true
		}
		for _, l := range as.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.ObjectOf(id) == holder {
					out[sel.Sel.Name] = true
				}
			}
		}
		return true
	})
	return out
}

func isAddrOf(e ast.Expr, lit *ast.CompositeLit) bool {
	u, ok := e.(*ast.UnaryExpr)
	return ok && u.Op == token.AND && ast.Unparen(u.X) == lit
}
