package tokenverify

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// The compare rule reports a timing leak only where the comparison is an
// authentication decision: its result guards access, the compared
// record was not fetched by the compared value itself, and (when only
// names say "credential") one side is supplied by the caller while the
// other is stored or configured. This file decides those three things.

// decides reports whether the result of comparison n guards something:
// it is returned, stored, or the condition of an if or case whose branch
// returns, fails the request or records an error or a verdict.
// Bookkeeping (closing the connections of a deleted client) and a
// test's got/want check decide no access.
func (c *pkgctx) decides(n ast.Expr) bool {
	var cur ast.Node = n
	for {
		p := c.parents[cur]
		switch p := p.(type) {
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.UnaryExpr:
			if p.Op == token.NOT {
				cur = p
				continue
			}
			return false
		case *ast.BinaryExpr:
			if p.Op == token.LAND || p.Op == token.LOR {
				cur = p
				continue
			}
			if c.orderResultTested(cur, p) {
				// strings.Compare(a, b) != 0: the verdict is the
				// comparison of the three-way result with a constant.
				cur = p
				continue
			}
			return false
		case *ast.ReturnStmt, *ast.AssignStmt, *ast.ValueSpec:
			return true
		case *ast.IfStmt:
			if p.Cond != cur {
				return false
			}
			return c.actsOn(p.Body) || (p.Else != nil && c.actsOn(p.Else))
		case *ast.CaseClause:
			for _, e := range p.List {
				if e == cur {
					return c.actsOn(&ast.BlockStmt{List: p.Body})
				}
			}
			return false
		}
		return false
	}
}

// denyWords, in the name of a called function, say it refuses the
// request (c.AbortWithStatus, respondUnauthorized, deny).
var denyWords = map[string]bool{
	"abort": true, "unauthorized": true, "unauthorised": true, "forbidden": true,
	"deny": true, "reject": true, "fatal": true, "exit": true, "panic": true,
}

// actsOn reports whether a branch acts on an access verdict: it returns,
// panics, writes an HTTP error or status, calls something that denies or
// aborts, records an error (an assignment to an error value or into
// one) or sets a boolean verdict.
//
// In a loop, a branch that keeps the element it matched in a variable
// of the code around the loop and breaks out (the find idiom: for _, as
// := range services { if as.Token == token { found = &as; break } })
// selects the record the code after the loop acts on: a decision too.
// So does a branch that skips the rest of the iteration and logs why
// (log.Error("invalid verification token"); continue): the element's
// work, a webhook's action, runs only on a match. A bare continue (a
// search, a removal from a list), or one after closing or counting the
// element, is bookkeeping.
func (c *pkgctx) actsOn(body ast.Node) bool {
	found := false
	keeps, breaks := false, false
	continues, says := false, false
	inspectShallow(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			found = n.Tok == token.GOTO
			breaks = breaks || n.Tok == token.BREAK
			continues = continues || n.Tok == token.CONTINUE && n.Label == nil
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
				if fn := c.callee(call); fn != nil && logCallNames[fn.Name()] {
					says = true
				}
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "panic" {
				if _, isBuiltin := c.info.Uses[id].(*types.Builtin); isBuiltin {
					found = true
					break
				}
			}
			fn := c.callee(n)
			if fn == nil {
				break
			}
			if fn.Name() == "WriteHeader" || (pkgPath(fn) == "net/http" && fn.Name() == "Error") {
				found = true
				break
			}
			for _, w := range credname.Words(fn.Name()) {
				if denyWords[w] {
					found = true
				}
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if c.verdictStore(l) {
					found = true
				}
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && n.Tok == token.ASSIGN && c.declaredOutside(id, body) {
					keeps = true
				}
			}
		}
		return !found
	})
	return found || keeps && breaks || continues && says
}

// logCallNames are the names of logging calls (log.Print, logrus's
// Error, zap's Warn, slog's Info …): a branch that logs and continues
// turns the element down and says why; one that closes or counts it
// does bookkeeping.
var logCallNames = map[string]bool{
	"Print": true, "Printf": true, "Println": true, "Error": true, "Errorf": true, "Errorw": true,
	"Warn": true, "Warnf": true, "Warnw": true, "Warning": true, "Warningf": true,
	"Info": true, "Infof": true, "Infow": true, "Debug": true, "Debugf": true, "Debugw": true,
	"Log": true, "Logf": true, "Msg": true, "Msgf": true,
}

// declaredOutside reports whether id names a variable declared before
// node, outside it.
func (c *pkgctx) declaredOutside(id *ast.Ident, node ast.Node) bool {
	v, ok := c.info.Uses[id].(*types.Var)
	return ok && !v.IsField() && v.Pos() < node.Pos()
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// verdictStore reports whether an assignment to l records a verdict: l
// is (or is an element or field of) an error value, or a boolean.
func (c *pkgctx) verdictStore(l ast.Expr) bool {
	if t := c.info.TypeOf(l); t != nil {
		if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			return true
		}
	}
	for e := ast.Unparen(l); e != nil; {
		if t := c.info.TypeOf(e); t != nil && !types.IsInterface(t) && types.Implements(t, errorType) {
			return true
		} else if t != nil && types.IsInterface(t) && types.Identical(t.Underlying(), errorType) {
			return true
		}
		switch x := e.(type) {
		case *ast.IndexExpr:
			e = ast.Unparen(x.X)
		case *ast.SelectorExpr:
			e = ast.Unparen(x.X)
		case *ast.StarExpr:
			e = ast.Unparen(x.X)
		default:
			e = nil
		}
	}
	return false
}

// rootIdent returns the variable an operand reads, through fields,
// zero-argument getters, indexes, conversions and string transformations
// (app.Token, strings.TrimSpace(req.GetKey()), []byte(s)), or nil.
func (c *pkgctx) rootIdent(e ast.Expr) *ast.Ident {
	for i := 0; i < 10; i++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			if _, isPkg := c.info.Uses[identOf(x.X)].(*types.PkgName); isPkg {
				return x.Sel
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			e = x.X
		case *ast.CallExpr:
			if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0]
				continue
			}
			fn := c.callee(x)
			if fn == nil {
				return nil
			}
			if a, ok := passThrough(fn); ok && a < len(x.Args) {
				e = x.Args[a]
				continue
			}
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if ok && len(x.Args) == 0 && recvName(fn) != "" {
				e = sel.X
				continue
			}
			return nil
		default:
			return nil
		}
	}
	return nil
}

// lookedUpBy reports whether the record rec is read from was fetched, in
// the same function and before comparison n, by a call or index whose
// arguments include the variables of key: err := db.Where("token = ?",
// token).Find(app) followed by app.Token == token; rel := m[key]
// followed by rel.Key == key. The lookup already answered the question
// in whatever time it takes; the comparison adds no leak.
func (c *pkgctx) lookedUpBy(n ast.Node, rec, key ast.Expr) bool {
	id := c.rootIdent(rec)
	if id == nil {
		return false
	}
	recObj, ok := c.info.Uses[id].(*types.Var)
	if !ok || recObj.IsField() || c.isParam(recObj) || isPkgVar(recObj) || c.isReceiver(c.enclosingFunc(n), recObj) {
		// A receiver's field (m.apiSession.token) is the program's
		// own, not a record a lookup in this function fetched, even
		// when a lookup reads another of its fields (m.tokens[token]).
		return false
	}
	// The record may be asserted from what the lookup returned
	// (data, _ := store.Get(tok); tk, _ := data.(string)).
	recs := map[types.Object]bool{recObj: true}
	for _, d := range c.defs[recObj] {
		if ta, ok := ast.Unparen(d.rhs).(*ast.TypeAssertExpr); ok {
			if x, ok := ast.Unparen(ta.X).(*ast.Ident); ok {
				if v, ok := c.info.Uses[x].(*types.Var); ok && !v.IsField() && !isPkgVar(v) {
					recs[v] = true
				}
			}
		}
	}
	keyPath := c.pathOf(c.strip(key))
	if keyPath == nil {
		return false
	}
	fn := c.enclosingFunc(n)
	if fn == nil {
		return false
	}
	found := false
	inspectShallow(funcBody(fn), func(m ast.Node) bool {
		if found || m == nil || m.Pos() >= n.Pos() {
			return false
		}
		var stmt ast.Node
		switch m := m.(type) {
		case *ast.AssignStmt, *ast.ExprStmt, *ast.DeclStmt:
			stmt = m
		default:
			return true
		}
		if stmt.End() > n.Pos() {
			// The statement holds the comparison itself.
			return true
		}
		var hasRec, hasKey, hasLookup bool
		ast.Inspect(stmt, func(k ast.Node) bool {
			switch k := k.(type) {
			case *ast.Ident, *ast.SelectorExpr:
				if id, ok := k.(*ast.Ident); ok && c.info.Defs[id] != nil && recs[c.info.Defs[id]] {
					// rec, err := store.Get(key): defined by the lookup.
					hasRec = true
					return false
				}
				// The key must appear whole: a lookup by req.ClientID
				// is no lookup by req.ClientSecret.
				if p := c.pathOf(k.(ast.Expr)); p != nil {
					hasKey = hasKey || samePath(p, keyPath)
					hasRec = hasRec || recs[p[0]]
					return false
				}
			case *ast.CallExpr, *ast.IndexExpr:
				hasLookup = true
			}
			return true
		})
		found = hasRec && hasKey && hasLookup
		return false
	})
	return found
}

// strip removes conversions and string transformations around e.
func (c *pkgctx) strip(e ast.Expr) ast.Expr {
	for i := 0; i < 5; i++ {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			break
		}
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			e = call.Args[0]
			continue
		}
		fn := c.callee(call)
		if fn == nil {
			break
		}
		a, ok := passThrough(fn)
		if !ok || a >= len(call.Args) {
			break
		}
		e = call.Args[a]
	}
	return ast.Unparen(e)
}

// pathOf returns the variable and fields an identifier or field
// selection reads (req.Client.Secret: req, Client, Secret), or nil.
func (c *pkgctx) pathOf(e ast.Expr) []types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := c.info.Uses[x].(*types.Var); ok && !v.IsField() {
			return []types.Object{v}
		}
	case *ast.SelectorExpr:
		sel, ok := c.info.Selections[x]
		if !ok || sel.Kind() != types.FieldVal {
			return nil
		}
		if p := c.pathOf(x.X); p != nil {
			return append(p, sel.Obj())
		}
	}
	return nil
}

func samePath(a, b []types.Object) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// suppliedVsStored reports whether given is supplied by the caller and
// stored is a stored value named as a secret.
//
// A value the request carries under a credential's name (the "token"
// URL parameter, the Authorization header) is named on its own side: the
// stored value it is checked against then need not be named (a reset
// token kept in a store by e-mail: tk, ok := data.(string); tk != token).
func (c *pkgctx) suppliedVsStored(n ast.Node, given, stored ast.Expr) bool {
	fn := c.enclosingFunc(n)
	if c.loadedRecord(given) && c.loadedRecord(stored) {
		// Two records a store returned (loaded.go): neither side is
		// the caller's.
		return false
	}
	if !c.suppliedSide(fn, given, 0) {
		return false
	}
	// A value read at the terminal is what a server was given to check
	// requests against (terminal.go).
	c.termStored = c.fromRequest(given, 0)
	st, named := c.storedSide(fn, stored, 0)
	c.termStored = false
	if st && !named && c.fromRequest(given, 0) {
		_, named = c.secretOf(given, 0)
	}
	return st && named
}

// ownParam reports whether v is a parameter of fn itself, as opposed to
// one captured from an enclosing function: the key a middleware
// constructor was given (func RequireKey(key string) gin.HandlerFunc)
// is configuration to the handler closure that compares it.
func ownParam(fn ast.Node, v *types.Var) bool {
	ft := funcType(fn)
	return ft != nil && ft.Pos() <= v.Pos() && v.Pos() < ft.End()
}

// suppliedSide reports whether e is supplied by the caller: read from
// the incoming request, or a parameter of the enclosing function (the
// password handed to a login function, a field of the request struct a
// handler was given), followed through local variables and calls.
func (c *pkgctx) suppliedSide(fn ast.Node, e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	if c.fromRequest(e, 0) {
		return true
	}
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if id := c.rootIdent(call); id == nil {
			// A computation from the caller's value (a hash, a decode).
			for _, a := range call.Args {
				if c.suppliedSide(fn, a, depth+1) {
					return true
				}
			}
			return false
		}
	}
	id := c.rootIdent(e)
	if id == nil {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || isPkgVar(v) {
		return false
	}
	if c.isParam(v) {
		return ownParam(fn, v) && !referenceName(v.Name())
	}
	for _, d := range c.defs[v] {
		if c.suppliedSide(fn, d.rhs, depth+1) {
			return true
		}
	}
	return c.addrTaken[v] && c.filledFromRequest(v)
}

// referenceWords, in a parameter's name, say it carries the stored or
// configured value a caller's input is checked against.
var referenceWords = map[string]bool{
	"expected": true, "expect": true, "want": true, "wanted": true, "stored": true,
	"saved": true, "valid": true, "known": true, "configured": true, "correct": true,
	"required": true, "real": true, "reference": true, "golden": true,
}

func referenceName(name string) bool {
	for _, w := range credname.Words(name) {
		if referenceWords[w] {
			return true
		}
	}
	return false
}

// storedSide reports whether e is a stored or configured value: a field
// (of a config, a user record, a client), a package variable, a value
// returned by a getter or by a method lookup, a parameter named as the
// expected value, an element of a collection of those, or a value a
// function computes from a stored secret, followed through local
// variables and range loops. named is true when a name
// along the way says credential (cfg.APIKey, range s.apiKeys,
// cli.GetSecret()): a list of placeholders or a parser's previous token
// is stored, but no secret.
func (c *pkgctx) storedSide(fn ast.Node, e ast.Expr, depth int) (stored, named bool) {
	if depth > 4 {
		return false, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return true, credname.IsCredential(x.Sel.Name)
		}
		if v, ok := c.info.Uses[x.Sel].(*types.Var); ok && isPkgVar(v) {
			return true, credname.IsCredential(v.Name())
		}
	case *ast.IndexExpr:
		return c.storedSide(fn, x.X, depth+1)
	case *ast.StarExpr:
		return c.storedSide(fn, x.X, depth+1)
	case *ast.TypeAssertExpr:
		return c.storedSide(fn, x.X, depth+1)
	case *ast.BinaryExpr:
		s1, n1 := c.storedSide(fn, x.X, depth+1)
		s2, n2 := c.storedSide(fn, x.Y, depth+1)
		return s1 || s2, n1 || n2
	case *ast.CallExpr:
		if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.storedSide(fn, x.Args[0], depth+1)
		}
		callee := c.callee(x)
		if callee == nil {
			return false, false
		}
		if c.terminalRead(x, callee) {
			// What the user types at the terminal is the user's own
			// input, not a stored value, unless a request's value is
			// checked against it (terminal.go).
			return c.termStored, c.termStored && credname.IsCredential(callee.Name())
		}
		if a, ok := passThrough(callee); ok && a < len(x.Args) {
			return c.storedSide(fn, x.Args[a], depth+1)
		}
		if recvName(callee) != "" {
			// A getter or a store: cli.GetSecret(), keys.Lookup(id),
			// or a method on a config key: the key is a constant, the
			// value it names is read at run time
			// (config.ServiceTestingtoken.GetString()).
			named := credname.IsCredential(callee.Name())
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && !named && c.isConst(sel.X) {
				named = c.credentialKey(sel.X)
			}
			if !named && getterName(callee.Name()) {
				// b.GetString("Token"): a configuration getter of the
				// program's own, read under a credential's key.
				for _, a := range x.Args {
					if c.isConst(a) && c.credentialKey(a) {
						named = true
					}
				}
			}
			return true, named
		}
		if credname.IsCredential(callee.Name()) {
			return true, true
		}
		if getterName(callee.Name()) {
			// viper.GetString("auth.token"), cfg.Get("api_secret").
			for _, a := range x.Args {
				if c.isConst(a) && c.credentialKey(a) {
					return true, true
				}
			}
		}
		// A value computed by a function from a stored secret (Subsonic's
		// fmt.Sprintf("%x", md5.Sum([]byte(user.Password+salt)))) is a
		// stored secret too: the expected value a caller's token is
		// checked against. The arguments are sub-expressions, so the
		// depth is not spent on them.
		for _, a := range x.Args {
			if st, nm := c.storedSide(fn, a, depth); st && nm {
				return true, true
			}
		}
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return false, false
		}
		if isPkgVar(v) {
			return true, credname.IsCredential(v.Name())
		}
		if c.isParam(v) {
			if st, nm := c.paramFromCallers(fn, v, depth); st {
				return true, nm // a stored value at every call (paramstored.go)
			}
			return !ownParam(fn, v) || referenceName(v.Name()), credname.IsCredential(v.Name())
		}
		for _, d := range c.defs[v] {
			var st, nm bool
			if d.index >= 0 && !d.rng {
				// key, err := store.Get(id): the call is the store;
				// tk, ok := data.(string): the value asserted.
				switch r := ast.Unparen(d.rhs).(type) {
				case *ast.CallExpr:
					st, nm = c.storedSide(fn, r, depth+1)
				case *ast.TypeAssertExpr:
					st, nm = c.storedSide(fn, r.X, depth+1)
				}
			} else {
				st, nm = c.storedSide(fn, d.rhs, depth+1)
			}
			if st {
				return true, nm || credname.IsCredential(v.Name())
			}
		}
	}
	return false, false
}

// getterName reports names of functions that read a setting by key:
// Get, GetString, Lookup, MustGet, String.
func getterName(name string) bool {
	w := credname.Words(name)
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case "get", "lookup", "must", "string", "value":
		return true
	}
	return false
}

// keyTails end the last segment of a configuration key that names a
// secret, written as one word or not: service.testingtoken,
// auth.jwt_secret, API_KEY.
var keyTails = []string{"token", "secret", "password", "passwd", "apikey", "secretkey", "privatekey"}

// credentialKey reports whether a constant configuration key (or the
// constant's own name) says the setting holds a secret.
func (c *pkgctx) credentialKey(e ast.Expr) bool {
	var names []string
	if s, ok := c.constString(e); ok {
		names = append(names, s)
	}
	if n := exprName(e); n != "" {
		names = append(names, n)
	}
	for _, n := range names {
		if credname.IsCredential(n) {
			return true
		}
		if i := strings.LastIndexAny(n, "./:"); i >= 0 {
			n = n[i+1:]
		}
		w := credname.Words(n)
		if len(w) == 0 {
			continue
		}
		last := w[len(w)-1]
		for _, t := range keyTails {
			if strings.HasSuffix(last, t) && !strings.HasPrefix(last, "page") && !strings.HasPrefix(last, "next") {
				return true
			}
		}
	}
	return false
}

// orderResultTested reports whether p tests cur, the integer result of
// a three-way compare (strings.Compare, bytes.Compare), for equality
// with a constant.
func (c *pkgctx) orderResultTested(cur ast.Node, p *ast.BinaryExpr) bool {
	if p.Op != token.EQL && p.Op != token.NEQ {
		return false // an order (< 0) sorts; equality decides
	}
	call, ok := cur.(*ast.CallExpr)
	if !ok {
		return false
	}
	other := p.Y
	if p.Y == cur {
		other = p.X
	}
	tv, ok := c.info.Types[other]
	if !ok || tv.Value == nil {
		return false
	}
	fn, ok := c.info.Uses[calleeIdent(call)].(*types.Func)
	return ok && fn.Name() == "Compare" && (pkgPath(fn) == "strings" || pkgPath(fn) == "bytes")
}

// calleeIdent returns the identifier naming a call's function.
func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return &ast.Ident{}
}
