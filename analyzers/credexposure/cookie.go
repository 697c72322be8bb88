package credexposure

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Web frameworks whose cookie setters are known.
const (
	pkgEcho = "github.com/labstack/echo" // every major version (funcKey)
	pkgGin  = "github.com/gin-gonic/gin"
)

// sameSiteNone is the value of http.SameSiteNoneMode.
const sameSiteNone = 4

// Fiber's cookie type has the same flags under other spellings
// (HTTPOnly, SameSite as a string).
const (
	pkgFiberV2 = "github.com/gofiber/fiber/v2"
	pkgFiberV3 = "github.com/gofiber/fiber/v3"
)

// isCookieType reports whether t (or what it points to) is a cookie
// struct whose flags are known: net/http's or fiber's.
func isCookieType(t types.Type) bool {
	return isNamed(t, "net/http", "Cookie") || isNamed(t, pkgFiberV2, "Cookie") || isNamed(t, pkgFiberV3, "Cookie")
}

// flagField maps a cookie field to the flag it sets ("Secure",
// "HttpOnly", "SameSite"), or returns it unchanged.
func flagField(name string) string {
	if name == "HTTPOnly" {
		return "HttpOnly"
	}
	return name
}

// sameSiteValue says whether a SameSite assignment selects None: the
// constant http.SameSiteNoneMode, or fiber's "None".
func sameSiteValue(v ssa.Value) tri {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil {
		return unknown
	}
	switch c.Value.Kind() {
	case constant.Int:
		if n, _ := constant.Int64Val(c.Value); n == sameSiteNone {
			return yes
		}
		return no
	case constant.String:
		if strings.EqualFold(constant.StringVal(c.Value), "none") {
			return yes
		}
		return no
	}
	return unknown
}

// tri is what is known of a cookie flag. The order matters: merging
// keeps the larger, so a flag set to true anywhere counts as set, and
// one set from configuration stays unknown.
type tri uint8

const (
	unset   tri = iota // never assigned: the zero value, false
	no                 // assigned the constant false
	yes                // assigned the constant true
	unknown            // assigned a value known only at run time
)

func (t tri) String() string {
	return [...]string{"unset", "false", "true", "unknown"}[t]
}

func (t tri) merge(u tri) tri {
	if u > t {
		return u
	}
	return t
}

// off reports whether the flag is certainly off.
func (t tri) off() bool { return t == unset || t == no }

// flags are a cookie's protective attributes.
type flags struct {
	Secure, HTTPOnly, SameSiteNone tri
}

func (a flags) merge(b flags) flags {
	return flags{a.Secure.merge(b.Secure), a.HTTPOnly.merge(b.HTTPOnly), a.SameSiteNone.merge(b.SameSiteNone)}
}

// missing names the protective flags a credential cookie lacks, or "".
func (a flags) missing() string {
	var m []string
	if a.Secure.off() {
		m = append(m, "Secure")
	}
	if a.HTTPOnly.off() {
		m = append(m, "HttpOnly")
	}
	s := strings.Join(m, " and ")
	if a.SameSiteNone == yes && a.Secure.off() {
		s += " (with SameSite=None)"
	}
	return s
}

// shape is what the function knows of one cookie it sends.
type shape struct {
	name      string
	nameKnown bool
	nameParam int
	values    []ssa.Value
	// valueInfo is what a helper's summary says of the value.
	valueInfo info
	flags     flags
	// deleted is true when the cookie is being removed (MaxAge < 0):
	// its value is not sent to be kept.
	deleted bool
	// escapes is true when the cookie is handed to code that may set
	// its flags and is not understood (an unknown function).
	escapes bool
	// flagStores counts the assignments to Secure and HttpOnly after
	// the literal, which rule out a fix to the literal.
	flagStores int
	lit        *ast.CompositeLit
	via        string
}

func isCookiePtr(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	return ok && isCookieType(p.Elem())
}

// indexSyntax indexes the http.Cookie composite literals of the package
// by left brace and by each key's colon (the positions SSA gives the
// literal's allocation and field stores), and call expressions by their
// left parenthesis.
func indexSyntax(pass *analysis.Pass) (map[token.Pos]*ast.CompositeLit, map[token.Pos]*ast.CallExpr) {
	lits := map[token.Pos]*ast.CompositeLit{}
	calls := map[token.Pos]*ast.CallExpr{}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				calls[call.Lparen] = call
				return true
			}
			lit, ok := n.(*ast.CompositeLit)
			if !ok || !isCookieType(pass.TypesInfo.TypeOf(lit)) {
				return true
			}
			lits[lit.Lbrace] = lit
			for _, e := range lit.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					lits[kv.Colon] = lit
				}
			}
			return true
		})
	}
	return lits, calls
}

// cookieSinkOf recognises a call that sends a cookie and returns the
// cookie pointer it sends, with the sink's name; for gin, whose setter
// takes the fields as arguments, it returns the shape directly.
func (f *fnState) cookieSinkOf(call *ssa.Call) (ssa.Value, *shape, string) {
	c := call.Common()
	callee := credsrc.Callee(c)
	if callee == nil {
		return nil, nil, ""
	}
	switch funcKey(callee) {
	case "net/http.SetCookie":
		if len(c.Args) == 2 {
			return c.Args[1], nil, "http.SetCookie"
		}
	case pkgFiberV2 + ".Ctx.Cookie":
		if len(c.Args) == 2 {
			return c.Args[1], nil, "fiber.Ctx.Cookie"
		}
	case pkgFiberV3 + ".Ctx.Cookie":
		if c.IsInvoke() && len(c.Args) == 1 {
			return c.Args[0], nil, "fiber.Ctx.Cookie"
		}
	case pkgEcho + ".Context.SetCookie":
		if a := echoArgs(c); len(a) == 1 {
			return a[0], nil, "echo.Context.SetCookie"
		}
	case pkgGin + ".Context.SetCookie":
		if len(c.Args) == 8 {
			sh := &shape{nameParam: -1, values: []ssa.Value{c.Args[2]}}
			sh.name, sh.nameKnown = constString(c.Args[1])
			sh.flags.Secure = boolFlag(c.Args[6])
			sh.flags.HTTPOnly = boolFlag(c.Args[7])
			if n, ok := constInt(c.Args[3]); ok && n < 0 {
				sh.deleted = true
			}
			return nil, sh, "gin.Context.SetCookie"
		}
	}
	if i, ok := headerSetters[funcKey(callee)]; ok {
		if c.IsInvoke() {
			i-- // an interface method (fiber v3's Ctx): no receiver argument
		}
		if i >= 0 && i+1 < len(c.Args) {
			if k, ok := constString(c.Args[i]); ok && strings.EqualFold(k, "Set-Cookie") {
				v := c.Args[i+1]
				if sc, ok := v.(*ssa.Call); ok {
					if fn := credsrc.Callee(sc.Common()); funcKey(fn) == "net/http.Cookie.String" && len(sc.Call.Args) == 1 {
						return sc.Call.Args[0], nil, "the Set-Cookie header"
					}
				}
				if sh := rawCookie(v); sh != nil {
					return nil, sh, "the Set-Cookie header"
				}
			}
		}
	}
	return nil, nil, ""
}

// headerSetters are the calls that set a response header from a name
// and a value, with the index of the name's argument (the value
// follows): net/http's Header and the frameworks' own setters, which
// write the same header.
var headerSetters = map[string]int{
	"net/http.Header.Add":               1,
	"net/http.Header.Set":               1,
	pkgGin + ".Context.Header":          1,
	pkgFiberV2 + ".Ctx.Set":             1,
	pkgFiberV3 + ".Ctx.Set":             1,
	pkgFasthttp + ".ResponseHeader.Set": 1,
	pkgFasthttp + ".ResponseHeader.Add": 1,
}

func boolFlag(v ssa.Value) tri {
	if b, ok := constBool(v); ok {
		if b {
			return yes
		}
		return no
	}
	return unknown
}

// checkCookies reports credential cookies sent without their flags,
// and records in the summary what the function does with cookies passed
// to it.
func (f *fnState) checkCookies() {
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			ptr, sh, sink := f.cookieSinkOf(call)
			if sink == "" {
				f.cookieViaHelper(call)
				continue
			}
			if sh != nil {
				f.judgeCookie(call, sh, sink)
				continue
			}
			for _, sh := range f.cookieShapes(ptr, call, 0) {
				f.judgeCookie(call, sh, sink)
			}
		}
	}
	f.summarizeCookieParams()
}

// cookieViaHelper handles a cookie built here and handed to a helper
// that sends it (func send(w, c *http.Cookie) { http.SetCookie(w, c) }).
func (f *fnState) cookieViaHelper(call *ssa.Call) {
	c := call.Common()
	s := f.st.summaryOf(c)
	if s == nil {
		return
	}
	name := credsrc.QualifiedName(credsrc.Callee(c))
	for _, cv := range s.CookieValues {
		if cv.Self || cv.Param >= len(c.Args) {
			continue
		}
		vi := f.cred(c.Args[cv.Param])
		if vi.ok {
			where := "a cookie"
			if cv.Name != "" {
				where = fmt.Sprintf("cookie %q", cv.Name)
			}
			if nameCred, known := credsrc.CookieName(cv.Name); known && !nameCred {
				continue
			}
			d := analysis.Diagnostic{
				Pos:      call.Pos(),
				Category: catCookie,
				Message:  fmt.Sprintf("%s reaches %s set by %s via %s without %s", vi.src.Desc, where, cv.Sink, name, cv.Missing),
			}
			if vi.pos.IsValid() {
				d.Related = []analysis.RelatedInformation{{Pos: vi.pos, Message: vi.src.Desc}}
			}
			f.found = append(f.found, d)
		}
		eachBit(vi.params, func(p int) {
			f.sum.CookieValues = append(f.sum.CookieValues, cookieValueSink{Param: p, Name: cv.Name, Missing: cv.Missing, Sink: cv.Sink, Self: vi.ok})
		})
	}
	for _, cp := range s.CookieParams {
		if !cp.Sends || cp.Param >= len(c.Args) {
			continue
		}
		for _, sh := range f.cookieShapes(c.Args[cp.Param], call, 0) {
			sh.flags = sh.flags.merge(cp.Flags)
			f.judgeCookie(call, sh, name)
		}
	}
}

// cookieShapes returns the cookies a pointer may hold, with what the
// function does to them; an empty list when they are built where the
// function cannot see (a parameter, an unknown library).
func (f *fnState) cookieShapes(v ssa.Value, sink *ssa.Call, depth int) []*shape {
	if depth > 4 {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Phi:
		var out []*shape
		for _, e := range v.Edges {
			out = append(out, f.cookieShapes(e, sink, depth+1)...)
		}
		return out
	case *ssa.Alloc:
		sh := &shape{nameParam: -1, lit: f.st.lits[v.Pos()]}
		f.walkCookie(v, sh, sink)
		return []*shape{sh}
	case *ssa.UnOp:
		// A pointer variable that escaped: the cookies stored in it.
		if a, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL {
			var out []*shape
			for _, ref := range *a.Referrers() {
				if s, ok := ref.(*ssa.Store); ok && s.Addr == a {
					out = append(out, f.cookieShapes(s.Val, sink, depth+1)...)
				}
			}
			return out
		}
	case *ssa.Call:
		s := f.st.summaryOf(v.Common())
		if s == nil || s.Cookie == nil {
			return nil // built by a library (gorilla/sessions, scs) or unknown code
		}
		cr := s.Cookie
		args := v.Common().Args
		sh := &shape{nameParam: -1, flags: cr.Flags, name: cr.Name, nameKnown: cr.Name != "",
			via: credsrc.QualifiedName(credsrc.Callee(v.Common()))}
		if cr.NameParam >= 0 && cr.NameParam < len(args) {
			sh.name, sh.nameKnown = constString(args[cr.NameParam])
		}
		if cr.Value != nil {
			src := *cr.Value
			src.Desc += " (in the cookie built by " + sh.via + ")"
			sh.valueInfo = info{src: src, ok: true, pos: v.Pos()}
		}
		if cr.ValueParam >= 0 && cr.ValueParam < len(args) {
			sh.values = append(sh.values, args[cr.ValueParam])
		}
		f.walkCookie(v, sh, sink)
		return []*shape{sh}
	}
	return nil
}

// walkCookie reads what the function does to the cookie ptr points to:
// the fields it assigns and the helpers it hands the cookie to.
func (f *fnState) walkCookie(ptr ssa.Value, sh *shape, sink *ssa.Call) {
	refs := ptr.Referrers()
	if refs == nil {
		return
	}
	for _, ref := range *refs {
		switch r := ref.(type) {
		case *ssa.FieldAddr:
			if r.X != ptr {
				continue
			}
			field := flagField(fieldName(ptr.Type(), r.Field))
			for _, fr := range *r.Referrers() {
				if s, ok := fr.(*ssa.Store); ok && s.Addr == r && liveBlock(s.Block()) {
					sh.set(field, s, f.st.lits)
				}
			}
		case *ssa.Call:
			if r == sink {
				continue
			}
			c := r.Common()
			callee := credsrc.Callee(c)
			if callee != nil && callee.Pkg() != nil && readsOnly[callee.Pkg().Path()] {
				// These packages read or print cookies but never set
				// their flags.
				continue
			}
			if _, _, name := f.cookieSinkOf(r); name != "" {
				continue // another sink: judged on its own
			}
			s := f.st.summaryOf(c)
			found := false
			if s != nil {
				for i, a := range c.Args {
					if a != ptr {
						continue
					}
					for _, cp := range s.CookieParams {
						if cp.Param == i {
							sh.flags = sh.flags.merge(cp.Flags)
							found = true
						}
					}
				}
			}
			if !found {
				sh.escapes = true
			}
		case *ssa.Store:
			if r.Val == ptr {
				sh.escapes = true // kept somewhere else may set its flags
			}
			if r.Addr == ptr {
				// c := http.Cookie{…}: the literal is built apart and
				// copied into the variable.
				if ld, ok := r.Val.(*ssa.UnOp); ok && ld.Op == token.MUL {
					if a, ok := ld.X.(*ssa.Alloc); ok {
						if sh.lit == nil {
							sh.lit = f.st.lits[a.Pos()]
						}
						f.walkCookie(a, sh, sink)
						continue
					}
				}
				sh.escapes = true
			}
		}
	}
}

// readsOnly are standard packages that take cookies to read, print or
// send them, never to change their flags.
var readsOnly = map[string]bool{
	"net/http": true, "net/http/httptest": true, "fmt": true, "log": true, "log/slog": true,
	"encoding/json": true, "errors": true, "strings": true,
}

// fieldName names field i of the struct t points to.
func fieldName(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i < 0 || i >= st.NumFields() {
		return ""
	}
	return st.Field(i).Name()
}

// set records one assignment to a cookie field.
func (sh *shape) set(field string, s *ssa.Store, lits map[token.Pos]*ast.CompositeLit) {
	inLit := lits[s.Pos()] != nil
	switch field {
	case "Name":
		if n, ok := constString(s.Val); ok {
			sh.name, sh.nameKnown = n, true
		} else if p, ok := s.Val.(*ssa.Parameter); ok {
			sh.nameParam = paramIndex(p.Parent(), p)
		}
	case "Value":
		sh.values = append(sh.values, s.Val)
	case "Secure":
		sh.flags.Secure = sh.flags.Secure.merge(boolFlag(s.Val))
		if !inLit {
			sh.flagStores++
		}
	case "HttpOnly":
		sh.flags.HTTPOnly = sh.flags.HTTPOnly.merge(boolFlag(s.Val))
		if !inLit {
			sh.flagStores++
		}
	case "SameSite":
		sh.flags.SameSiteNone = sh.flags.SameSiteNone.merge(sameSiteValue(s.Val))
	case "MaxAge":
		if n, ok := constInt(s.Val); ok && n < 0 {
			sh.deleted = true
		}
	}
}

// valueOf says whether the cookie's value is a credential, and which
// parameters of the function reach it.
func (f *fnState) valueOf(sh *shape) (info, bool) {
	vi := sh.valueInfo
	constant := len(sh.values) > 0 || vi.ok
	for _, v := range sh.values {
		vi = vi.union(f.cred(v))
		if _, ok := v.(*ssa.Const); !ok {
			constant = false
		}
	}
	if constant && !vi.ok {
		return info{}, false // a literal value (or "" to clear the cookie)
	}
	nameCred, nameKnown := credsrc.CookieName(sh.name)
	if sh.nameKnown && nameKnown && !nameCred {
		return info{}, false // theme, locale, CSRF double-submit token …
	}
	if vi.ok && genericCookie(vi.src) && !nameCred {
		// A cookie read from the request and written back: a
		// credential only when the new cookie's name says so.
		vi.ok = false
	}
	if !vi.ok && nameCred && len(sh.values) > 0 && !allOAuthState(sh.values) {
		vi.ok = true
		vi.src = credsrc.Source{Kind: credname.Credential, Desc: fmt.Sprintf("value of the %q cookie", sh.name)}
		vi.pos = token.NoPos
	}
	return vi, true
}

// allOAuthState reports whether every value of a cookie is also handed
// to oauth2's AuthCodeURL as the state: the login flow's anti-CSRF
// value, kept in the cookie for the callback to compare, whatever the
// cookie is called (traQ's traq_ext_auth_cookie). It grants nothing on
// its own, so no flag of its cookie guards a credential.
func allOAuthState(values []ssa.Value) bool {
	for _, v := range values {
		if !oauthState(v) {
			return false
		}
	}
	return len(values) > 0
}

func oauthState(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		call, ok := r.(ssa.CallInstruction)
		if !ok {
			continue
		}
		c := call.Common()
		if funcKey(credsrc.Callee(c)) == "golang.org/x/oauth2.Config.AuthCodeURL" && len(c.Args) >= 2 && c.Args[1] == v {
			return true
		}
	}
	return false
}

// genericCookie reports whether src is a request cookie as such, which
// may hold a preference as well as a session.
func genericCookie(src credsrc.Source) bool {
	return strings.HasPrefix(src.Desc, "cookie value") || strings.HasPrefix(src.Desc, "cookie of the request") || strings.HasPrefix(src.Desc, "cookies ")
}

// judgeCookie reports a credential cookie sent without its flags, and
// records a parameter that reaches one in the summary.
func (f *fnState) judgeCookie(call *ssa.Call, sh *shape, sink string) {
	if sh.escapes || sh.deleted {
		return
	}
	missing := sh.flags.missing()
	if missing == "" {
		return
	}
	vi, ok := f.valueOf(sh)
	if !ok {
		return
	}
	name := sh.name
	where := "a cookie"
	if sh.nameKnown {
		where = fmt.Sprintf("cookie %q", name)
	}
	if vi.ok {
		pos, end := call.Pos(), token.NoPos
		if sh.lit != nil && f.inFunc(sh.lit.Pos()) {
			pos, end = sh.lit.Pos(), sh.lit.End()
		}
		by := sink
		if sh.via != "" {
			by = sink + " (built by " + sh.via + ")"
		}
		d := analysis.Diagnostic{
			Pos:      pos,
			End:      end,
			Category: catCookie,
			Message:  fmt.Sprintf("%s reaches %s set by %s without %s", vi.src.Desc, where, by, missing),
		}
		if vi.pos.IsValid() && vi.pos != pos {
			d.Related = []analysis.RelatedInformation{{Pos: vi.pos, Message: vi.src.Desc}}
		}
		if fix, ok := cookieFix(f.st.pass, sh); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		f.found = append(f.found, d)
	}
	eachBit(vi.params, func(p int) {
		for _, cv := range f.sum.CookieValues {
			if cv.Param == p {
				return
			}
		}
		f.sum.CookieValues = append(f.sum.CookieValues, cookieValueSink{Param: p, Name: name, Missing: missing, Sink: sink, Self: vi.ok})
	})
}

// inFunc reports whether pos lies in the function's source.
func (f *fnState) inFunc(pos token.Pos) bool {
	syn := f.fn.Syntax()
	return syn != nil && syn.Pos() <= pos && pos < syn.End()
}

// summarizeCookieParams records what the function does to each
// *http.Cookie parameter: the flags it sets on every path to a return
// (a flag set only on some paths is unknown), and whether it sends it.
func (f *fnState) summarizeCookieParams() {
	for i, p := range f.fn.Params {
		if !isCookiePtr(p.Type()) {
			continue
		}
		cp := cookieParam{Param: i}
		for _, ref := range *p.Referrers() {
			switch r := ref.(type) {
			case *ssa.FieldAddr:
				field := flagField(fieldName(p.Type(), r.Field))
				for _, fr := range *r.Referrers() {
					s, ok := fr.(*ssa.Store)
					if !ok || s.Addr != r {
						continue
					}
					t := boolFlag(s.Val)
					if field == "SameSite" {
						t = sameSiteValue(s.Val)
					}
					if t == yes && !f.always(s.Block()) {
						t = unknown
					}
					switch field {
					case "Secure":
						cp.Flags.Secure = cp.Flags.Secure.merge(t)
					case "HttpOnly":
						cp.Flags.HTTPOnly = cp.Flags.HTTPOnly.merge(t)
					case "SameSite":
						cp.Flags.SameSiteNone = cp.Flags.SameSiteNone.merge(t)
					}
				}
			case *ssa.Call:
				if ptr, _, sink := f.cookieSinkOf(r); sink != "" && ptr == p {
					cp.Sends, cp.Sink = true, sink
					continue
				}
				if s := f.st.summaryOf(r.Common()); s != nil {
					for j, a := range r.Common().Args {
						if a != p {
							continue
						}
						for _, inner := range s.CookieParams {
							if inner.Param == j {
								cp.Flags = cp.Flags.merge(inner.Flags)
								if inner.Sends {
									cp.Sends, cp.Sink = true, inner.Sink
								}
							}
						}
					}
				}
			}
		}
		if cp.Sends || cp.Flags != (flags{}) {
			f.sum.CookieParams = append(f.sum.CookieParams, cp)
		}
	}
}

// always reports whether block b runs on every path that returns.
func (f *fnState) always(b *ssa.BasicBlock) bool {
	for _, rb := range f.fn.Blocks {
		if _, ok := rb.Instrs[len(rb.Instrs)-1].(*ssa.Return); ok && !b.Dominates(rb) {
			return false
		}
	}
	return true
}

// cookieResult summarizes the *http.Cookie a function returns.
func (f *fnState) cookieResult(v ssa.Value) *cookieResult {
	shapes := f.cookieShapes(v, nil, 0)
	if len(shapes) != 1 || shapes[0].escapes {
		return nil
	}
	sh := shapes[0]
	cr := &cookieResult{Name: sh.name, NameParam: sh.nameParam, ValueParam: -1, Flags: sh.flags}
	for _, val := range sh.values {
		if p, ok := val.(*ssa.Parameter); ok {
			cr.ValueParam = paramIndex(f.fn, p)
		}
		if ci := f.cred(val); ci.ok {
			src := ci.src
			cr.Value = &src
		}
	}
	if sh.valueInfo.ok {
		src := sh.valueInfo.src
		cr.Value = &src
	}
	// A flag the builder sets only on some paths counts as set
	// (walkCookie merges every assignment), so the caller stays silent
	// as it would for a flag from configuration.
	return cr
}

// liveBlock reports whether b can run: it is reachable from its
// function's entry when an If on a constant condition takes only its
// constant's branch. uptrace's NewCookie sets Secure inside if false {…},
// which never runs, so the cookie it makes is never Secure.
func liveBlock(b *ssa.BasicBlock) bool {
	if b == nil || b.Parent() == nil || len(b.Parent().Blocks) == 0 {
		return true
	}
	seen := map[*ssa.BasicBlock]bool{}
	work := []*ssa.BasicBlock{b.Parent().Blocks[0]}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		if x == b {
			return true
		}
		succs := x.Succs
		if len(x.Instrs) > 0 {
			if iff, ok := x.Instrs[len(x.Instrs)-1].(*ssa.If); ok && len(succs) == 2 {
				if c, ok := iff.Cond.(*ssa.Const); ok && c.Value != nil {
					if constant.BoolVal(c.Value) {
						succs = succs[:1]
					} else {
						succs = succs[1:]
					}
				}
			}
		}
		work = append(work, succs...)
	}
	return false
}
