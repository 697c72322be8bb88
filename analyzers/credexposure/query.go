package credexposure

import (
	"fmt"
	"go/token"
	"go/types"
	"net/url"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// clientCalls are the calls that send a request to their URL argument,
// keyed by funcKey, with the URL's index among the SSA arguments (a
// static method call's receiver is argument 0).
var clientCalls = map[string]int{
	"net/http.Get":                   0,
	"net/http.Head":                  0,
	"net/http.Post":                  0,
	"net/http.PostForm":              0,
	"net/http.NewRequest":            1,
	"net/http.NewRequestWithContext": 2,
	"net/http.Client.Get":            1,
	"net/http.Client.Head":           1,
	"net/http.Client.Post":           1,
	"net/http.Client.PostForm":       1,
	// A redirect sends the browser to the URL: its query goes to
	// the browser's history, the next server's logs and Referer.
	"net/http.Redirect":                         2,
	"github.com/gin-gonic/gin.Context.Redirect": 2,
	// fasthttp builds no http.Request: the URL is set on its own
	// request type, or given to its one-shot senders after the
	// destination buffer.
	pkgFasthttp + ".Request.SetRequestURI": 1,
	pkgFasthttp + ".Get":                   1,
	pkgFasthttp + ".GetTimeout":            1,
	pkgFasthttp + ".GetDeadline":           1,
	pkgFasthttp + ".Post":                  1,
	pkgFasthttp + ".Client.Get":            2,
	pkgFasthttp + ".Client.GetTimeout":     2,
	pkgFasthttp + ".Client.GetDeadline":    2,
	pkgFasthttp + ".Client.Post":           2,
}

// pkgFasthttp is valyala/fasthttp, whose client does not build on
// net/http.
const pkgFasthttp = "github.com/valyala/fasthttp"

// restyQueryParam are go-resty's (*Request).SetQueryParam methods,
// which put a value in the query of the request's URL.
var restyQueryParam = map[string]bool{
	"github.com/go-resty/resty/v2.Request.SetQueryParam": true,
	"resty.dev/v3.Request.SetQueryParam":                 true,
	"gopkg.in/resty.v1.Request.SetQueryParam":            true,
}

// restyParam judges a resty SetQueryParam(name, value) call.
func (f *fnState) restyParam(call *ssa.Call) {
	args := call.Common().Args
	key, _ := constString(args[1])
	if key != "" && credsrc.QueryKeyCarriesNoSecret(key) {
		return
	}
	ci := f.cred(args[2])
	if !ci.ok {
		ci = ci.union(f.byParamName(key, args[2]))
	}
	if ci.ok {
		ci.pos = call.Pos()
		f.reportQuery(call.Pos(), ci, "resty's SetQueryParam")
	}
	eachBit(ci.params, func(p int) { f.addQuerySink(p, "resty's SetQueryParam", true, ci.ok) })
}

// sinkName spells a client call for messages.
func sinkName(key string) string {
	key = strings.TrimPrefix(key, "net/")
	if rest, ok := strings.CutPrefix(key, pkgFasthttp+"."); ok {
		if m, ok := strings.CutPrefix(rest, "Request."); ok {
			return "(*fasthttp.Request)." + m
		}
		if m, ok := strings.CutPrefix(rest, "Client."); ok {
			return "(*fasthttp.Client)." + m
		}
		return "fasthttp." + rest
	}
	if strings.HasPrefix(key, "http.Client.") {
		return "(*http.Client)." + strings.TrimPrefix(key, "http.Client.")
	}
	if key == "github.com/gin-gonic/gin.Context.Redirect" {
		return "(*gin.Context).Redirect"
	}
	return key
}

// checkQueries reports credentials put in the query of a URL that an
// HTTP client sends, and records parameters that reach one.
func (f *fnState) checkQueries() {
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Call:
				c := in.Common()
				callee := credsrc.Callee(c)
				if callee == nil {
					continue
				}
				key := funcKey(callee)
				if i, ok := clientCalls[key]; ok && !c.IsInvoke() && i < len(c.Args) {
					f.querySink(in.Pos(), c.Args[i], sinkName(key))
					continue
				}
				if restyQueryParam[key] && len(c.Args) == 3 {
					f.restyParam(in)
					continue
				}
				if !f.queryViaHelper(in) {
					f.urlParamSinks(in, callee)
				}
			case *ssa.Store:
				// req.URL.RawQuery = q.Encode() on a request.
				fa, ok := in.Addr.(*ssa.FieldAddr)
				if !ok || fieldName(fa.X.Type(), fa.Field) != "RawQuery" || !isNamed(fa.X.Type(), "net/url", "URL") || !requestURL(fa.X) {
					continue
				}
				if incomingRequest(requestOf(fa.X)) {
					// A middleware rewriting the request it serves
					// for the next handler sends nothing.
					continue
				}
				ui := f.urlCred(in.Val, true)
				if ui.ok && !f.urlCred(in.Val, false).ok {
					ui.pos = in.Pos()
				}
				if ui.ok && !f.allowedURL(requestOf(fa.X)) {
					f.reportQuery(in.Pos(), ui, "the request's URL.RawQuery")
				}
			}
		}
	}
}

// requestURL reports whether u is loaded from the URL field of an
// *http.Request.
func requestURL(u ssa.Value) bool { return requestOf(u) != nil }

// requestOf returns the request whose URL field u is loaded from.
func requestOf(u ssa.Value) ssa.Value {
	ld, ok := u.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return nil
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok || fieldName(fa.X.Type(), fa.Field) != "URL" || !isNamed(fa.X.Type(), "net/http", "Request") {
		return nil
	}
	return fa.X
}

// incomingRequest reports whether r is the request a handler serves: a
// parameter of a function that also takes an http.ResponseWriter
// (filestash's WOPI middleware copies ?access_token= to ?authorization=
// on the request it hands to the next handler). A request the function
// builds or is given without a writer may be sent.
func incomingRequest(r ssa.Value) bool {
	p, ok := r.(*ssa.Parameter)
	if !ok || p.Parent() == nil {
		return false
	}
	params := p.Parent().Signature.Params()
	for i := 0; i < params.Len(); i++ {
		if isNamed(params.At(i).Type(), "net/http", "ResponseWriter") {
			return true
		}
	}
	return false
}

// querySink judges the URL argument of a client call.
func (f *fnState) querySink(pos token.Pos, arg ssa.Value, sink string) {
	ui := f.urlCred(arg, false)
	if f.allowedURL(arg) {
		return
	}
	if ui.ok {
		f.reportQuery(pos, ui, sink)
	}
	eachBit(ui.params, func(p int) { f.addQuerySink(p, sink, true, ui.ok) })
	eachBit(ui.urlParams, func(p int) { f.addQuerySink(p, sink, false, ui.ok) })
}

func (f *fnState) addQuerySink(p int, sink string, raw, self bool) {
	for _, q := range f.sum.QuerySinks {
		if q.Param == p {
			return
		}
	}
	f.sum.QuerySinks = append(f.sum.QuerySinks, paramSink{Param: p, Sink: sink, Raw: raw, Self: self})
}

// urlParamSinks treats a URL-named parameter of a function outside the
// standard library as a request's URL when nothing better is known of
// it: request builders (requests.New(endpoint).Do()) keep the URL in a
// field that the summaries do not follow. The name is a hint; the
// argument must still be a URL with a credential after its '?'.
func (f *fnState) urlParamSinks(call *ssa.Call, callee *types.Func) {
	if callee.Pkg() == nil || !nonStd(callee.Pkg().Path()) || callee.Pkg() == f.st.pass.Pkg {
		// The standard library's senders are known; this package's
		// functions are read whole.
		return
	}
	lname := strings.ToLower(callee.Name())
	for _, w := range []string{"redirect", "link", "mail", "log", "print", "error", "debug", "warn", "info"} {
		if strings.Contains(lname, w) {
			return // a link for the user's browser, or a message
		}
	}
	if !canSend(callee.Pkg()) {
		// A mail or notification builder's url parameter is a link
		// for the reader (vikunja's confirmation and reset mails).
		return
	}
	sig := callee.Type().(*types.Signature)
	c := call.Common()
	offset := 0
	if sig.Recv() != nil && !c.IsInvoke() {
		offset = 1 // SSA passes the receiver as argument 0
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if !urlName(p.Name()) || i+offset >= len(c.Args) {
			continue
		}
		a := c.Args[i+offset]
		if _, isParam := a.(*ssa.Parameter); isParam {
			continue // the caller's caller decides, through its own hint
		}
		ui := f.urlCred(a, false)
		if ui.ok && !f.allowedURL(a) {
			f.reportQuery(call.Pos(), ui, fmt.Sprintf("%s (its %s parameter)", credsrc.QualifiedName(callee), p.Name()))
		}
	}
}

// httpClientPkgs are packages whose import lets a package send HTTP
// requests: the standard client and the client libraries that do not
// build on it.
var httpClientPkgs = map[string]bool{
	"net/http":                     true,
	"github.com/valyala/fasthttp":  true,
	"github.com/go-resty/resty/v2": true,
	"resty.dev/v3":                 true,
	"gopkg.in/resty.v1":            true,
}

// canSend reports whether a package can send an HTTP request itself: it
// imports an HTTP client package. A request builder holds an
// *http.Client or calls http.NewRequest, so even the import list of
// export data (the packages its declarations refer to) names net/http.
// The url-parameter hint applies only to such packages.
func canSend(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if httpClientPkgs[imp.Path()] {
			return true
		}
	}
	return false
}

// nonStd reports whether an import path is outside the standard
// library: its first element has a dot.
func nonStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return strings.Contains(first, ".")
}

// urlName reports whether a parameter's name says it is a URL: its last
// word is url, uri or endpoint ("url", "endpoint", "requestURL").
func urlName(name string) bool {
	w := credname.Words(name)
	if len(w) == 0 {
		return false
	}
	switch w[len(w)-1] {
	case "url", "uri", "endpoint", "rawurl":
		return true
	}
	return false
}

// queryViaHelper applies a helper's summary: a credential argument that
// reaches the query of a URL the helper sends. It reports whether the
// helper's summary says anything of the query.
func (f *fnState) queryViaHelper(call *ssa.Call) bool {
	c := call.Common()
	s := f.st.summaryOf(c)
	if s == nil || len(s.QuerySinks) == 0 {
		return false
	}
	name := credsrc.QualifiedName(credsrc.Callee(c))
	for _, q := range s.QuerySinks {
		if q.Self || q.Param >= len(c.Args) {
			continue
		}
		var ui info
		if q.Raw {
			ui = f.cred(c.Args[q.Param])
			ui.urlParams = 0
			if ui.ok {
				ui.pos = call.Pos()
			}
		} else {
			ui = f.urlCred(c.Args[q.Param], false)
		}
		if ui.ok {
			f.reportQuery(call.Pos(), ui, q.Sink+" in "+name)
		}
		if q.Raw {
			eachBit(ui.params, func(p int) { f.addQuerySink(p, q.Sink, true, ui.ok) })
		} else {
			eachBit(ui.urlParams, func(p int) { f.addQuerySink(p, q.Sink, false, ui.ok) })
		}
	}
	return true
}

// reportQuery reports a credential in a URL's query, at the place it
// entered the URL when that is in this function.
func (f *fnState) reportQuery(sinkPos token.Pos, ui info, sink string) {
	pos := sinkPos
	d := analysis.Diagnostic{Category: catQuery}
	if ui.pos.IsValid() && f.inFunc(ui.pos) {
		pos = ui.pos
		if ui.pos != sinkPos {
			d.Related = []analysis.RelatedInformation{{Pos: sinkPos, Message: strings.TrimPrefix(urlSentBy(sink), "a URL ")}}
		}
	}
	d.Pos = pos
	d.Message = fmt.Sprintf("%s is put in the query string of %s", ui.src.Desc, urlSentBy(sink))
	if (pos == ui.pos && f.st.queryOptIn(pos)) || (sinkPos != pos && f.inFunc(sinkPos) && f.st.queryOptIn(sinkPos)) {
		d.Category = catQueryOptIn
		d.Message += ", when an option asks for it instead of the header or body another branch sends it in"
	}
	f.found = append(f.found, d)
}

// urlSentBy says where the URL goes: a redirect sends the browser there
// (its query lands in the history, the next server's log and Referer);
// a client call sends a request there.
func urlSentBy(sink string) string {
	base, _, _ := strings.Cut(sink, " ")
	if strings.HasSuffix(base, ".Redirect") {
		return "the URL the browser is redirected to by " + sink
	}
	return "a URL sent by " + sink
}

// urlCred walks back from a string or *url.URL value and reports whether
// it carries a credential in its query string. inQuery is true when the
// value itself is placed in a query (after a '?', as RawQuery, as a
// url.Values entry): any credential text in it counts. The position of
// the result is where the credential entered the query.
func (f *fnState) urlCred(v ssa.Value, inQuery bool) info {
	k := urlKey{v, inQuery}
	if m, ok := f.urls[k]; ok {
		if m == nil {
			return info{}
		}
		return *m
	}
	f.urls[k] = nil
	r := f.urlCred0(v, inQuery)
	f.urls[k] = &r
	return r
}

func (f *fnState) urlCred0(v ssa.Value, inQuery bool) info {
	var r info
	if inQuery {
		// Where the credential was read is not where it entered the
		// query: the caller that puts it there sets the position.
		r = f.cred(v)
		r.urlParams = 0
		r.pos = token.NoPos
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		if !inQuery {
			r.urlParams |= bit(paramIndex(f.fn, v))
		}
	case *ssa.Phi:
		for _, e := range v.Edges {
			r = r.union(f.urlCred(e, inQuery))
		}
	case *ssa.ChangeType:
		r = r.union(f.urlCred(v.X, inQuery))
	case *ssa.Convert:
		r = r.union(f.urlCred(v.X, inQuery))
	case *ssa.MakeInterface:
		r = r.union(f.urlCred(v.X, inQuery))
	case *ssa.BinOp:
		if v.Op != token.ADD {
			break
		}
		r = r.union(f.urlCred(v.X, inQuery))
		if hasFragment(v.X) {
			// After a '#': the URL's fragment, which no client sends
			// (go2rtc's "#header=Cookie:…", turned into a header).
			break
		}
		y := f.urlCred(v.Y, inQuery || hasQuery(v.X))
		if !y.ok && (inQuery || hasQuery(v.X)) {
			y = y.union(f.byParamName(tailParam(constTail(v.X)), v.Y))
		}
		if y.ok && !inQuery && hasQuery(v.X) && !f.urlCred(v.Y, false).ok {
			// The credential enters the query here.
			y.pos = v.Pos()
			if !y.pos.IsValid() {
				y.pos = v.Y.Pos()
			}
		}
		r = r.union(y)
	case *ssa.Call:
		r = r.union(f.urlCall(v, 0, inQuery))
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			r = r.union(f.urlCall(call, v.Index, inQuery))
		}
	case *ssa.UnOp:
		if a, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL {
			for _, ref := range *a.Referrers() {
				if s, ok := ref.(*ssa.Store); ok && s.Addr == a {
					r = r.union(f.urlCred(s.Val, inQuery))
				}
			}
		}
	case *ssa.Alloc:
		if isNamed(v.Type(), "net/url", "URL") {
			r = r.union(f.rawQueryStores(v))
		}
	}
	return r
}

// byParamName applies the name hint of a query parameter: a value that
// is not constant, sent under a parameter named access_token, api_key,
// client_secret, password and the like, is that credential. The bare
// names key, token's look-alikes sig and signature, and auth are too
// loose to say so alone.
func (f *fnState) byParamName(param string, v ssa.Value) info {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	if param == "" || !credsrc.StringLike(v.Type()) {
		return info{}
	}
	switch strings.ToLower(param) {
	case "key", "sig", "signature", "auth":
		return info{}
	}
	if credsrc.QueryKeyCarriesNoSecret(param) || !credname.IsCredentialParam(param) {
		return info{}
	}
	if _, isConst := v.(*ssa.Const); isConst || f.signedNonce(v) {
		return info{}
	}
	for _, n := range f.names[v] {
		if credsrc.ScriptReadable(n.Name()) {
			return info{}
		}
	}
	k := credname.Classify(param)
	if k == credname.None {
		k = credname.Credential
	}
	return info{src: credsrc.Source{Kind: k, Desc: fmt.Sprintf("%s sent as the %q query parameter", k, param)}, ok: true, pos: v.Pos()}
}

// constTail returns the constant text at the end of a concatenation.
func constTail(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.Const:
		s, _ := constString(v)
		return s
	case *ssa.BinOp:
		if v.Op == token.ADD {
			return constTail(v.Y)
		}
	}
	return ""
}

// tailParam returns the query parameter that text ends by opening
// ("…?role=member&access_token=" gives "access_token"), or "".
func tailParam(text string) string {
	if !strings.HasSuffix(text, "=") {
		return ""
	}
	text = strings.TrimSuffix(text, "=")
	if i := strings.LastIndexAny(text, "?&"); i >= 0 {
		return text[i+1:]
	}
	return ""
}

// hasQuery reports whether the text of v, as far as it is constant,
// opens a query string: a '?' in a constant, or in the constant
// parts of a concatenation or format.
func hasQuery(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const:
		s, _ := constString(v)
		return strings.Contains(s, "?")
	case *ssa.BinOp:
		return v.Op == token.ADD && (hasQuery(v.X) || hasQuery(v.Y))
	case *ssa.Call:
		if fn := credsrc.Callee(v.Common()); funcKey(fn) == "fmt.Sprintf" && len(v.Call.Args) > 0 {
			s, _ := constString(v.Call.Args[0])
			return strings.Contains(s, "?")
		}
	}
	return false
}

// hasFragment reports whether the text of v, as far as it is constant,
// opens a URL's fragment: a '#' in a constant of a concatenation.
func hasFragment(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const:
		s, _ := constString(v)
		return strings.Contains(s, "#")
	case *ssa.BinOp:
		return v.Op == token.ADD && (hasFragment(v.X) || hasFragment(v.Y))
	}
	return false
}

// fragmentAt returns the offset of the '#' that opens a URL's fragment
// in a format, outside its verbs (%#v is a verb), or -1.
func fragmentAt(format string) int {
	for i := 0; i < len(format); i++ {
		switch format[i] {
		case '%':
			j := i + 1
			for j < len(format) && strings.ContainsRune("+-# 0123456789.[]*", rune(format[j])) {
				j++
			}
			i = j // the verb's letter, or a literal %%
		case '#':
			return i
		}
	}
	return -1
}

// urlCall handles a call in a URL's history: Sprintf with the
// credential after the '?', url.Values.Encode, (*url.URL).String, and
// helpers that build URLs.
func (f *fnState) urlCall(call *ssa.Call, result int, inQuery bool) info {
	c := call.Common()
	callee := credsrc.Callee(c)
	if callee == nil {
		return info{}
	}
	var r info
	switch key := funcKey(callee); key {
	case "fmt.Sprintf":
		if len(c.Args) < 2 {
			return info{}
		}
		format, ok := constString(c.Args[0])
		if !ok {
			return info{}
		}
		offs := verbOffsets(format)
		frag := fragmentAt(format)
		for i, a := range varargs(c.Args[1]) {
			if i < len(offs) && frag >= 0 && offs[i] > frag {
				continue // in the URL's fragment, never sent
			}
			q := inQuery || i < len(offs) && strings.Contains(format[:offs[i]], "?")
			ai := f.urlCred(a, q)
			if !ai.ok && q && i < len(offs) {
				ai = ai.union(f.byParamName(tailParam(format[:offs[i]]), a))
			}
			if ai.ok && !inQuery && q && !f.urlCred(a, false).ok {
				ai.pos = call.Pos()
			}
			r = r.union(ai)
		}
		return r
	case "net/url.Values.Encode":
		return f.valuesCred(c.Args[0])
	case "net/url.URL.String", "net/url.URL.RequestURI":
		return f.urlStruct(c.Args[0])
	case "net/url.Parse", "net/url.ParseRequestURI":
		if result == 0 {
			return f.urlCred(c.Args[0], inQuery)
		}
		return info{}
	case "strings.TrimSuffix", "strings.TrimSpace", "strings.TrimRight", "strings.Join":
		return f.urlCred(c.Args[0], inQuery)
	}
	s := f.st.summaryOf(c)
	if s == nil {
		return info{}
	}
	name := credsrc.QualifiedName(callee)
	for _, u := range s.URLs {
		if u.Result == result {
			src := u.Source
			src.Desc += " (in the URL built by " + name + ")"
			r = r.union(info{src: src, ok: true, pos: call.Pos()})
		}
	}
	for _, fl := range s.URLFlows {
		if fl.Result == result && fl.Param < len(c.Args) {
			ai := f.cred(c.Args[fl.Param])
			ai.urlParams = 0
			if ai.ok {
				ai.pos = call.Pos()
			}
			r = r.union(ai)
		}
	}
	return r
}

// urlStruct reports whether the *url.URL u has a credential in its
// query: RawQuery assigned one, or parsed from a string with one.
func (f *fnState) urlStruct(u ssa.Value) info {
	r := f.rawQueryStores(u)
	switch u := u.(type) {
	case *ssa.Extract:
		if call, ok := u.Tuple.(*ssa.Call); ok {
			r = r.union(f.urlCall(call, u.Index, false))
		}
	case *ssa.Call:
		r = r.union(f.urlCall(u, 0, false))
	case *ssa.Phi:
		for _, e := range u.Edges {
			r = r.union(f.urlStruct(e))
		}
	}
	return r
}

// rawQueryStores looks at the assignments to u's RawQuery field.
func (f *fnState) rawQueryStores(u ssa.Value) info {
	var r info
	refs := u.Referrers()
	if refs == nil {
		return r
	}
	for _, ref := range *refs {
		if s, ok := ref.(*ssa.Store); ok && s.Addr == u {
			// u := url.URL{…}: the literal is built apart and copied.
			if ld, ok := s.Val.(*ssa.UnOp); ok && ld.Op == token.MUL {
				if a, ok := ld.X.(*ssa.Alloc); ok && a != u {
					r = r.union(f.rawQueryStores(a))
				}
			}
			continue
		}
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != u || fieldName(u.Type(), fa.Field) != "RawQuery" {
			continue
		}
		for _, fr := range *fa.Referrers() {
			if s, ok := fr.(*ssa.Store); ok && s.Addr == fa {
				ri := f.urlCred(s.Val, true)
				if ri.ok && !f.urlCred(s.Val, false).ok {
					ri.pos = s.Pos()
				}
				r = r.union(ri)
			}
		}
	}
	return r
}

// valuesCred reports whether a url.Values map holds a credential under
// a key that is not a signature, code, state or client id: through Set
// and Add calls and composite-literal entries.
func (f *fnState) valuesCred(m ssa.Value) info {
	var r info
	for _, mv := range aliases(m) {
		refs := mv.Referrers()
		if refs == nil {
			continue
		}
		for _, ref := range *refs {
			switch in := ref.(type) {
			case *ssa.Call:
				fn := credsrc.Callee(in.Common())
				k := funcKey(fn)
				if (k != "net/url.Values.Set" && k != "net/url.Values.Add") || len(in.Call.Args) != 3 || in.Call.Args[0] != mv {
					continue
				}
				if key, ok := constString(in.Call.Args[1]); ok && credsrc.QueryKeyCarriesNoSecret(key) {
					continue
				}
				ci := f.cred(in.Call.Args[2])
				if !ci.ok {
					key, _ := constString(in.Call.Args[1])
					ci = ci.union(f.byParamName(key, in.Call.Args[2]))
				}
				ci.urlParams = 0
				if ci.ok {
					ci.pos = in.Pos()
				}
				r = r.union(ci)
			case *ssa.MapUpdate:
				if in.Map != mv {
					continue
				}
				if key, ok := constString(in.Key); ok && credsrc.QueryKeyCarriesNoSecret(key) {
					continue
				}
				for _, e := range sliceLit(in.Value) {
					ci := f.cred(e)
					if !ci.ok {
						key, _ := constString(in.Key)
						ci = ci.union(f.byParamName(key, e))
					}
					ci.urlParams = 0
					if ci.ok {
						ci.pos = in.Pos()
					}
					r = r.union(ci)
				}
			}
		}
	}
	return r
}

// aliases returns the values that stand for the same map as m: m
// itself, and when m is loaded from a variable, every load of it.
func aliases(m ssa.Value) []ssa.Value {
	out := []ssa.Value{m}
	if ld, ok := m.(*ssa.UnOp); ok && ld.Op == token.MUL {
		if a, ok := ld.X.(*ssa.Alloc); ok {
			for _, ref := range *a.Referrers() {
				switch r := ref.(type) {
				case *ssa.UnOp:
					if r != ld {
						out = append(out, r)
					}
				case *ssa.Store:
					if r.Addr == a {
						out = append(out, r.Val)
					}
				}
			}
		}
	}
	return out
}

// verbOffsets returns the byte offset of each argument-consuming verb
// of a format string, in argument order (explicit argument indexes are
// not followed: the verbs are taken in order).
func verbOffsets(format string) []int {
	var out []int
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(format) && strings.ContainsRune("+-# 0123456789.[]*", rune(format[j])) {
			if format[j] == '*' {
				out = append(out, i)
			}
			j++
		}
		if j < len(format) && format[j] != '%' {
			out = append(out, i)
		}
		i = j
	}
	return out
}

// hostOf returns the host of a URL value as far as its leading text is
// constant, or "".
func (f *fnState) hostOf(v ssa.Value, depth int) string {
	if v == nil || depth > 6 {
		return ""
	}
	switch v := v.(type) {
	case *ssa.Const:
		s, _ := constString(v)
		return hostOfText(s)
	case *ssa.BinOp:
		return f.hostOf(v.X, depth+1)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if h := f.hostOf(e, depth+1); h != "" {
				return h
			}
		}
	case *ssa.Call:
		c := v.Common()
		switch funcKey(credsrc.Callee(c)) {
		case "fmt.Sprintf":
			if s, ok := constString(c.Args[0]); ok {
				if strings.HasPrefix(s, "%s") && len(c.Args) > 1 {
					// fmt.Sprintf("%s/test?access_token=%s", base, tok)
					return f.hostOf(sprintfArg(c.Args[1]), depth+1)
				}
				if i := strings.IndexByte(s, '%'); i >= 0 {
					s = s[:i]
				}
				return hostOfText(s)
			}
		case "net/url.URL.String", "net/url.URL.RequestURI":
			return f.hostOf(c.Args[0], depth+1)
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			c := call.Common()
			if i, ok := urlArgs[funcKey(credsrc.Callee(c))]; ok && i < len(c.Args) {
				return f.hostOf(c.Args[i], depth+1)
			}
		}
	}
	return ""
}

// urlArgs are the calls whose result is built on a URL argument, with
// its index.
var urlArgs = map[string]int{
	"net/url.Parse":                  0,
	"net/url.ParseRequestURI":        0,
	"net/http.NewRequest":            1,
	"net/http.NewRequestWithContext": 2,
}

// hostOfText parses the host out of the constant start of a URL.
func hostOfText(s string) string {
	if !strings.Contains(s, "://") {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		// A partial URL ("https://maps.googleapis.com/maps/api/geocode/json?key=")
		// parses; one cut inside the host does not.
		return ""
	}
	return u.Hostname()
}
