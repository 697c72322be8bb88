// Package oauthredirect defines an analyzer that finds open redirects
// in login flows and OAuth2 redirect URLs taken from the request.
//
// # Analyzer oauthredirect
//
// oauthredirect: report open redirects in login flows and OAuth2 redirect URLs taken from the request
//
// It reports two rules, matched by the types of net/http, net/url,
// golang.org/x/oauth2, gin, echo (v4) and fiber (v2):
//
//   - oauthredirect/open: in a login handler or OAuth callback, a
//     redirect (http.Redirect, a Location header, gin's, echo's or
//     fiber's Redirect, or a wrapper of the package or of another
//     package known through facts) to a URL taken from the request: a
//     query, form or path parameter, a field of the body decoded into a
//     struct (encoding/json on r.Body, gin, echo and fiber binding), the
//     Referer, or a cookie the package fills from one. The value is followed in SSA form through
//     assignments, captured variables, +, fmt.Sprintf, url.Parse,
//     strings.TrimSpace and similar, and helper functions. A function is
//     part of a login when it, or a function of the package it calls,
//     exchanges an OAuth2 code, verifies an ID token, checks a bcrypt
//     password, sets a cookie that is not a preference, writes a
//     session, signs a JWT, or calls the application's own login step
//     (Authenticate, checkPassword, createSession, ExchangeCode); or
//     when it, its enclosing function or its route is named like a
//     login, logout, auth, callback, authorize or consent step; or when
//     such a function of the package calls it. A redirect helper that
//     follows the request's return parameter only when its caller's
//     option says so (a bool field of a parameter named like
//     FollowRedirParam or UseReturnTo, as in authboss's
//     RedirectOptions) is reported too: it exists to send the user back
//     after a login step, whose callers are often in other packages
//     behind an interface. A switch in the receiver (configuration) or
//     an option that picks something else (the status code, an HTTP
//     client's FollowRedirects) does not count.
//   - oauthredirect/dynamic-uri: oauth2.Config.RedirectURL, or a
//     redirect_uri passed with oauth2.SetAuthURLParam, built from
//     request data (r.Host, X-Forwarded-Host or another header, a
//     parameter).
//
// A value counts as validated when it, or something derived from it in
// its function (its parsed form, its host, its first bytes, a trimmed
// copy), goes through an allow-list lookup (map key, slices.Contains, a
// configured prefix), a comparison with a non-empty value, a host check
// (u.Host, u.Hostname()), a path-only check that requires "/" and
// rejects "//", a regexp, or a function that returns a bool from such a
// check (facts carry this across packages). Rejecting a scheme
// (strings.Contains(next, "://"), a "http://" or "https://" prefix,
// u.IsAbs(), a non-empty u.Scheme) is not a same-origin check: the
// scheme-relative "//evil.example" and "/\evil.example" pass it; it
// counts only together with a check that rejects "//".
// A helper that returns the URL only after such a check makes its
// result safe. The analysis is not path-sensitive: a check anywhere in
// the function counts, which favours precision.
//
// Left alone on purpose: redirects outside any login (a plain handler
// that redirects to a parameter is an open redirect too, but the rule
// is scoped to login and OAuth flows, where it leaks codes and
// sessions; the -everywhere flag reports them too); constants; values after a fixed path or origin
// ("/welcome?next="+next, "https://app.example.com/"+p, a configured
// base URL); the request's own path; escaped values; the Host header
// for open (a link cannot set it); return URLs kept server-side in a
// session; redirects in a handler that first checks a signature over
// its request URL, in itself, a callee or every caller (the service
// signed the return address itself; signed.go); redirects in a
// handler that every registration wraps in a middleware of the package
// checking the same parameter before calling it (guard.go). There are
// no suggested fixes: the right allow-list belongs to the application.
//
// Bad:
//
//	tok, err := conf.Exchange(ctx, r.URL.Query().Get("code"))
//	// … start the session …
//	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)
//
// Good:
//
//	next := r.URL.Query().Get("next")
//	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, `\`) {
//		next = "/"
//	}
//	http.Redirect(w, r, next, http.StatusFound)
package oauthredirect

const doc = `report open redirects in login flows and OAuth2 redirect URLs taken from the request

oauthredirect reports redirects after login or in an OAuth callback to a
URL taken from the request without an allow-list or same-origin check
(oauthredirect/open), and oauth2.Config.RedirectURL built from request
data (oauthredirect/dynamic-uri).`
