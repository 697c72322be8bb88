package plainhttp

import (
	"github.com/authvet/authvet/analyzers/internal/optin"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// Insecure configs from a helper called under an opt-in.
//
// A package often keeps its insecure config in a small helper
// (func insecureTLS() *tls.Config { return &tls.Config{InsecureSkipVerify:
// true} }) and calls it only where the user asked for it
// (if cfg.SkipTLSVerify { t.TLSClientConfig = insecureTLS() }). The
// choice is then made at the calls, not in the helper: when the literal
// sits in a named function of the package, the function is called at
// least once, and every call runs under a condition the user controls
// or that names the opt-in (as userCondition and optIn judge a literal
// in place), the literal is the user's choice and is a note. One call
// outside such a condition, or a function whose value escapes (passed
// or stored rather than called), leaves it reported. Calls from other
// packages cannot be seen; a helper exported for them is judged by the
// calls in its own package.

// calledOnlyWhenChosen reports whether the named function around the top
// of stack is called only under the user's choice.
func (c *checker) calledOnlyWhenChosen(stack []ast.Node) bool {
	return c.everyCallUnder(stack, func(st []ast.Node) bool {
		return c.userCondition(st) || optIn(st) || initsInsecureVar(st)
	})
}

// calledOnlyForLocalhost reports whether the function around the top of
// stack is a declared function every call of which runs under a test
// that its server is on the local machine (underLocalhostTest), or in a
// function that is itself called only so, up to three calls up
// (bytebase's syncInstanceViaREST, called under the test, makes the
// emulator's client).
func (c *checker) calledOnlyForLocalhost(stack []ast.Node) bool {
	return c.calledOnlyForLocalhostAt(stack, 0)
}

func (c *checker) calledOnlyForLocalhostAt(stack []ast.Node, depth int) bool {
	return c.everyCallUnder(stack, func(st []ast.Node) bool {
		return underLocalhostTest(st) || depth < 3 && c.calledOnlyForLocalhostAt(st, depth+1)
	})
}

// everyCallUnder reports whether the function around the top of stack is
// a declared function called at least once, only directly, and under
// reports true of the stack of each call.
func (c *checker) everyCallUnder(stack []ast.Node, under func([]ast.Node) bool) bool {
	var decl *ast.FuncDecl
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncLit:
			return false // a closure's calls are not named
		case *ast.FuncDecl:
			decl = f
		}
		if decl != nil {
			break
		}
	}
	if decl == nil {
		return false
	}
	fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	calls, other := 0, false
	c.res.insp.WithStack([]ast.Node{(*ast.Ident)(nil)}, func(n ast.Node, push bool, st []ast.Node) bool {
		if !push || other {
			return false
		}
		id := n.(*ast.Ident)
		if c.pass.TypesInfo.Uses[id] != fn {
			return true
		}
		// The use must be the callee of a call: f() or x.f().
		k := len(st) - 2
		if sel, ok := st[k].(*ast.SelectorExpr); ok && sel.Sel == id {
			k--
		}
		call, ok := st[k].(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) != st[k+1] {
			other = true
			return false
		}
		if !under(st[:k+1]) {
			other = true
			return false
		}
		calls++
		return true
	})
	return calls > 0 && !other
}

// underLocalhostTest reports whether the call on top of stack runs only
// in the body of an if whose condition requires, among its && terms, a
// call named for the local machine (isLocalhostEndpoint(endpoint),
// ip.IsLoopback()): a helper used only for a server on loopback, such as
// a database emulator with a self-signed certificate, never leaves the
// machine. The else branch and a negated test do not count.
func underLocalhostTest(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if stack[i+1] == s.Body && localhostTerm(s.Cond) {
				return true
			}
		}
	}
	return false
}

// localhostTerm reports whether cond, or one of its && terms, is a call
// whose function's name has the word localhost, loopback or local host.
func localhostTerm(cond ast.Expr) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		if e.Op == token.LAND {
			return localhostTerm(e.X) || localhostTerm(e.Y)
		}
	case *ast.CallExpr:
		var name string
		switch f := ast.Unparen(e.Fun).(type) {
		case *ast.Ident:
			name = f.Name
		case *ast.SelectorExpr:
			name = f.Sel.Name
		}
		l := strings.ToLower(name)
		return strings.Contains(l, "localhost") || strings.Contains(l, "loopback")
	}
	return false
}

// initsInsecureVar reports whether the call on top of stack initialises
// a package-level variable whose name says it holds the insecure variant
// (tsuru's Dial15Full60ClientNoKeepAliveInsecure = insecure(...)): the
// variable is the opt-in, chosen where it is read, often in another
// package, as a flag would be.
func initsInsecureVar(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.ValueSpec:
			if i+1 >= len(stack) {
				return false
			}
			name := specName(s, stack[i+1])
			return name != nil && insecureName(name.Name)
		}
	}
	return false
}

// specName returns the name a value spec declares with value v, or nil.
func specName(s *ast.ValueSpec, v ast.Node) *ast.Ident {
	if len(s.Names) != len(s.Values) {
		return nil
	}
	for k, val := range s.Values {
		if val == v {
			return s.Names[k]
		}
	}
	return nil
}

// usedOnlyWhenChosen is calledOnlyWhenChosen's rule for a package-level
// variable: an insecure config or transport kept in a variable (var
// insecureTransport = &http.Transport{TLSClientConfig: &tls.Config{
// InsecureSkipVerify: true}}) and read only where the user asked for it
// (if !cfg.VerifyCert { client.Transport = insecureTransport }). Every
// read of the variable in the package must sit under a condition the
// user controls or that names the opt-in, and there must be at least
// one; a read outside such a condition (the address taken, the value
// copied or passed on unconditionally) leaves the literal reported.
func (c *checker) usedOnlyWhenChosen(stack []ast.Node) bool {
	var obj types.Object
	for i := len(stack) - 1; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false // inside a function: calledOnlyWhenChosen's case
		case *ast.AssignStmt:
			// The variable set at the top level of init, as a
			// declaration would set it (insecureTransport = &http.
			// Transport{…} in func init).
			if i < 2 || i+1 >= len(stack) || len(s.Lhs) != len(s.Rhs) || !isInitBody(stack[i-2], stack[i-1]) {
				continue
			}
			for k, r := range s.Rhs {
				if id, ok := ast.Unparen(s.Lhs[k]).(*ast.Ident); ok && r == stack[i+1] {
					obj = c.pass.TypesInfo.Uses[id]
				}
			}
			if obj == nil {
				return false
			}
		case *ast.ValueSpec:
			if i+1 >= len(stack) {
				return false
			}
			if name := specName(s, stack[i+1]); name != nil {
				obj = c.pass.TypesInfo.Defs[name]
			}
		}
		if obj != nil {
			break
		}
	}
	v, ok := obj.(*types.Var)
	if !ok || v.Parent() != c.pass.Pkg.Scope() {
		return false
	}
	return c.everyRead(v, func(e ast.Expr, st []ast.Node) bool {
		return c.userCondition(st) || optIn(st) || c.chosenByMapKey(e, st)
	})
}

// everyRead reports whether obj, a package variable or a field of this
// package, is read somewhere in the package and ok holds at every read:
// e is the identifier (for a field, the selector x.f) on top of st.
// Writes (the left-hand side of =) are not reads, nor are the keys of a
// struct literal that set a field.
func (c *checker) everyRead(obj *types.Var, ok func(e ast.Expr, st []ast.Node) bool) bool {
	reads, other := 0, false
	c.res.insp.WithStack([]ast.Node{(*ast.Ident)(nil)}, func(n ast.Node, push bool, st []ast.Node) bool {
		if !push || other {
			return false
		}
		id := n.(*ast.Ident)
		if c.pass.TypesInfo.Uses[id] != obj {
			return true
		}
		var e ast.Expr = id
		if len(st) >= 2 {
			switch p := st[len(st)-2].(type) {
			case *ast.SelectorExpr:
				if p.Sel == id {
					e, st = p, st[:len(st)-1] // x.f
				}
			case *ast.KeyValueExpr:
				if p.Key == id && obj.IsField() {
					return true // T{f: v} sets the field
				}
			}
		}
		if isAssigned(e, st) {
			return true // a write, not a read
		}
		if !ok(e, st) {
			other = true
			return false
		}
		reads++
		return true
	})
	return reads > 0 && !other
}

// chosenByMapKey reports whether id, on top of stack, is the value a
// package map of clients keeps under the key true (var httpClients =
// map[bool]*http.Client{false: http.DefaultClient, true:
// httpClientSkip}) and every read of that map indexes it with a value
// that names the opt-in (httpClients[tmpl.InsecureSkipVerify]): the
// user's choice, as under an if.
func (c *checker) chosenByMapKey(id ast.Expr, stack []ast.Node) bool {
	info := c.pass.TypesInfo
	n := len(stack)
	if n < 4 {
		return false
	}
	kv, ok := stack[n-2].(*ast.KeyValueExpr)
	if !ok || kv.Value != id || !isConstTrue(info, kv.Key) {
		return false
	}
	lit, ok := stack[n-3].(*ast.CompositeLit)
	if !ok {
		return false
	}
	m, ok := typeOf(info, lit).Underlying().(*types.Map)
	if !ok {
		return false
	}
	if b, ok := m.Key().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return false
	}
	spec, ok := stack[n-4].(*ast.ValueSpec)
	if !ok {
		return false
	}
	name := specName(spec, lit)
	if name == nil {
		return false
	}
	mv, ok := info.Defs[name].(*types.Var)
	if !ok || mv.Parent() != c.pass.Pkg.Scope() {
		return false
	}
	return c.everyRead(mv, func(e ast.Expr, st []ast.Node) bool {
		ix, ok := st[len(st)-2].(*ast.IndexExpr)
		return ok && ix.X == e && optin.Names(ix.Index)
	})
}

// isInitBody reports whether decl is a package's func init and body its
// body.
func isInitBody(decl, body ast.Node) bool {
	d, ok := decl.(*ast.FuncDecl)
	return ok && d.Recv == nil && d.Name.Name == "init" && d.Body == body
}

// isAssigned reports whether e (an identifier or a selector), on top of
// stack, is assigned to (a left-hand side of =).
func isAssigned(e ast.Expr, stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	as, ok := stack[len(stack)-2].(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, l := range as.Lhs {
		if ast.Unparen(l) == e {
			return true
		}
	}
	return false
}

// An exported insecure variant.
//
// A package may offer the insecure form of its client beside the
// verified one (keel's docker.NewInsecure next to docker.New), for other
// packages to pick under their own option (if os.Getenv(EnvInsecure) ==
// "true" { r = docker.NewInsecure(...) }). Those calls are out of sight
// here. When the function around the literal is exported, named for the
// insecure variant (a word insecure, unverified, noverify or
// skipverify), and the package itself never calls it, the choice is its
// callers': an opt-in note, not an error. A package that calls it is
// judged by those calls (calledOnlyWhenChosen), and any other exported
// function by its literal.

// insecureVariant reports whether the literal on top of stack sits in
// such a function.
func (c *checker) insecureVariant(stack []ast.Node) bool {
	var decl *ast.FuncDecl
	for i := len(stack) - 1; i >= 0 && decl == nil; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncLit:
			return false
		case *ast.FuncDecl:
			decl = f
		}
	}
	if decl == nil || !decl.Name.IsExported() || !insecureName(decl.Name.Name) {
		return false
	}
	fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	for _, obj := range c.pass.TypesInfo.Uses {
		if obj == fn {
			return false // used in its own package: judged by those uses
		}
	}
	return true
}

// insecureName reports whether a function's name says it builds the
// unverified variant.
func insecureName(name string) bool {
	words := credname.Words(name)
	for i, w := range words {
		switch w {
		case "insecure", "unverified", "noverify", "skipverify":
			return true
		case "skip", "no":
			if i+1 < len(words) && (words[i+1] == "verify" || words[i+1] == "verification" || words[i+1] == "tls") {
				return true
			}
		}
	}
	return false
}
