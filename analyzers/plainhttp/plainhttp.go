package plainhttp

import (
	"fmt"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/optin"
	"github.com/authvet/authvet/analyzers/internal/ssabuild"
	"github.com/authvet/authvet/internal/testsupport"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer reports API traffic that is not protected by TLS.
var Analyzer = &analysis.Analyzer{
	Name:      "plainhttp",
	Doc:       doc,
	URL:       "https://github.com/authvet/authvet/tree/main/analyzers/plainhttp",
	Requires:  []*analysis.Analyzer{ssabuild.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(schemeFact)},
}

// Options, set through Analyzer.Flags before analysis starts.
var (
	allowHosts   string
	flagInternal bool
)

func init() {
	Analyzer.Flags.StringVar(&allowHosts, "allow-hosts", "",
		"comma-separated hosts whose http:// URLs are not reported (example.test, .corp.example, *.lab.example)")
	Analyzer.Flags.BoolVar(&flagInternal, "internal", false,
		"also report plain HTTP to in-cluster and private-network hosts (single-label names, .internal, .local, .svc, private IPs)")
}

// Sub-rule categories; the driver prefixes them with "plainhttp/".
const (
	catURL          = "url"
	catSkipVerify   = "skip-verify"
	catSSHHostKey   = "ssh-host-key"
	catTLSVersion   = "tls-version"
	catSkipOptIn    = "skip-verify-opt-in"
	catURLNoCred    = "url-no-credential"
	catCipherSuite  = "cipher-suite"
	catGRPCInsecure = "grpc-insecure"
)

// clientSink is a call argument that is sent a request.
type clientSink struct {
	arg  int
	name string // as shown in messages
}

// clientCalls are the calls whose URL argument an HTTP or WebSocket
// client connects to, keyed by funcKey.
var clientCalls = map[string]clientSink{
	"net/http.Get":                                    {0, "http.Get"},
	"net/http.Head":                                   {0, "http.Head"},
	"net/http.Post":                                   {0, "http.Post"},
	"net/http.PostForm":                               {0, "http.PostForm"},
	"net/http.NewRequest":                             {1, "http.NewRequest"},
	"net/http.NewRequestWithContext":                  {2, "http.NewRequestWithContext"},
	"net/http.Client.Get":                             {0, "(*http.Client).Get"},
	"net/http.Client.Head":                            {0, "(*http.Client).Head"},
	"net/http.Client.Post":                            {0, "(*http.Client).Post"},
	"net/http.Client.PostForm":                        {0, "(*http.Client).PostForm"},
	"github.com/gorilla/websocket.Dialer.Dial":        {0, "(*websocket.Dialer).Dial"},
	"github.com/gorilla/websocket.Dialer.DialContext": {1, "(*websocket.Dialer).DialContext"},
	"nhooyr.io/websocket.Dial":                        {1, "websocket.Dial"},
	"github.com/coder/websocket.Dial":                 {1, "websocket.Dial"},
	"golang.org/x/net/websocket.Dial":                 {0, "websocket.Dial"},
	"golang.org/x/net/websocket.NewConfig":            {0, "websocket.NewConfig"},
	"github.com/gobwas/ws.Dial":                       {1, "ws.Dial"},
	"github.com/gobwas/ws.Dialer.Dial":                {1, "(ws.Dialer).Dial"},
	"github.com/MicahParks/keyfunc.Get":               {0, "keyfunc.Get"},
	"github.com/MicahParks/keyfunc/v2.Get":            {0, "keyfunc.Get"},
}

// restyPaths are the import paths of go-resty, whose clients take a base
// URL and per-request URLs.
var restyPaths = []string{"github.com/go-resty/resty/v2", "resty.dev/v3", "gopkg.in/resty.v1"}

func init() {
	// Key and provider-metadata fetches of the shared JWT/OIDC table.
	for _, u := range jwtlib.URLSinks() {
		clientCalls[u.Key] = clientSink{u.Arg, u.Display}
		relevantImports = append(relevantImports, u.Key[:strings.LastIndex(u.Key, ".")])
	}
	for _, p := range jwtlib.OIDCPaths() {
		for _, f := range jwtlib.OIDCEndpointFields {
			clientFields[p+".ProviderConfig."+f] = "oidc.ProviderConfig." + f
		}
	}
	for _, p := range restyPaths {
		clientCalls[p+".Client.SetBaseURL"] = clientSink{0, "(*resty.Client).SetBaseURL"}
		clientCalls[p+".Client.SetHostURL"] = clientSink{0, "(*resty.Client).SetHostURL"}
		for _, m := range []string{"Get", "Head", "Post", "Put", "Patch", "Delete", "Options"} {
			clientCalls[p+".Request."+m] = clientSink{0, "(*resty.Request)." + m}
		}
		clientCalls[p+".Request.Execute"] = clientSink{1, "(*resty.Request).Execute"}
	}
}

// clientFields are struct fields an OAuth2 or OIDC client sends
// requests to, or sends the user's browser to with a code, keyed by
// "pkg/path.Type.Field".
var clientFields = map[string]string{
	"golang.org/x/oauth2.Endpoint.AuthURL":                  "oauth2.Endpoint.AuthURL",
	"golang.org/x/oauth2.Endpoint.TokenURL":                 "oauth2.Endpoint.TokenURL",
	"golang.org/x/oauth2.Endpoint.DeviceAuthURL":            "oauth2.Endpoint.DeviceAuthURL",
	"golang.org/x/oauth2.Config.RedirectURL":                "oauth2.Config.RedirectURL",
	"golang.org/x/oauth2/clientcredentials.Config.TokenURL": "clientcredentials.Config.TokenURL",
}

// relevantImports are packages whose presence means the package may send
// traffic or configure TLS. A package that imports none of them and has
// no http:// or ws:// literal cannot produce a finding.
var relevantImports = []string{
	"net/http", "crypto/tls", "net/url", "golang.org/x/oauth2", "golang.org/x/oauth2/clientcredentials",
	"github.com/gorilla/websocket", "nhooyr.io/websocket", "github.com/coder/websocket",
	"golang.org/x/net/websocket", "github.com/gobwas/ws",
}

type checker struct {
	pass *analysis.Pass
	// cfgName names a library's TLS settings type while its
	// InsecureSkipVerify is judged (libtls.go).
	cfgName string
	// cfgField is that type's field that turns verification off
	// (InsecureSkipVerify, or Insecure).
	cfgField string
	res      *resolver
	allow    []string
	internal bool
	// reported holds the literals already reported, so that a literal
	// that reaches several sinks is reported once per package.
	reported map[token.Pos]bool
	skipFile map[*token.File]bool
	// tests says which code is test support (internal/testsupport):
	// harnesses whose InsecureSkipVerify talks to the test servers they
	// start, and tests full of fake base URLs.
	tests *testsupport.Index
	// ssa is the package's SSA form, built when a tls.Config field is
	// set from a value that is not a constant.
	ssa *tlsSSA
	// quiet holds public plain-HTTP URLs whose request carries no
	// visible credential (nocred.go), reported as notes after the
	// base-URL holders have had their say.
	quiet []quietURL
	// schemes knows the clients that decide a request's scheme
	// (schemeclient.go).
	schemes *schemeIndex
}

func run(pass *analysis.Pass) (any, error) {
	// The inspector is built here rather than required from
	// inspect.Analyzer: a driver keeps every analyzer's result until
	// the end of its run, and no other authvet analyzer needs it, so a
	// required one would hold every package's tree for that long.
	if len(pass.Files) == 0 || ssabuild.InGOROOT(pass) || ssabuild.InModCache(pass) {
		// Dependencies outside the module are not analyzed (the
		// analyzer has facts, so a driver runs it on them), so that
		// every driver gives the same result (ssabuild.InModCache).
		return nil, nil
	}
	insp := inspector.New(pass.Files)
	// Before the early return: a package that only wraps another's
	// client still passes the fact on.
	schemes := exportSchemeDeciders(pass)
	if !relevant(pass, insp) {
		return nil, nil // nothing here can send traffic or hold a URL
	}
	c := &checker{
		pass:     pass,
		res:      &resolver{pass: pass, insp: insp},
		allow:    parseAllow(allowHosts),
		internal: flagInternal,
		reported: make(map[token.Pos]bool),
		skipFile: make(map[*token.File]bool),
		tests:    testsupport.ForPass(pass),
		schemes:  schemes,
	}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			c.skipFile[pass.Fset.File(f.Pos())] = true
		}
	}

	// Two passes: first what reaches a client, then names that hold a
	// base URL, so that a literal found by both carries the more
	// precise message.
	var holders []func()
	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)}
	insp.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push || c.skipped(n.Pos()) {
			return true
		}
		// A URL written inside a branch that chooses the scheme
		// (if !cfg.UseTLS {…}) is an operator's explicit choice.
		urls := !optin.UnderCondition(stack, schemeWords)
		switch n := n.(type) {
		case *ast.CallExpr:
			if urls {
				holders = append(holders, c.call(n, stack)...)
			}
			c.grpcDial(n, stack)
			c.otlpExporter(n, stack)
		case *ast.CompositeLit:
			if urls {
				holders = append(holders, c.compositeLit(n)...)
			}
			c.tlsLit(n, stack)
			c.sshLit(n, stack)
		case *ast.AssignStmt:
			if urls {
				holders = append(holders, c.assign(n)...)
			}
			c.tlsAssign(n, stack)
			c.sshAssign(n, stack)
		case *ast.ValueSpec:
			if urls {
				holders = append(holders, c.valueSpec(n)...)
			}
		}
		return true
	})
	for _, h := range holders {
		h()
	}
	c.reportQuiet()
	return nil, nil
}

func parseAllow(s string) []string {
	var out []string
	for _, h := range strings.Split(s, ",") {
		if h = strings.ToLower(strings.TrimSpace(h)); h != "" {
			out = append(out, h)
		}
	}
	return out
}

// relevant reports whether the package imports a client or TLS package
// or holds an http:// or ws:// literal.
func relevant(pass *analysis.Pass, insp *inspector.Inspector) bool {
	for _, imp := range pass.Pkg.Imports() {
		p := trimVendor(imp.Path())
		for _, r := range relevantImports {
			if p == r {
				return true
			}
		}
		for _, r := range restyPaths {
			if p == r {
				return true
			}
		}
	}
	found := false
	insp.Preorder([]ast.Node{(*ast.BasicLit)(nil), (*ast.KeyValueExpr)(nil), (*ast.SelectorExpr)(nil)}, func(n ast.Node) {
		if found {
			return
		}
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				v := strings.ToLower(n.Value)
				found = strings.Contains(v, "http://") || strings.Contains(v, "ws://")
			}
		case *ast.KeyValueExpr:
			// A library's own TLS settings (libtls.go).
			id, ok := n.Key.(*ast.Ident)
			found = ok && (id.Name == "InsecureSkipVerify" || id.Name == "Insecure")
		case *ast.SelectorExpr:
			found = n.Sel.Name == "InsecureSkipVerify" || n.Sel.Name == "Insecure"
		}
	})
	return found
}

func (c *checker) skipped(pos token.Pos) bool {
	return c.skipFile[c.pass.Fset.File(pos)]
}

// call checks a call's URL argument against the client calls, and
// queues a holder check for arguments whose parameter names a base URL.
func (c *checker) call(call *ast.CallExpr, stack []ast.Node) []func() {
	info := c.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	key := funcKey(fn)
	if s, ok := clientCalls[key]; ok {
		if strings.HasPrefix(key, "net/http.NewRequest") && (c.servedInProcess(stack, c.isTestFile(call.Pos())) || c.builtOnly(stack)) {
			return nil
		}
		if s.arg < len(call.Args) {
			c.client(call.Args[s.arg], s.name, stack)
		}
		return nil
	}
	switch key {
	case "net/url.URL.ResolveReference", "net/url.URL.JoinPath", "net/url.URL.Parse":
		// The receiver is used as a base URL.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return []func(){func() { c.holder(sel.X, "base URL of "+fn.Name()) }}
		}
		return nil
	}
	// Arguments bound to a parameter named like a base URL
	// (NewClient(baseURL string)), or the argument of a setter such as
	// WithEndpoint or SetBaseURL. Parameter names come from the
	// signature, so this works for functions of other packages too.
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || fn.Pkg() == nil || isStdlib(fn.Pkg().Path()) || checksURL(fn.Name()) {
		return nil
	}
	var out []func()
	if def, name, ok := c.envDefault(fn, call); ok {
		// get("PUSH_URL", "http://…"): the variable's name says what
		// its default is (envdefault.go).
		out = append(out, func() { c.holder(def, "default of environment variable "+name) })
	}
	for i, a := range call.Args {
		if i >= sig.Params().Len() || (sig.Variadic() && i >= sig.Params().Len()-1) {
			break
		}
		p := sig.Params().At(i)
		if !isURLType(p.Type()) {
			continue
		}
		what := ""
		switch {
		case isBaseName(p.Name(), true):
			what = "argument " + p.Name() + " of " + fn.Name()
		case i == 0 && setterName(fn.Name()):
			what = "argument of " + fn.Name()
		default:
			continue
		}
		out = append(out, func() { c.holder(a, what) })
	}
	return out
}

// checkWords in a function's name say that it examines a URL rather
// than connects to it: IsRedirectURISecure(u), DefaultValidateURI(base,
// redirect), MustParseBaseURL(s).
var checkWords = map[string]bool{
	"is": true, "valid": true, "validate": true, "validation": true, "check": true,
	"verify": true, "match": true, "matches": true, "compare": true, "equal": true,
	"parse": true, "normalize": true, "sanitize": true, "format": true, "print": true,
	"log": true, "test": true, "assert": true, "expect": true, "require": true,
	// Link resolution and rendering take a document's base URL, not an
	// API's: ResolveToAbsoluteURL(baseURL, href).
	"resolve": true, "absolute": true, "abs": true, "join": true, "render": true,
	"rewrite": true, "filter": true, "extract": true, "relative": true,
}

func checksURL(name string) bool {
	for _, w := range credname.Words(name) {
		if checkWords[w] {
			return true
		}
	}
	return false
}

// isStdlib reports whether path is a standard library package, whose
// parameter names (url, rawURL, addr) describe anything but a base URL.
func isStdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// isURLType reports whether t can hold a URL: a string type or a
// net/url.URL.
func isURLType(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		// An optional string of an SDK's options (*string, set with
		// aws.String).
		if b, ok := p.Elem().Underlying().(*types.Basic); ok {
			return b.Info()&types.IsString != 0
		}
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&types.IsString != 0
	}
	return isNamed(t, "net/url", "URL")
}

// fieldKey names a field of a named struct type as "pkg/path.Type.Field".
func fieldKey(structType types.Type, field string) string {
	if p, ok := structType.(*types.Pointer); ok {
		structType = p.Elem()
	}
	n, ok := types.Unalias(structType).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return trimVendor(n.Obj().Pkg().Path()) + "." + n.Obj().Name() + "." + field
}

// compositeLit checks fields of OAuth2 and OIDC literals and queues
// holder checks for fields named like a base URL.
func (c *checker) compositeLit(lit *ast.CompositeLit) []func() {
	t := typeOf(c.pass.TypesInfo, lit)
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return nil
	}
	var out []func()
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if name, ok := clientFields[fieldKey(t, id.Name)]; ok {
			c.client(kv.Value, name, nil)
			continue
		}
		if f, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && isURLType(f.Type()) && isBaseName(id.Name, true) {
			v := kv.Value
			out = append(out, func() {
				if !c.res.fixedLater(f) {
					c.holder(v, "field "+id.Name)
				}
			})
		}
	}
	return out
}

// assign checks assignments to OAuth2 fields and queues holder checks
// for assignments to fields and variables named like a base URL.
func (c *checker) assign(as *ast.AssignStmt) []func() {
	if len(as.Lhs) != len(as.Rhs) || (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) {
		return nil
	}
	info := c.pass.TypesInfo
	var out []func()
	for i, l := range as.Lhs {
		v := as.Rhs[i]
		switch l := ast.Unparen(l).(type) {
		case *ast.SelectorExpr:
			sel := info.Selections[l]
			if sel == nil || sel.Kind() != types.FieldVal {
				continue
			}
			if name, ok := clientFields[fieldKey(typeOf(info, l.X), l.Sel.Name)]; ok {
				c.client(v, name, nil)
				continue
			}
			if isURLType(sel.Obj().Type()) && isBaseName(l.Sel.Name, true) {
				f := sel.Obj()
				out = append(out, func() {
					if !c.res.fixedLater(f) {
						c.holder(v, "field "+l.Sel.Name)
					}
				})
			}
		case *ast.Ident:
			if as.Tok != token.DEFINE {
				continue
			}
			if o := info.Defs[l]; o != nil && isURLType(o.Type()) && isBaseName(l.Name, true) {
				out = append(out, func() {
					if !c.res.fixedLater(o) {
						c.holder(v, "variable "+l.Name)
					}
				})
			}
		}
	}
	return out
}

// valueSpec queues holder checks for constants and variables named like
// a base URL.
func (c *checker) valueSpec(spec *ast.ValueSpec) []func() {
	if len(spec.Values) != len(spec.Names) {
		return nil
	}
	var out []func()
	for i, id := range spec.Names {
		o := c.pass.TypesInfo.Defs[id]
		if o == nil || !isURLType(o.Type()) || !isBaseName(id.Name, false) {
			continue
		}
		kind := "variable "
		if _, ok := o.(*types.Const); ok {
			kind = "constant "
		}
		v := spec.Values[i]
		out = append(out, func() {
			if !c.res.fixedLater(o) {
				c.holder(v, kind+id.Name)
			}
		})
	}
	return out
}

// client reports the plain-HTTP values of e, which reaches a client call
// or field named by where. A fixed http:// scheme is reported even when
// the host is only known at run time: no deployment can make it TLS.
//
// stack is the path to the client call, nil for an OAuth2 or OIDC field
// (which carries a client secret or an authorization code by nature).
// At a call, a host known only at run time is reported only when the
// request visibly carries a credential (see carriesCredentials).
func (c *checker) client(e ast.Expr, where string, stack []ast.Node) {
	for _, v := range c.res.resolve(e) {
		p, ok := c.parse(v)
		if !ok || (p.class != hostPublic && p.class != hostDynamic) {
			continue
		}
		if stack == nil && placeholderHost(p.host) {
			// An OAuth2 endpoint or redirect field holding the bare
			// reserved example domain (http://example.com/auth) is a
			// placeholder, as in a base-URL holder: no request is made
			// where the field is written (placeholder.go).
			continue
		}
		if stack != nil && c.clientDecidesScheme(stack, e) {
			// The client replaces the scheme (schemeclient.go).
			continue
		}
		quiet := stack != nil && !c.carriesCredentials(stack, v.s)
		if quiet && p.class == hostDynamic {
			continue
		}
		if v.foreign != "" {
			// Reported where the constant is declared if its name says
			// it holds a base URL and its package is analyzed.
			name := v.foreign[strings.LastIndexByte(v.foreign, '.')+1:]
			if isBaseName(name, false) {
				continue
			}
			c.reportURL(v, p, quiet, fmt.Sprintf("constant %s holds plain %s URL %s and reaches %s", v.foreign, proto(p), p.display(), where),
				fmt.Sprintf("use %s:// there", secure(p)))
			continue
		}
		if v.schemeLit {
			c.reportURL(v, p, quiet, fmt.Sprintf("url.URL with scheme %q (%s) reaches %s", p.scheme, p.display(), where), fmt.Sprintf("use %q", secure(p)))
		} else if p.class == hostDynamic {
			c.report(v, p, fmt.Sprintf("plain %s URL %s… with a run-time host reaches %s; use %s://", proto(p), p.scheme+"://", where, secure(p)))
		} else {
			c.reportURL(v, p, quiet, fmt.Sprintf("plain %s URL %s reaches %s", proto(p), p.display(), where), fmt.Sprintf("use %s://", secure(p)))
		}
	}
}

// holder reports the plain-HTTP values of e, which is stored in a
// constant, variable, field or parameter named like a base URL. Names are
// weaker evidence than a client call, so only a concrete host counts.
func (c *checker) holder(e ast.Expr, what string) {
	for _, v := range c.res.resolve(e) {
		if v.foreign != "" {
			continue // reported in its own package
		}
		if v.at != nil && c.isTestFile(v.at.Pos()) {
			// Tests are full of fake base URLs handed to the code
			// under test; there only traffic counts.
			continue
		}
		p, ok := c.parse(v)
		if !ok || p.class != hostPublic || placeholderHost(p.host) {
			// A bare reserved example domain is a placeholder
			// (placeholder.go).
			continue
		}
		c.report(v, p, fmt.Sprintf("%s holds plain %s URL %s; use %s://", what, proto(p), p.display(), secure(p)))
	}
}

func (c *checker) parse(v cand) (urlParts, bool) {
	if v.at == nil || c.skipped(v.at.Pos()) {
		return urlParts{}, false
	}
	p, ok := parseURL(v.s, c.allow, c.internal)
	if !ok {
		return p, false
	}
	// Only a literal that itself writes the scheme fixes it: "http" in
	// scheme := "http" followed by scheme + "://" + host is one of two
	// choices, and a url.URL Scheme field is the exception that proves
	// the rule.
	if lit, isLit := v.at.(*ast.BasicLit); isLit && !v.schemeLit {
		s, err := strconv.Unquote(lit.Value)
		if err != nil || !strings.HasPrefix(strings.ToLower(strings.TrimLeft(s, " \t\r\n")), p.scheme+"://") {
			return p, false
		}
	}
	return p, true
}

func proto(p urlParts) string {
	if p.scheme == "ws" {
		return "WebSocket"
	}
	return "HTTP"
}

func secure(p urlParts) string {
	if p.scheme == "ws" {
		return "wss"
	}
	return "https"
}

// report reports v once per package, with a fix that adds the "s" to
// the scheme when the literal starts with it and names no port (a
// scheme change on an explicit port would rarely be right).
func (c *checker) report(v cand, p urlParts, msg string) {
	c.reportAs(v, p, msg, catURL)
}

// reportAs is report under another category.
func (c *checker) reportAs(v cand, p urlParts, msg, category string) {
	pos := v.at.Pos()
	if c.reported[pos] {
		return
	}
	c.reported[pos] = true
	d := analysis.Diagnostic{Pos: pos, End: v.at.End(), Category: category, Message: msg}
	if lit, ok := v.at.(*ast.BasicLit); ok && v.foreign == "" && p.port == "" {
		if at, ok := schemeEnd(lit, p.scheme, v.schemeLit); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "use " + secure(p) + "://",
				TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("s")}},
			}}
		}
	}
	c.pass.Report(d)
}

// schemeEnd returns the position just after the scheme name at the
// start of the literal's text, where an "s" turns http into https.
func schemeEnd(lit *ast.BasicLit, scheme string, schemeOnly bool) (token.Pos, bool) {
	raw := lit.Value
	if len(raw) < 2 || (raw[0] != '"' && raw[0] != '`') {
		return token.NoPos, false
	}
	body := raw[1:]
	want := scheme + "://"
	if schemeOnly {
		if s, err := strconv.Unquote(raw); err != nil || !strings.EqualFold(s, scheme) {
			return token.NoPos, false
		}
		want = scheme
	}
	if len(body) < len(want) || !strings.EqualFold(body[:len(want)], want) {
		return token.NoPos, false
	}
	return lit.Pos() + 1 + token.Pos(len(scheme)), true
}

// servedInProcess reports whether the request made by the call on top of
// stack (req, err := http.NewRequest(…)) is only handed to a handler in
// the same function (h.ServeHTTP(w, req), handler(w, req)): a request
// built to exercise a handler, which never crosses a network.
//
// In a test file, where requests are built by the dozen to exercise
// handlers and request helpers, the request must be seen to leave: passed
// to a Do, RoundTrip or Send method, to a function of the package (a
// wrapper around the client) or returned.
func (c *checker) servedInProcess(stack []ast.Node, inTest bool) bool {
	info := c.pass.TypesInfo
	if len(stack) < 2 {
		return false
	}
	as, ok := stack[len(stack)-2].(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	req := info.ObjectOf(id)
	body := funcBodyOf(stack)
	if req == nil || body == nil {
		return false
	}
	served, sent, leaves := false, false, false
	isReq := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		// A copy with another context is the same request
		// (h.ServeHTTP(w, req.WithContext(ctx)), traefik's error
		// pages).
		if call, ok := e.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "WithContext" || sel.Sel.Name == "Clone") {
				if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal && isNamed(s.Recv(), "net/http", "Request") {
					e = ast.Unparen(sel.X)
				}
			}
		}
		id, ok := e.(*ast.Ident)
		return ok && info.Uses[id] == req
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if isReq(r) {
					leaves = true
				}
			}
		case *ast.CallExpr:
			for _, a := range n.Args {
				if !isReq(a) {
					continue
				}
				if isHandlerCall(info, n) {
					served = true
					continue
				}
				sent = true
				if fn, ok := typeutil.Callee(info, n).(*types.Func); ok {
					switch fn.Name() {
					case "Do", "RoundTrip", "Send":
						leaves = true
					}
					if fn.Pkg() == req.Pkg() && c.sends(fn) {
						leaves = true
					}
				} else {
					leaves = true // a function value: cannot tell
				}
			}
			// req.Do-style chains on the request itself.
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && isReq(sel.X) && (sel.Sel.Name == "Send" || sel.Sel.Name == "Do") {
				leaves = true
			}
		}
		return true
	})
	if inTest {
		return !leaves
	}
	return served && !sent
}

// sends reports whether a function of this package may send a request:
// it calls a Do, RoundTrip or Send method, or has no body to look at.
func (c *checker) sends(fn *types.Func) bool {
	decl := c.res.index().decls[fn.Origin()]
	if decl == nil || decl.Body == nil {
		return true
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				switch sel.Sel.Name {
				case "Do", "RoundTrip", "Send":
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// isTestFile reports whether pos is in test-support code: a _test.go
// file, a test harness package or file, or a function taking a testing
// type (internal/testsupport).
func (c *checker) isTestFile(pos token.Pos) bool {
	_, ok := c.tests.At(pos)
	return ok
}

// isHandlerCall reports whether call calls a ServeHTTP method or a
// function of type func(http.ResponseWriter, *http.Request).
func isHandlerCall(info *types.Info, call *ast.CallExpr) bool {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "ServeHTTP" {
		return true
	}
	sig, ok := typeOf(info, call.Fun).Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 2 {
		return false
	}
	return isNamed(sig.Params().At(0).Type(), "net/http", "ResponseWriter") && isNamed(sig.Params().At(1).Type(), "net/http", "Request")
}
