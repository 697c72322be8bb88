// Package nethttp holds open redirects in net/http login handlers and // want package:`cookies set: lang\(request\) session session:user\(request\) sid`
// OAuth callbacks, each with a near miss beside it.
package nethttp

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/gorilla/mux"
	"github.com/gorilla/sessions"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/oauth2"
)

var (
	conf     = &oauth2.Config{ClientID: "id"}
	verifier *oidc.IDTokenVerifier
	store    = sessions.NewCookieStore([]byte("k"))
	appHost  = "app.example.com"
	allowed  = map[string]bool{"app.example.com": true}
	hosts    = []string{"app.example.com", "docs.example.com"}
	baseURL  = "https://app.example.com"
	nextRe   = regexp.MustCompile(`^/[a-z/]*$`)
)

func startSession(w http.ResponseWriter, tok *oauth2.Token) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: tok.AccessToken, HttpOnly: true, Secure: true})
}

// Callback exchanges the code: an OAuth callback by its calls.
func Callback( // want Callback:`oauthredirect\(auth\)`
	w http.ResponseWriter, r *http.Request) {
	tok, err := conf.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		return
	}
	startSession(w, tok)
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound) // want `http.Redirect sends the browser to the query parameter "next" without an allow-list or same-origin check`
}

// callbackConst redirects to a constant.
func callbackConst(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.URL.Query().Get("code"))
	startSession(w, tok)
	http.Redirect(w, r, "/dashboard", http.StatusFound) // constant destination
}

// verifyIDToken verifies an ID token, then redirects to the form value
// kept in a variable.
func verifyIDToken(w http.ResponseWriter, r *http.Request) {
	if _, err := verifier.Verify(r.Context(), r.FormValue("id_token")); err != nil {
		return
	}
	dest := r.FormValue("redirect_uri")
	if dest == "" {
		dest = "/"
	}
	http.Redirect(w, r, dest, http.StatusSeeOther) // want `the form value "redirect_uri"`
}

// prefixOnly checks only the leading slash: //evil.example passes.
func prefixOnly(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	next := r.FormValue("return_to")
	if !strings.HasPrefix(next, "/") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // want `the form value "return_to"`
}

// pathOnly requires "/" and rejects "//" and "\".
func pathOnly(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	next := r.FormValue("return_to")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // path-only check
}

// pathOnlyBytes does the same check by bytes.
func pathOnlyBytes(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	next := r.URL.Query().Get("next")
	if len(next) < 2 || next[0] != '/' || next[1] == '/' || next[1] == '\\' {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // path-only check on bytes
}

// sameOrigin parses the URL and compares its host with the configured
// one.
func sameOrigin(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	next := r.URL.Query().Get("next")
	u, err := url.Parse(next)
	if err != nil || (u.Host != "" && u.Host != appHost) {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // host compared with configuration
}

// allowListed looks the host up in an allow-list.
func allowListed(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	u, err := url.Parse(r.URL.Query().Get("continue"))
	if err != nil || !allowed[u.Hostname()] {
		http.Error(w, "bad redirect", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, u.String(), http.StatusFound) // allow-list lookup
}

// sliceAllowList uses slices.Contains.
func sliceAllowList(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	u, _ := url.Parse(r.FormValue("next"))
	if !slices.Contains(hosts, u.Host) {
		return
	}
	http.Redirect(w, r, u.String(), http.StatusFound) // slices.Contains allow-list
}

// parsedNoCheck parses but only uses the path: "/\evil.example" and
// "https://x//evil.example" still leave the site.
func parsedNoCheck(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	u, err := url.Parse(r.FormValue("next"))
	if err != nil {
		return
	}
	http.Redirect(w, r, u.Path, http.StatusFound) // want `the form value "next"`
}

// Login checks a password: a login handler by its calls. It redirects
// to the Referer.
func Login( // want Login:`oauthredirect\(auth\)`
	w http.ResponseWriter, r *http.Request) {
	if bcrypt.CompareHashAndPassword([]byte("hash"), []byte(r.FormValue("password"))) != nil {
		return
	}
	http.Redirect(w, r, r.Referer(), http.StatusFound) // want `the Referer header`
}

// sessionLogin writes the session, then sets the Location header.
func sessionLogin(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "s")
	s.Values["user"] = r.FormValue("user")
	s.Save(r, w)
	w.Header().Set("Location", r.Header.Get("Referer")) // want `the Location header sends the browser to the Referer header`
	w.WriteHeader(http.StatusFound)
}

// sessionLoginQuery reads the query by index.
func sessionLoginQuery(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "s")
	s.Save(r, w)
	if v := r.URL.Query()["next"]; len(v) > 0 {
		http.Redirect(w, r, v[0], http.StatusFound) // want `query parameter "next"`
	}
}

// serverSide keeps the validated return URL in the session and
// redirects to a fixed path.
func serverSide(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "s")
	next, _ := s.Values["next"].(string)
	s.Save(r, w)
	http.Redirect(w, r, next, http.StatusFound) // from the session, kept server-side
}

// ownPath redirects to the request's own path.
func ownPath(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	http.Redirect(w, r, r.URL.Path, http.StatusFound) // the request's own path
}

// fixedPrefix puts the parameter after a fixed path or origin.
func fixedPrefix(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	next := r.FormValue("next")
	http.Redirect(w, r, "/welcome?next="+url.QueryEscape(next), http.StatusFound) // after a fixed path
	http.Redirect(w, r, "https://app.example.com/"+next, http.StatusFound)        // after a fixed origin and slash
	http.Redirect(w, r, baseURL+next, http.StatusFound)                           // after a configured base URL
	http.Redirect(w, r, fmt.Sprintf("/home?tab=%s", next), http.StatusFound)      // after a fixed path
}

// openPrefix puts the parameter after a prefix that leaves the host
// open.
func openPrefix(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	next := r.FormValue("next")
	http.Redirect(w, r, "https://"+next, http.StatusFound)              // want `the form value "next"`
	http.Redirect(w, r, fmt.Sprintf("%s", next), http.StatusFound)      // want `the form value "next"`
	http.Redirect(w, r, strings.TrimSpace(next)+"#x", http.StatusFound) // want `the form value "next"`
}

// regexpChecked matches the path with a regexp.
func regexpChecked(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	next := r.FormValue("next")
	if !nextRe.MatchString(next) {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // regexp check
}

// twoReads reads the parameter once for the check and again for the
// redirect.
func twoReads(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	if !isLocal(r.FormValue("next")) {
		return
	}
	http.Redirect(w, r, r.FormValue("next"), http.StatusFound) // the same value was checked
}

// notEmpty is a bool helper that checks nothing about the host.
func notEmpty(s string) bool { return s != "" }

// emptyCheck guards with a helper that is not a validation.
func emptyCheck(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	next := r.FormValue("next")
	if notEmpty(next) {
		http.Redirect(w, r, next, http.StatusFound) // want `the form value "next"`
	}
}

// isLocal is a path-only validator.
func isLocal(p string) bool {
	return strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "/\\")
}

// safeNext returns the URL only after a same-origin check.
func safeNext(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.IsAbs() || u.Host != "" || strings.Contains(raw, "\\") {
		return "/"
	}
	return raw
}

// nextParam returns the request's return URL.
func nextParam(r *http.Request) string {
	return strings.TrimSpace(r.URL.Query().Get("next"))
}

// helpers: a source helper, a validator helper and a sanitizing helper.
func helpers(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	next := nextParam(r)
	http.Redirect(w, r, next, http.StatusFound)           // want `query parameter "next"`
	http.Redirect(w, r, safeNext(next), http.StatusFound) // validated by a helper
}

// guarded validates with a bool helper. A check anywhere in the
// function counts: the analysis is not path-sensitive, on purpose.
func guarded(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	next := nextParam(r)
	if isLocal(next) {
		http.Redirect(w, r, next, http.StatusFound) // validated by a bool helper
	}
}

// redirectTo is a redirect wrapper.
func redirectTo(w http.ResponseWriter, r *http.Request, target string) {
	http.Redirect(w, r, target, http.StatusFound)
}

// wrapper redirects through the wrapper.
func wrapper(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	redirectTo(w, r, r.FormValue("next")) // want `nethttp.redirectTo sends the browser to the form value "next"`
	redirectTo(w, r, "/home")             // constant
}

// redirectBack reads and redirects; it is only a finding because a
// login handler calls it.
func redirectBack(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("from"), http.StatusFound) // want `the form value "from"`
}

func loginWithHelper(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	redirectBack(w, r)
}

// plainHandler is outside any login: the rule is silent.
func plainHandler(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound) // not part of a login
}

// handleLoginForm has no login call but is named like a login handler.
func handleLoginForm(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Query().Get("continue"), http.StatusFound) // want `query parameter "continue"`
}

// closure captures the parameter in a handler built by a constructor
// named like a callback.
func OAuthCallbackHandler(c *oauth2.Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		next := r.URL.Query().Get("next")
		func() {
			http.Redirect(w, r, next, http.StatusFound) // want `query parameter "next"`
		}()
	}
}

// exchangeCtx is here so the package uses context.
func exchangeCtx(ctx context.Context) { conf.Exchange(ctx, "c") }

// splitState returns the return URL carried in the state after a
// 32-byte nonce; the nonce check says nothing about the URL.
func splitState(cookie, state string) (bool, string) {
	if len(state) < 34 || state[:32] != cookie {
		return false, ""
	}
	return true, state[33:]
}

// stateCarried redirects to the URL carried in the state parameter.
func stateCarried(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("csrf")
	if err != nil {
		return
	}
	ok, target := splitState(c.Value, r.URL.Query().Get("state"))
	if !ok {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", HttpOnly: true, Secure: true})
	http.Redirect(w, r, target, http.StatusTemporaryRedirect) // want `query parameter "state"`
}

// setLanguage stores a preference and goes back: not a login.
func setLanguage(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: r.FormValue("lang")})
	http.Redirect(w, r, r.Referer(), http.StatusFound) // a preference cookie is not a session
}

// setSession stores a session id and goes back: a login step.
func setSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: "v", HttpOnly: true, Secure: true})
	http.Redirect(w, r, r.Referer(), http.StatusFound) // want `the Referer header`
}

// pathVar redirects to a gorilla/mux path variable after the exchange.
func pathVar(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	http.Redirect(w, r, mux.Vars(r)["target"], http.StatusFound) // want `path parameter "target"`
}

// pathVarChecked compares the variable with a fixed value first.
func pathVarChecked(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	if mux.Vars(r)["target"] == "/home" {
		http.Redirect(w, r, mux.Vars(r)["target"], http.StatusFound) // compared with a fixed value
	}
}

// schemeGuard rejects "://" only: "//evil.example" passes.
func schemeGuard(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	startSession(w, tok)
	redir := r.FormValue("redir")
	if strings.Contains(redir, "://") {
		redir = ""
	}
	if len(redir) == 0 {
		redir = "/"
	}
	http.Redirect(w, r, redir, http.StatusFound) // want `the form value "redir"`
}
