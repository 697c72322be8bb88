package tokenlog

import (
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// The error of a request holds its URL.
//
// net/http's client returns its failures (a refused connection, a
// timeout, a bad certificate) as a *url.Error whose URL field is the
// request URL, path and query included; only a user-info password is
// stripped. Its Error method prints that URL. So when a credential is
// put in the query or the path of the URL a request is sent to
// (?api_key=, a bot token in the path), the error of the send carries
// it: logging that error, where it is made or in any caller it is
// returned to, wrapped with %w or not, writes the credential to the log.
//
// Errors otherwise end flows (meaningless). The error result of a send
// is given a trace whose source is marked InError; only such a trace is
// kept on an error value, and it travels the way other credentials do:
// through returns (a summary's Results, exported as a fact), fmt.Errorf
// and other wrappers, to a log or print sink, where it is reported.
// Putting it in another error is not reported (the error rule): the
// wrap is no new exposure, the log it reaches is. A credential sent in
// a header or in the body is not in the URL, and an error the program
// makes itself from the response holds no URL.

// sendURLArg maps the net/http calls that send a request and return its
// error to the index, among the arguments after any receiver, of the URL
// they send to; -1 is a request whose URL is taken from it.
var sendURLArg = map[string]int{
	"Get":      0,
	"Head":     0,
	"Post":     0,
	"PostForm": 0,
	"Do":       -1,
}

// urlErrorCall gives the error result of a net/http send the credential
// that the URL of its request carries.
func (f *fnState) urlErrorCall(c *ssa.CallCommon, obj *types.Func, results []taint) {
	if c.IsInvoke() && c.Method.Name() == "Error" && len(results) == 1 && types.Identical(c.Value.Type(), errorType) {
		// err.Error(): the text holds what the error holds.
		if t, ok := errorCarried(f.val(c.Value)); ok {
			results[0] = results[0].union(t)
		}
		return
	}
	if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "net/http" || len(results) != 2 || c.IsInvoke() {
		return
	}
	idx, ok := sendURLArg[obj.Name()]
	recv := credsrc.RecvTypeName(obj)
	if !ok || (recv != "" && recv != "Client") || (recv == "" && idx < 0) {
		return
	}
	args := c.Args
	if recv != "" && len(args) > 0 {
		args = args[1:]
	}
	var t taint
	var ph *trace
	switch {
	case idx >= 0 && idx < len(args):
		t, ph = f.urlOrigin(args[idx], false)
	case idx < 0 && len(args) == 1:
		t, ph = f.urlOrigin(args[0], true)
	}
	if ph != nil {
		// A sending helper: its callers' URLs decide (ReqErrs).
		results[1] = results[1].union(taint{tr: ph})
		return
	}
	if t.tr == nil {
		return
	}
	tr := sentInError(t.tr, sendName(recv, obj.Name()), c.Pos(), "sent in the URL of a request; a failed send returns a *url.Error that holds the URL")
	results[1] = results[1].union(taint{tr: tr})
}

// urlOrigin is what the URL of a request carries: v is the URL (a
// string or *url.URL) or, when isReq, the *http.Request. It returns the
// credential the URL carries in its query or path, or, when the URL
// comes from a parameter of the function, a stand-in trace for it (see
// trace.reqParams), or neither.
func (f *fnState) urlOrigin(v ssa.Value, isReq bool) (taint, *trace) {
	var t taint
	if isReq {
		v = sameRequest(v)
		if p, ok := v.(*ssa.Parameter); ok {
			for i, fp := range f.fn.Params {
				if fp == p && i < 64 {
					return taint{}, standIn(1<<uint(i), false)
				}
			}
			return taint{}, nil
		}
		t = f.requestURLTaint(v)
	} else {
		if userInfoText(v) {
			return taint{}, nil
		}
		t = f.deep(v)
	}
	if t.tr != nil && (t.tr.carrier != nil || t.tr.userInfo || userInfoSource(t.tr.src) || t.tr.reqParams != 0) {
		return taint{}, nil
	}
	if t.tr != nil && t.tr.param == 0 {
		return taint{tr: t.tr}, nil
	}
	// A URL from parameters, also ones named as a credential (which a
	// summary's Results do not carry to callers): the callers decide.
	var mask uint64
	for i := 0; i < 64 && i < len(f.fn.Params); i++ {
		if t.params&(1<<uint(i)) != 0 && !meaningless(f.fn.Params[i].Type()) {
			mask |= 1 << uint(i)
		}
	}
	if mask != 0 {
		return taint{}, standIn(mask, true)
	}
	if t.tr != nil {
		return taint{tr: t.tr}, nil
	}
	return taint{}, nil
}

// standIn is the stand-in trace for the error of a request whose URL
// (url) or request (!url) comes from the parameters in mask.
func standIn(mask uint64, url bool) *trace {
	return &trace{src: credsrc.Source{InError: true, Desc: "request URL from a parameter"}, reqParams: mask, reqURL: url}
}

// sameRequest looks through the copies of a request that keep its URL:
// req.WithContext(ctx), req.Clone(ctx).
func sameRequest(v ssa.Value) ssa.Value {
	for depth := 0; depth < 4; depth++ {
		call, ok := v.(*ssa.Call)
		if !ok || call.Call.IsInvoke() || len(call.Call.Args) != 2 {
			return v
		}
		fn := credsrc.Callee(&call.Call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" || credsrc.RecvTypeName(fn) != "Request" || (fn.Name() != "WithContext" && fn.Name() != "Clone") {
			return v
		}
		v = call.Call.Args[0]
	}
	return v
}

// sentInError is the trace of the credential t the URL of a request
// carried, once it is in the error of its send by sender: marked
// InError, its hops counted up to the send, with step (when pos is
// valid) as the send's step.
func sentInError(t *trace, sender string, pos token.Pos, step string) *trace {
	tr := *t
	tr.src.InError = true
	tr.sentHops = len(t.via)
	tr.src.Desc = "error of " + sender + " holding the request URL with " + t.src.Desc
	if pos.IsValid() {
		tr.steps = append(append([]analysis.RelatedInformation(nil), t.steps...), analysis.RelatedInformation{Pos: pos, Message: step})
	}
	return &tr
}

func sendName(recv, name string) string {
	if recv != "" {
		return recv + "." + name
	}
	return "http." + name
}

// requestURLTaint is the taint of the URL of req, a request built in
// this function by http.NewRequest or http.NewRequestWithContext: its
// URL argument and what the function stores in the query or path of
// req.URL afterwards (req.URL.RawQuery = q.Encode()).
func (f *fnState) requestURLTaint(req ssa.Value) taint {
	ex, ok := req.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return taint{}
	}
	nr, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return taint{}
	}
	fn := credsrc.Callee(&nr.Call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
		return taint{}
	}
	var t taint
	var u ssa.Value
	switch a := nr.Call.Args; {
	case fn.Name() == "NewRequest" && len(a) == 3:
		u = a[1]
	case fn.Name() == "NewRequestWithContext" && len(a) == 4:
		u = a[2]
	default:
		return taint{}
	}
	if userInfoText(u) {
		// The credential is the URL's user info, which net/http
		// strips from the URL of its errors.
		return taint{}
	}
	t = f.deep(u)
	// Follow the request's uses: req.URL loaded, its RawQuery, Path or
	// RawPath field stored.
	for _, u := range referrers(ex) {
		rf, ok := u.(*ssa.FieldAddr)
		if !ok || fieldName(rf) != "URL" {
			continue
		}
		for _, u := range referrers(rf) {
			ld, ok := u.(*ssa.UnOp)
			if !ok || ld.Op != token.MUL {
				continue
			}
			for _, u := range referrers(ld) {
				fa, ok := u.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				switch fieldName(fa) {
				case "RawQuery", "Path", "RawPath":
				default:
					continue
				}
				for _, u := range referrers(fa) {
					if st, ok := u.(*ssa.Store); ok && st.Addr == fa {
						t = t.union(f.deep(st.Val))
					}
				}
			}
		}
	}
	return t
}

// referrers returns the instructions that use v, none when SSA does
// not track them.
func referrers(v ssa.Value) []ssa.Instruction {
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

// fieldName is the name of the field a FieldAddr selects.
func fieldName(fa *ssa.FieldAddr) string {
	if fld := credsrc.FieldOf(fa.X.Type(), fa.Field); fld != nil {
		return fld.Name()
	}
	return ""
}

// userInfoText reports whether the URL text v is built with an '@'
// and no '?' in its constant parts ("https://" + user + ":" + pass +
// "@" + host): the credential is in the user info.
//
// A format the program reads from its configuration
// (fmt.Sprintf(cfg.URL, cfg.User, cfg.Password), devtron's Grafana
// client, whose URL template is "http://%s:%s@host/...") shows no '@';
// a user name handed to it right before the password says the pair is
// the URL's user info.
func userInfoText(v ssa.Value) bool {
	var consts []string
	userPair := false
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if depth > 16 {
			return
		}
		switch v := v.(type) {
		case *ssa.BinOp:
			if v.Op == token.ADD {
				walk(v.X, depth+1)
				walk(v.Y, depth+1)
			}
		case *ssa.Call:
			if fn := credsrc.Callee(&v.Call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" && len(v.Call.Args) > 0 {
				walk(v.Call.Args[0], depth+1)
				if _, constFormat := credsrc.ConstString(v.Call.Args[0]); !constFormat && len(v.Call.Args) == 2 {
					userPair = userPair || userThenPassword(v.Call.Args[1])
				}
			}
		default:
			if s, ok := credsrc.ConstString(v); ok {
				consts = append(consts, s)
			}
		}
	}
	walk(v, 0)
	at := userPair
	for _, s := range consts {
		if strings.Contains(s, "?") {
			return false
		}
		at = at || strings.Contains(s, "@")
	}
	return at
}

// userThenPassword reports whether args, the ...any slice of a Sprintf,
// holds a user name immediately followed by a password, by the names of
// the fields or variables they are read from.
func userThenPassword(args ssa.Value) bool {
	alloc, ok := args.(*ssa.Slice)
	if !ok {
		return false
	}
	names := map[int64]string{}
	for _, r := range referrers(alloc.X) {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		k, ok := ia.Index.(*ssa.Const)
		if !ok {
			continue
		}
		for _, r2 := range referrers(ia) {
			st, ok := r2.(*ssa.Store)
			if !ok {
				continue
			}
			x := st.Val
			if mi, ok := x.(*ssa.MakeInterface); ok {
				x = mi.X
			}
			names[k.Int64()] = valueName(x)
		}
	}
	for i, n := range names {
		if credname.Classify(n) == credname.None && userWordName(n) && credname.Classify(names[i+1]) == credname.Password {
			return true
		}
	}
	return false
}

// valueName is the name of the field or variable x is read from, or "".
func valueName(x ssa.Value) string {
	if u, ok := x.(*ssa.UnOp); ok {
		if fa, ok := u.X.(*ssa.FieldAddr); ok {
			return fieldName(fa)
		}
		if g, ok := u.X.(*ssa.Global); ok {
			return g.Name()
		}
	}
	if p, ok := x.(*ssa.Parameter); ok {
		return p.Name()
	}
	return ""
}

// userWordName reports a name that says it holds a user name
// (GrafanaUsername, user, login).
func userWordName(n string) bool {
	for _, w := range credname.Words(n) {
		switch w {
		case "user", "username", "login", "usr":
			return true
		}
	}
	return false
}

// userInfoSource reports whether src is a credential that a URL holds
// in its user info, which net/http strips from the URL of its errors.
func userInfoSource(src credsrc.Source) bool {
	return src.Desc == userInfoDesc || strings.HasPrefix(src.Desc, dsnDescPrefix)
}

// errorCarried keeps, of the taint of an error value, only a trace
// marked InError (see above): other errors end flows.
func errorCarried(t taint) (taint, bool) {
	if t.tr == nil || !t.tr.src.InError {
		return taint{}, false
	}
	return taint{tr: t.tr}, true
}

// inError reports whether t is a credential held by an error.
func inError(t taint) bool { return t.tr != nil && t.tr.src.InError }

// errorWrapped gives the error an error constructor makes (fmt.Errorf
// with %w or %v, errors.Wrap) the credential an error among its
// arguments holds.
//
// The error it makes from a credential among the operands it prints
// (fmt.Errorf("bad key %s", key)) holds that credential too: the
// making is reported where it is (the error rule), and the error is
// followed as one that holds a credential, so that a caller that logs
// it is reported at its log call. A struct printed whole into it is
// left to the error rule.
func (f *fnState) errorWrapped(c *ssa.CallCommon, sk sink, args []ssa.Value, results []taint) {
	if len(results) == 0 {
		return
	}
	for i := range args {
		if t, ok := errorCarried(f.deep(args[i])); ok {
			results[0] = results[0].union(t)
		}
	}
	for i := sk.first; i < len(args); i++ {
		t := f.argOf(c, args, sk.first, i)
		if t.tr == nil || t.tr.src.InError || t.tr.carrier != nil || t.tr.reqParams != 0 || t.tr.param != 0 {
			continue // a parameter named as a credential: its callers decide
		}
		tr := *t.tr
		tr.src.InError = true
		tr.sentHops = len(t.tr.via)
		tr.src.Desc += " put in an error by " + sk.name
		tr.steps = append(append([]analysis.RelatedInformation(nil), t.tr.steps...), analysis.RelatedInformation{Pos: c.Pos(), Message: "put in an error by " + sk.name})
		results[0] = results[0].union(taint{tr: &tr})
	}
}

// reqErrApply applies what a sending helper does with the error of a
// request sent from one of its parameters (ReqErrs, ReqSinks) to the
// URL or request this call passes it: a credential the URL carries is
// then in the error the helper returns, or reported at this call when
// the helper logs the error itself; a URL that comes from this
// function's own parameter makes this function a sending helper too.
func (f *fnState) reqErrApply(c *ssa.CallCommon, callee *ssa.Function, s *summary, results []taint) {
	name := f.st.funcName(callee)
	for _, re := range s.ReqErrs {
		if re.Param >= len(c.Args) || re.Result >= len(results) {
			continue
		}
		t, ph := f.urlOrigin(c.Args[re.Param], !re.URL)
		if ph != nil {
			results[re.Result] = results[re.Result].union(taint{tr: ph})
			continue
		}
		if t.tr == nil {
			continue
		}
		tr := sentInError(t.tr, f.st.short(name), c.Pos(), "sent by "+f.st.short(name)+" in the URL of a request; a failed send returns a *url.Error that holds the URL")
		results[re.Result] = results[re.Result].union(taint{tr: tr})
	}
	for _, rs := range s.ReqSinks {
		if rs.Param >= len(c.Args) {
			continue
		}
		t, ph := f.urlOrigin(c.Args[rs.Param], !rs.URL)
		if ph != nil {
			f.reqSink(c, ph, sink{rule: rs.Rule, name: rs.Sink}, append([]string{name}, rs.Via...))
			continue
		}
		if t.tr == nil {
			continue
		}
		f.leak(c, sentInError(t.tr, f.st.short(name), token.NoPos, ""), rs.Rule, rs.Sink, append([]string{name}, rs.Via...), false, nil, nil)
	}
}

// reqSink records that the error of the request sent from a parameter
// (tr, a stand-in) reaches sink sk at call c, through the functions via.
func (f *fnState) reqSink(c *ssa.CallCommon, tr *trace, sk sink, via []string) {
	if sk.rule == ruleError {
		return
	}
	if f.reqSinks == nil {
		f.reqSinks = map[reqSinkKey]reqSinkEntry{}
	}
	for p := 0; p < 64; p++ {
		if tr.reqParams&(1<<uint(p)) != 0 {
			f.reqSinks[reqSinkKey{c, p}] = reqSinkEntry{Param: p, URL: tr.reqURL, Rule: sk.rule, Sink: sk.name, Via: via, pos: c.Pos()}
		}
	}
}

// reqSinkList is the function's reqSinks in source order, one per
// parameter.
func (f *fnState) reqSinkList() []reqSinkEntry {
	var out []reqSinkEntry
	seen := map[int]bool{}
	for _, ps := range f.reqSinks {
		out = append(out, ps)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].pos != out[j].pos {
			return out[i].pos < out[j].pos
		}
		return out[i].Param < out[j].Param
	})
	kept := out[:0]
	for _, ps := range out {
		if !seen[ps.Param] {
			seen[ps.Param] = true
			kept = append(kept, ps)
		}
	}
	return kept
}

// reqFlow says that the error of a request whose URL (URL) or request
// (!URL) is parameter Param reaches result Result.
type reqFlow struct {
	Param, Result int
	URL           bool
}

// reqSinkEntry says that the error of a request whose URL (URL) or
// request (!URL) is parameter Param reaches the sink Sink (rule Rule)
// through the functions Via.
type reqSinkEntry struct {
	Param int
	URL   bool
	Rule  string
	Sink  string
	Via   []string
	pos   token.Pos
}

type reqSinkKey struct {
	call  *ssa.CallCommon
	param int
}

// mergeStandIn is the union of two traces of which one at least is a
// stand-in: a real credential wins, unless it is a parameter named as
// one (which a summary does not carry to callers); two stand-ins of one
// kind merge
// their parameters (a new trace only when a has fewer, so that the
// analysis still converges).
func mergeStandIn(a, b *trace) *trace {
	switch {
	case a.reqParams == 0 && a.param == 0:
		return a
	case b.reqParams == 0 && b.param == 0:
		return b
	case a.reqParams == 0:
		return b
	case b.reqParams == 0:
		return a
	case b.reqParams&^a.reqParams == 0 || a.reqURL != b.reqURL:
		return a
	case a.reqParams&^b.reqParams == 0:
		return b
	}
	return standIn(a.reqParams|b.reqParams, a.reqURL)
}
