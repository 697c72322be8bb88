package oauthredirect

import (
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// authAction reports whether the call is a step of logging a user in:
// exchanging an OAuth2 code or starting the flow, verifying an ID
// token, checking a password, issuing a session (a cookie, a session
// store, a signed JWT), or completing a goth login.
func authAction(call ssa.CallInstruction) bool {
	c, ok := resolve(call.Common())
	if !ok {
		return false
	}
	switch {
	case c.pkg == "golang.org/x/oauth2" && c.recv == "Config" && (c.name == "Exchange" || c.name == "AuthCodeURL"):
		return true
	case jwtlib.IsOIDC(c.pkg) && c.recv == "IDTokenVerifier" && c.name == "Verify":
		return true
	case c.pkg == "net/http" && c.name == "SetCookie" && c.recv == "":
		return !prefCookieValue(c.arg(1))
	case c.pkg == "net/http" && c.recv == "Header" && (c.name == "Set" || c.name == "Add"):
		k, _ := credsrc.ConstString(c.arg(0))
		return strings.EqualFold(k, "Set-Cookie")
	case c.pkg == "golang.org/x/crypto/bcrypt" && c.name == "CompareHashAndPassword":
		return true
	case jwtlib.IsLibrary(c.pkg) && c.obj != nil:
		// A signed token minted (the shared JWT table's Mint role).
		if f, ok := jwtlib.Classify(c.obj); ok && f.Role == jwtlib.Mint {
			return true
		}
	case c.pkg == "github.com/markbates/goth/gothic" && c.name == "CompleteUserAuth":
		return true
	case strings.Contains(c.pkg, "session") && sessionWrite[c.name]:
		// gorilla/sessions, alexedwards/scs, gin-contrib/sessions,
		// echo-contrib/session: writing the session is logging in,
		// unless nothing new is put in it (sessionkeep.go).
		return !keepsSession(call, c)
	}
	if !isStdlib(c.pkg) && authCall.MatchString(c.name) && !inSight(call, c) {
		// A user's own login step (authenticate, checkPassword,
		// createSession, a provider's ExchangeCode): a name, but the
		// name of what the function does, not of where it is. A
		// function of this package is judged by its body instead
		// (inSight).
		return true
	}
	switch frameworkPath(c.pkg) {
	case "gin":
		if c.name == "SetCookie" {
			name, ok := credsrc.ConstString(c.arg(0))
			return !ok || !prefCookie.MatchString(name)
		}
	case "echo":
		return c.name == "SetCookie" && !prefCookieValue(c.arg(0))
	case "fiber":
		return c.recv == "Ctx" && c.name == "Cookie" && !prefCookieValue(c.arg(0))
	}
	return false
}

// prefCookie matches names of cookies that hold a preference, not a
// session: setting one (and going back to the Referer) is not a login.
var prefCookie = regexp.MustCompile(`(?i)(lang|locale|theme|timezone|^tz$|currency|consent|dark|colou?r|pref|flash|banner|dismiss|sidebar|layout)`)

// prefCookieValue reports whether a cookie built in the function has a
// constant preference name.
func prefCookieValue(cookie ssa.Value) bool {
	name, ok := cookieName(cookie)
	return ok && prefCookie.MatchString(name)
}

// sessionWrite are the methods of session libraries that store
// something in the session.
var sessionWrite = map[string]bool{
	"Save": true, "Put": true, "Set": true, "RenewToken": true, "Commit": true, "Login": true, "Regenerate": true,
}

// authCall matches names of functions and methods that log a user in.
var authCall = regexp.MustCompile(`(?i)(authenticat|^log_?in|^sign_?in|password|(set|create|new|start|issue)_?(session|token)|exchange_?code|^exchange$)`)

// authName matches names of login and OAuth callback handlers and
// routes. Names are only a hint, used when no call says the function
// is part of a login.
var authName = regexp.MustCompile(`(?i)(log_?in|sign_?in|log_?on|log_?out|sign_?out|callback|oauth|oidc|sso|saml|authori[sz]e|consent|auth(?:$|[^o]))`)

// inAuthFlow reports whether fn is part of a login or an OAuth
// callback: it (or a function of the package it calls, two levels
// deep) does an auth action, or it, an enclosing function or the route
// it is registered on is named like one.
func (st *state) inAuthFlow(fn *ssa.Function) bool {
	return st.sum(fn).auth || st.namedAuthFlow(fn) // open.go
}

// routeNamed reports whether a function literal is registered on a
// route whose constant path is named like a login or callback
// (r.GET("/auth/callback", func(c *gin.Context) {…})).
func routeNamed(mc *ssa.MakeClosure) bool {
	for _, ref := range *mc.Referrers() {
		call, ok := ref.(ssa.CallInstruction)
		if !ok {
			continue
		}
		for _, a := range call.Common().Args {
			if s, ok := credsrc.ConstString(a); ok && strings.HasPrefix(s, "/") && authName.MatchString(s) {
				return true
			}
		}
	}
	return false
}

// followOption matches names of a caller's option that tells a redirect
// helper to honour the request's return parameter (authboss's
// RedirectOptions.FollowRedirParam), not an HTTP client's
// FollowRedirects.
var followOption = regexp.MustCompile(`(?i)^(follow|honou?r|use|respect)_?(redir(ect)?_?(param|parameter|query|form|arg|value|url)|return_?(to|url|path|param)?|next_?(param|url)?|continue_?(url|param)?)$`)

// followsOnRequest reports whether fn follows the request's return
// parameter only when its caller asks: it branches on a bool field,
// named like FollowRedirParam, of one of its parameters (not of its
// receiver, which is configuration). Such a helper exists to send the
// user back where they were after a login step; its callers are often
// in other packages (behind an interface), out of the analysis' sight.
func followsOnRequest(fn *ssa.Function) bool {
	params := map[ssa.Value]bool{}
	for i, p := range fn.Params {
		if i == 0 && fn.Signature.Recv() != nil {
			continue
		}
		params[p] = true
	}
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cond := iff.Cond
		if u, ok := cond.(*ssa.UnOp); ok && (u.Op == token.MUL || u.Op == token.NOT) {
			cond = u.X
		}
		if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.MUL {
			cond = u.X // !*p
		}
		base, name, ok := fieldName(cond)
		if ok && followOption.MatchString(name) && params[paramOf(base)] {
			return true
		}
	}
	return false
}

// paramOf returns the parameter a value is, or the parameter stored in
// the local it is (a struct parameter whose address is taken).
func paramOf(v ssa.Value) ssa.Value {
	a, ok := v.(*ssa.Alloc)
	if !ok {
		return v
	}
	for _, ref := range *a.Referrers() {
		if s, ok := ref.(*ssa.Store); ok && s.Addr == a {
			if p, ok := s.Val.(*ssa.Parameter); ok {
				return p
			}
		}
	}
	return v
}
