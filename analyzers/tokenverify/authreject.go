package tokenverify

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/textual"
)

// A comparison whose mismatch turns the request away as unauthenticated
// is an authentication decision, whatever the operands are called
// (review L: nakama's runtime key, read from ?http_key= and compared
// with the configured HTTPKey before writing 401). The names (HttpKey,
// ServerKey) say nothing credname knows; the use says it all: a value
// the caller sent, checked against one the program holds, and a
// mismatch answered with 401/403 or codes.Unauthenticated /
// codes.PermissionDenied.

// rejectsUnauthenticated reports whether n, a != comparison, is the
// condition (or an operand of a || condition) of an if statement whose
// body turns the request away as unauthenticated or forbidden.
func (c *pkgctx) rejectsUnauthenticated(n ast.Expr, op string) bool {
	cur := ast.Node(n)
	switch op {
	case "==":
		return c.foundFlagRejects(n)
	case "!=":
	case "strings.EqualFold", "bytes.Equal":
		// !strings.EqualFold(given, held): a mismatch, like !=.
		u, ok := c.parents[n].(*ast.UnaryExpr)
		if !ok || u.Op != token.NOT {
			return false
		}
		cur = u
	case "strings.Compare", "bytes.Compare":
		// strings.Compare(given, held) != 0.
		b, ok := c.parents[n].(*ast.BinaryExpr)
		if !ok || b.Op != token.NEQ || !c.orderResultTested(n, b) {
			return false
		}
		cur = b
	default:
		return false
	}
	for {
		p := c.parents[cur]
		switch p := p.(type) {
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.BinaryExpr:
			if p.Op != token.LOR {
				return false
			}
			cur = p
			continue
		case *ast.IfStmt:
			return p.Cond == cur && c.rejectBody(p.Body)
		}
		return false
	}
}

// foundFlagRejects reports whether n, an == comparison, is the
// condition of an if whose body sets a local bool to true (found =
// true), and the function later turns the request away as
// unauthenticated when that bool is false (if !found { 401 }): a search
// of the configured keys for the one presented (inngest's event keys).
func (c *pkgctx) foundFlagRejects(n ast.Expr) bool {
	ifs, ok := c.parents[n].(*ast.IfStmt)
	if !ok || ifs.Cond != n {
		return false
	}
	var flag types.Object
	for _, st := range ifs.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
		if !ok {
			continue
		}
		if tv, ok := c.info.Types[as.Rhs[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) {
			if v, ok := c.info.ObjectOf(id).(*types.Var); ok && !v.IsField() && v.Parent() != nil && v.Parent() != c.pass.Pkg.Scope() {
				flag = v
			}
		}
	}
	fn := c.enclosingFunc(n)
	if flag == nil || fn == nil {
		return false
	}
	rejects := false
	ast.Inspect(funcBody(fn), func(m ast.Node) bool {
		if rejects {
			return false
		}
		other, ok := m.(*ast.IfStmt)
		if !ok || other.Pos() <= ifs.End() {
			return true
		}
		if u, ok := ast.Unparen(other.Cond).(*ast.UnaryExpr); ok && u.Op == token.NOT {
			if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && c.info.ObjectOf(id) == flag && c.rejectBody(other.Body) {
				rejects = true
			}
		}
		return true
	})
	return rejects
}

// rejectBody reports whether a block answers 401/403 (WriteHeader,
// http.Error, a framework's status), returns a gRPC status error with
// codes.Unauthenticated or codes.PermissionDenied, or counts a failed
// attempt (WrongAuthCount++, s.failedLogins[ip]++: the tally a login
// keeps to slow guessing down, whatever status it answers with, siyuan's
// JSON code -1 among them). A rejection inside a
// nested if that tests an error (if err := db.Update(…); err != nil {
// … 403 }) answers that failure, not the mismatch: crowdsec updates a
// bouncer's stored version when it differs from the User-Agent and
// answers 403 only when the update fails.
func (c *pkgctx) rejectBody(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		if ifs, ok := n.(*ast.IfStmt); ok && !found && c.errorCheck(ifs.Cond) {
			if ifs.Else != nil {
				ast.Inspect(ifs.Else, func(m ast.Node) bool { return !found && c.rejectNode(m, &found) })
			}
			return false
		}
		return c.rejectNode(n, &found)
	})
	return found
}

// errorCheck reports whether cond compares an error with nil (err !=
// nil, err == nil), alone or in a && or || of such tests.
func (c *pkgctx) errorCheck(cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LAND, token.LOR:
		return c.errorCheck(b.X) || c.errorCheck(b.Y)
	case token.NEQ, token.EQL:
		return isErrorType(c.info.TypeOf(b.X)) && c.isNilExpr(b.Y) || isErrorType(c.info.TypeOf(b.Y)) && c.isNilExpr(b.X)
	}
	return false
}

// rejectNode is rejectBody's test of one node; it sets *found.
func (c *pkgctx) rejectNode(n ast.Node, found *bool) bool {
	if *found {
		return false
	}
	if _, ok := n.(*ast.FuncLit); ok {
		return false // a closure defined here is not run here
	}
	if ret, ok := n.(*ast.ReturnStmt); ok {
		for _, r := range ret.Results {
			if c.unauthErrVar(r) {
				*found = true
				return false
			}
		}
	}
	if inc, ok := n.(*ast.IncDecStmt); ok && inc.Tok == token.INC && failureCounter(inc.X) {
		*found = true
		return false
	}
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return true
	}
	for _, a := range call.Args {
		if c.unauthStatus(a) {
			*found = true
			return false
		}
	}
	return true
}

// failureCounter reports whether e, incremented, counts failed
// attempts to authenticate: every word of its name is a word of failure
// (wrong, failed, invalid, bad), of counting (count, attempts, tries) or
// of logging in (auth, login, password, code, pin), with at least one of
// failure and one of counting or a plural (failedLogins). A counter of
// something else (invalidLangCount) is not. The name of a map or slice
// element is its container's.
func failureCounter(e ast.Expr) bool {
	for {
		ix, ok := ast.Unparen(e).(*ast.IndexExpr)
		if !ok {
			break
		}
		e = ix.X
	}
	name := textual.HolderName(e)
	if name == "" {
		return false
	}
	failed, counted := false, false
	for _, w := range credname.Words(name) {
		switch w {
		case "wrong", "failed", "fail", "invalid", "bad", "unsuccessful":
			failed = true
		case "failures", "fails":
			failed, counted = true, true
		case "count", "counter", "cnt", "num", "attempts", "attempt", "tries", "retries":
			counted = true
		case "logins", "passwords", "codes", "pins", "auths", "signins":
			counted = true
		case "auth", "login", "password", "pass", "passwd", "code", "pin", "signin", "access", "token", "key", "otp":
		default:
			return false
		}
	}
	return failed && counted
}

// unauthErrVar reports whether e is a web framework's ready-made 401 or
// 403 error (echo.ErrUnauthorized, fiber.ErrForbidden), which a handler
// returns to turn the request away.
func (c *pkgctx) unauthErrVar(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[sel.Sel].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return false
	}
	p := v.Pkg().Path()
	if !strings.HasPrefix(p, "github.com/labstack/echo") && !strings.HasPrefix(p, "github.com/gofiber/fiber") {
		return false
	}
	return v.Name() == "ErrUnauthorized" || v.Name() == "ErrForbidden"
}

// unauthStatus reports whether e is the HTTP status 401 or 403, or the
// gRPC code Unauthenticated or PermissionDenied.
func (c *pkgctx) unauthStatus(e ast.Expr) bool {
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		// A response struct that carries the status
		// (apiResponse{StatusCode: http.StatusUnauthorized}).
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok && c.unauthStatus(kv.Value) {
				return true
			}
		}
		return false
	}
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		return c.unauthStatus(u.X)
	}
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		if obj, ok := c.info.Uses[sel.Sel].(*types.Const); ok && obj.Pkg() != nil && obj.Pkg().Path() == "google.golang.org/grpc/codes" {
			return obj.Name() == "Unauthenticated" || obj.Name() == "PermissionDenied"
		}
	}
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	if b, ok := types.Unalias(tv.Type).Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return false
	}
	v, ok := constant.Int64Val(tv.Value)
	return ok && (v == 401 || v == 403)
}

// presentedVsHeld reports whether one side of a comparison comes from
// the request and the other does not: the caller's value against the
// program's. A request header that holds no credential (Origin, Referer,
// Host: an origin check answered 403 is a CSRF defence) is not a
// presented credential.
func (c *pkgctx) presentedVsHeld(x, y ast.Expr) bool {
	if c.fromRequest(x, 0) == c.fromRequest(y, 0) {
		return false
	}
	return !c.publicHeader(x) && !c.publicHeader(y) && !c.identityNamed(x) && !c.identityNamed(y)
}

// identityWords end the names of values that say who or what, not what
// proves it: a record's owner against the caller's id, a client id, an
// OAuth state or nonce matched against the one the flow stored. Refusing
// on a mismatch of those is an authorization or CSRF decision (remark42,
// sftpgo, go-pkgz/auth, sso and listmonk on the earlier services), and
// the time such a compare takes reveals nothing secret.
var identityWords = map[string]bool{
	"id": true, "ids": true, "uid": true, "user": true, "username": true, "login": true,
	"email": true, "name": true, "owner": true, "state": true, "nonce": true,
	"sub": true, "subject": true, "iss": true, "issuer": true, "aud": true, "audience": true,
	// The tenant a token is for against the tenant the request names
	// (a tid claim against a path segment): which data, not who.
	"tenant": true, "tid": true, "org": true, "organization": true, "workspace": true, "team": true,
	// What the caller may do, against what the route requires (a
	// RequireRole middleware answering 403): an authorization decision
	// (blind6).
	"role": true, "roles": true, "scope": true, "scopes": true, "permission": true, "permissions": true,
	"perm": true, "perms": true, "group": true, "groups": true, "privilege": true, "privileges": true,
	// Where the request goes, against where it may go (a proxy
	// refusing a CONNECT to another host than its upstream, zoraxy):
	// a routing decision.
	"host": true, "hostname": true, "domain": true, "target": true, "addr": true, "address": true,
	"endpoint": true, "upstream": true, "path": true, "method": true,
}

// identityNamed reports whether e's name (a variable, a field, a
// method, or the key a request value is read by) ends in an identity
// word.
func (c *pkgctx) identityNamed(e ast.Expr) bool {
	name := ""
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	case *ast.StarExpr:
		return c.identityNamed(x.X)
	case *ast.IndexExpr:
		name, _ = c.constString(x.Index)
	case *ast.CallExpr:
		if len(x.Args) == 1 {
			if k, ok := c.constString(x.Args[0]); ok {
				name = k // r.URL.Query().Get("client_id"), c.Param("state")
				break
			}
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			name = sel.Sel.Name
		}
	}
	ws := credname.Words(name)
	return len(ws) > 0 && identityWords[ws[len(ws)-1]]
}

// publicHeaders are request headers that carry no credential.
var publicHeaders = map[string]bool{
	"origin": true, "referer": true, "host": true, "user-agent": true, "content-type": true,
	"accept": true, "accept-language": true, "x-forwarded-for": true, "x-forwarded-host": true,
	"x-forwarded-proto": true, "x-real-ip": true, "x-requested-with": true,
}

// publicHeader reports whether e reads a request header of publicHeaders
// (r.Header.Get("Origin")), or the request's Host, Referer or UserAgent,
// also through strings functions, an element of their result and local
// variables holding one (ua := strings.Split(r.UserAgent(), "/");
// ua[1]: crowdsec's bouncer version).
func (c *pkgctx) publicHeader(e ast.Expr) bool {
	return c.publicHeaderDepth(e, 0)
}

func (c *pkgctx) publicHeaderDepth(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.everyDef(x, func(rhs ast.Expr) bool { return c.publicHeaderDepth(rhs, depth+1) })
	case *ast.IndexExpr:
		return c.publicHeaderDepth(x.X, depth+1)
	case *ast.CompositeLit:
		// []string{r.UserAgent(), "N/A"}: every element public or
		// constant.
		return c.publicOrConst(x.Elts, depth)
	case *ast.CallExpr:
		if fn := c.callee(x); fn != nil && pkgPath(fn) == "strings" && len(x.Args) > 0 {
			return c.publicHeaderDepth(x.Args[0], depth+1)
		}
		if fn := c.callee(x); fn != nil && c.publicNormalizer(fn, x, depth) {
			return true
		}
		sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		switch sel.Sel.Name {
		case "Referer", "UserAgent":
			return isRequestType(c.info.TypeOf(sel.X))
		case "Get":
			if len(x.Args) == 1 && isNamed(c.info.TypeOf(sel.X), func(p string) bool { return p == "net/http" }, "Header") {
				h, ok := c.constString(x.Args[0])
				return ok && publicHeaders[strings.ToLower(h)]
			}
		}
	case *ast.SelectorExpr:
		return x.Sel.Name == "Host" && isRequestType(c.info.TypeOf(x.X))
	}
	return false
}

// publicOrConst reports whether every one of es is a constant or a
// public header, and one at least is a header.
func (c *pkgctx) publicOrConst(es []ast.Expr, depth int) bool {
	pub := false
	for _, e := range es {
		if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
			continue
		}
		if !c.publicHeaderDepth(e, depth+1) {
			return false
		}
		pub = true
	}
	return pub
}

// publicNormalizer reports whether call, a call of fn, rewrites a public
// header: fn is a function (no method) of this package whose arguments
// at call are constants or public headers, and whose body reads no
// variable of a package and calls nothing of a crypto or hash package
// (yopass's normalizeOrigin(r.Header.Get("Origin")): url.Parse, a
// lower-case host, the default port dropped). Text made of public
// request text by parsing and case folding is public; the key a table
// holds for an origin (keyFor(origin) reading a package map) or a
// digest of it is not.
func (c *pkgctx) publicNormalizer(fn *types.Func, call *ast.CallExpr, depth int) bool {
	d := c.decls[fn]
	if d == nil || d.Body == nil || d.Recv != nil || len(call.Args) == 0 {
		return false
	}
	if !c.publicOrConst(call.Args, depth) {
		return false
	}
	clean := true
	ast.Inspect(d.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !clean || !ok {
			return clean
		}
		obj := c.info.Uses[id]
		if obj == nil || obj.Pkg() == nil {
			return true
		}
		if v, ok := obj.(*types.Var); ok && !v.IsField() && v.Parent() == v.Pkg().Scope() {
			clean = false // a package's variable: a table, a key
		}
		if p := obj.Pkg().Path(); strings.HasPrefix(p, "crypto") || strings.HasPrefix(p, "hash") || strings.HasPrefix(p, "golang.org/x/crypto") {
			clean = false
		}
		return clean
	})
	return clean
}
