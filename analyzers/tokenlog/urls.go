package tokenlog

import (
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// URLs with a password.
//
// A *url.URL prints through its String method, which writes the user
// info with its password (user:pass@host): only Redacted replaces the
// password with "xxxxx". So a URL is not taken to hide what it holds:
// printing one (with %s or %v, or its String result) shows the taint of
// the URL and of its parts. A URL carries a credential when its user
// info was made by url.UserPassword with a password that is not a
// literal (a literal one is hardcodedcred's to report), or when it was
// parsed (url.Parse, url.ParseRequestURI; see classifyMore) from a
// string that carries one (a DSN built with fmt.Sprintf from a
// password). Its Host, Path and other fields are not the password, and
// u.Redacted() and a URL built without user info are left alone.

// isURLType reports whether t is url.URL or url.Userinfo, or a pointer
// to one.
func isURLType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "net/url" {
		return false
	}
	return n.Obj().Name() == "URL" || n.Obj().Name() == "Userinfo"
}

// urlCall applies the URL rules at a call: url.UserPassword makes a
// credential, and the String methods of URL and Userinfo show the taint
// of their receiver and its parts.
func (f *fnState) urlCall(c *ssa.CallCommon, obj *types.Func, results []taint) {
	if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "net/url" || len(results) != 1 {
		return
	}
	switch {
	case obj.Name() == "UserPassword" && credsrc.RecvTypeName(obj) == "" && len(c.Args) == 2:
		if _, lit := credsrc.ConstString(c.Args[1]); lit {
			return
		}
		t := f.deep(c.Args[1])
		if t.tr == nil {
			src := credsrc.Source{Kind: credname.Password, Desc: userInfoDesc, Typed: true}
			t.tr = &trace{src: src, steps: []analysis.RelatedInformation{{Pos: c.Pos(), Message: src.Desc + " from url.UserPassword"}}}
		}
		tr := *t.tr
		tr.userInfo = true
		t.tr = &tr
		results[0] = results[0].union(t)
	case obj.Name() == "String" && isURLType(recvType(obj)) && !c.IsInvoke() && len(c.Args) == 1:
		results[0] = results[0].union(f.deep(c.Args[0]))
	}
}

// userInfoDesc describes the password of a URL's user info.
const userInfoDesc = "URL user info with a password"

// recvType is the receiver type of a method, nil for a function.
func recvType(fn *types.Func) types.Type {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	return sig.Recv().Type()
}

// cookieURL drops the credential of a cookie value parsed as a URL
// (url.Parse(c.Value), url.ParseRequestURI): the cookie holds a
// location, a return-to or referer cookie, not a session. A session
// cookie is an opaque value nobody parses as a URL; the URL parsed from
// any other credential (a DSN with a password) keeps it.
func cookieURL(obj *types.Func, t taint) taint {
	if t.tr == nil || obj.Pkg() == nil || obj.Pkg().Path() != "net/url" || credsrc.RecvTypeName(obj) != "" {
		return t
	}
	if obj.Name() != "Parse" && obj.Name() != "ParseRequestURI" {
		return t
	}
	if src := t.tr.src; src.Typed && src.Desc == credsrc.CookieValueDesc {
		t.tr = nil
	}
	return t
}
