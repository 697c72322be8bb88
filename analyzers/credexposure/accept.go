package credexposure

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// websocketPaths are WebSocket libraries. A browser cannot set the
// Authorization header on a WebSocket handshake (nor on an EventSource),
// so servers that speak WebSocket accept a token in the query on
// purpose.
var websocketPaths = []string{
	"github.com/gorilla/websocket", "nhooyr.io/websocket", "github.com/coder/websocket",
	"golang.org/x/net/websocket", "github.com/gobwas/ws",
}

// scanAuthHeader reports whether the function reads the request's
// Authorization header (or another credential header).
func (f *fnState) scanAuthHeader() bool { return f.authHeaderName() != "" }

// authHeaderName returns the name of the credential header the function
// reads, or "".
func (f *fnState) authHeaderName() string {
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			c := call.Common()
			switch key := funcKey(credsrc.Callee(c)); key {
			case "net/http.Header.Get", "net/http.Header.Values", pkgGin + ".Context.GetHeader", pkgFiberV2 + ".Ctx.Get", pkgFiberV3 + ".Ctx.Get":
				i := 1
				if c.IsInvoke() {
					i = 0 // fiber v3's Ctx is an interface: no receiver argument
				}
				if len(c.Args) > i {
					if h, ok := constString(c.Args[i]); ok && credHeader(h) {
						return h
					}
				}
			}
		}
		for _, instr := range b.Instrs {
			if l, ok := instr.(*ssa.Lookup); ok && isNamed(l.X.Type(), "net/http", "Header") {
				if h, ok := constString(l.Index); ok && credHeader(h) {
					return h
				}
			}
		}
	}
	return ""
}

// credHeader reports whether a request header carries the caller's
// credential: Authorization, or a header named for a token or an API
// key (X-Api-Key, X-Auth-Token), not an anti-forgery token, which proves
// where a request came from, not who sent it.
func credHeader(h string) bool {
	if strings.EqualFold(h, "Authorization") {
		return true
	}
	l := strings.ToLower(h)
	if strings.Contains(l, "csrf") || strings.Contains(l, "xsrf") {
		return false
	}
	switch credname.Classify(h) {
	case credname.Token, credname.APIKey:
		return true
	}
	return false
}

// queryRead is a bearer token read from the query: directly, or by
// calling a helper of this package that reads it.
type queryRead struct {
	pos  token.Pos
	key  string
	via  string
	form bool // read by FormValue, which looks in the URL query first
}

// directQueryReads lists the function's own r.URL.Query().Get calls of
// a bearer parameter.
func (f *fnState) directQueryReads() []queryRead {
	var out []queryRead
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			c := call.Common()
			var keyArg ssa.Value
			form := false
			switch funcKey(credsrc.Callee(c)) {
			case "net/http.Request.FormValue":
				// FormValue reads the URL query as well as the body
				// (the query's value first, for every method): a token
				// read with it is accepted from the query string.
				if len(c.Args) == 2 && isNamed(c.Args[0].Type(), "net/http", "Request") {
					keyArg, form = c.Args[1], true
				}
			case pkgEcho + ".Context.FormValue":
				// echo's FormValue is net/http's.
				if a := echoArgs(c); len(a) >= 1 {
					keyArg, form = a[0], true
				}
			case "net/url.Values.Get":
				if len(c.Args) == 2 && queryOfRequest(c.Args[0]) {
					keyArg = c.Args[1]
				}
			case pkgGin + ".Context.Query", pkgGin + ".Context.DefaultQuery", pkgGin + ".Context.GetQuery":
				if len(c.Args) >= 2 {
					keyArg = c.Args[1]
				}
			case pkgEcho + ".Context.QueryParam":
				if a := echoArgs(c); len(a) >= 1 {
					keyArg = a[0]
				}
			case pkgFiberV3 + ".Ctx.Query":
				if c.IsInvoke() && len(c.Args) >= 1 {
					keyArg = c.Args[0]
				}
			case pkgFiberV2 + ".Ctx.Query":
				if len(c.Args) >= 2 {
					keyArg = c.Args[1]
				}
			}
			if keyArg == nil {
				continue
			}
			if key, ok := constString(keyArg); ok && bearerParam(key) {
				out = append(out, queryRead{pos: call.Pos(), key: key, form: form})
			}
		}
	}
	return out
}

// checkAccepted reports, at level note, a function that takes a bearer
// token from the URL query besides the Authorization header (RFC 6750
// §2.3 advises against it: the token ends up in access logs, history
// and Referer headers). Either read may be done by a helper of this
// package that the function calls.
func (f *fnState) checkAccepted() {
	if f.importsWebsocket() {
		return
	}
	reads := f.directQueryReads()
	authHeader := f.readsAuthHeader
	header := f.authHeaderName()
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || call.Common().IsInvoke() {
				continue
			}
			sf, ok := call.Common().Value.(*ssa.Function)
			if !ok || sf.Pkg != f.st.ssaPkg || sf == f.fn {
				continue
			}
			g := f.st.fn(sf)
			if h := g.authHeaderName(); h != "" {
				authHeader = true
				if header == "" {
					header = h
				}
				continue
			}
			for _, r := range g.directQueryReads() {
				reads = append(reads, queryRead{pos: call.Pos(), key: r.key, via: credsrc.QualifiedName(credsrc.Callee(call.Common())), form: r.form})
			}
		}
	}
	if len(reads) == 0 || !authHeader && !f.readsAuthHeaderVia(0) {
		return
	}
	for _, r := range reads {
		what := fmt.Sprintf("the %q query parameter", r.key)
		if r.form {
			what = fmt.Sprintf("the %q query parameter (a form value, which FormValue reads from the URL query too)", r.key)
		}
		if r.via != "" {
			what += " (read by " + r.via + ")"
		}
		// The header the function reads beside the query: the
		// Authorization header's token is a bearer token; another
		// credential header (linx-server's Linx-Access-Key) is named
		// as it is.
		msg := fmt.Sprintf("bearer token accepted from %s as well as the Authorization header", what)
		if header != "" && !strings.EqualFold(header, "Authorization") {
			msg = fmt.Sprintf("credential accepted from %s as well as the %s header", what, header)
		}
		f.found = append(f.found, analysis.Diagnostic{Pos: r.pos, Category: catQueryAccept, Message: msg})
	}
}

// importsWebsocket reports whether the package speaks WebSocket.
func (f *fnState) importsWebsocket() bool {
	for _, imp := range f.st.pass.Pkg.Imports() {
		for _, p := range websocketPaths {
			if imp.Path() == p || strings.HasPrefix(imp.Path(), p+"/") {
				return true
			}
		}
	}
	return false
}

// queryOfRequest reports whether v is r.URL.Query() of a request.
func queryOfRequest(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok || funcKey(credsrc.Callee(call.Common())) != "net/url.URL.Query" || len(call.Call.Args) != 1 {
		return false
	}
	return requestOf(call.Call.Args[0]) != nil
}

// bearerParam reports whether a query parameter carries a bearer token
// or API key: access_token, token, api_key, jwt and the like; not a
// code, a password or a signature.
func bearerParam(key string) bool {
	if credsrc.QueryKeyCarriesNoSecret(key) {
		return false
	}
	if l := strings.ToLower(key); strings.Contains(l, "csrf") || strings.Contains(l, "xsrf") {
		return false // an anti-forgery token, as for headers (credHeader)
	}
	switch credname.Classify(key) {
	case credname.Token, credname.APIKey:
		return true
	}
	switch strings.ToLower(key) {
	case "auth", "auth_token", "bearer",
		// The Authorization header's value itself, moved to the
		// query (filestash's ?authorization=, a stream's ?jwt=).
		"authorization", "jwt":
		return true
	}
	return false
}
