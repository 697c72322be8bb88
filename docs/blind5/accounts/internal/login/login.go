// Package login holds the sign-in flows of the accounts service (net/http).
package login

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"example.com/blind5/accounts/internal/nav"
	"example.com/blind5/accounts/internal/store"
)

const passwordParam = "password" // NEAR hardcodedcred h24

// Flows serves the sign-in pages.
type Flows struct {
	Store      *store.Store
	PublicHost string
	AppURL     string
	returnTo   map[string]string // session id -> return URL, kept server-side
}

// Register installs the handlers.
func (f *Flows) Register(mux *http.ServeMux) {
	f.returnTo = map[string]string{}
	mux.HandleFunc("POST /login", f.passwordLogin)
	mux.HandleFunc("POST /login/classic", f.classicLogin)
	mux.HandleFunc("GET /login/magic", f.magicLink)
	mux.HandleFunc("GET /login/magic/v2", f.magicLinkV2)
	mux.HandleFunc("POST /login/mfa", f.mfa)
	mux.HandleFunc("POST /login/mfa/v2", f.mfaV2)
	mux.HandleFunc("POST /login/quick", f.quickLogin)
	mux.HandleFunc("POST /login/host", f.hostLogin)
	mux.HandleFunc("POST /signup", f.signup)
	mux.HandleFunc("POST /signup/finish", f.signupFinish)
	mux.HandleFunc("POST /invite/accept", f.acceptInvite)
	mux.HandleFunc("POST /invite/accept/v2", f.acceptInviteV2)
	mux.HandleFunc("POST /reset/complete", f.resetComplete)
	mux.HandleFunc("GET /logout", f.logout)
	mux.HandleFunc("GET /logout/all", f.logoutAll)
	mux.HandleFunc("POST /admin/impersonate/stop", f.stopImpersonating)
	mux.HandleFunc("GET /reauth", f.reauth)
	mux.HandleFunc("GET /prefs/theme", f.theme)
	mux.HandleFunc("GET /l/{id}", f.shortLink)
	mux.HandleFunc("GET /out", f.outbound)
	mux.HandleFunc("POST /sso/acs", f.acs)
	mux.HandleFunc("GET /mobile/sso", f.mobileSSO)
	mux.HandleFunc("GET /mobile/sso/v2", f.mobileSSOv2)
}

func (f *Flows) session(w http.ResponseWriter, userID string) string {
	sid := f.Store.NewSession(userID)
	http.SetCookie(w, &http.Cookie{Name: "acct_session", Value: sid, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	return sid
}

func (f *Flows) passwordLogin(w http.ResponseWriter, r *http.Request) {
	user, err := f.Store.CheckPassword(r.FormValue("email"), r.FormValue(passwordParam))
	if err != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	f.session(w, user)
	http.Redirect(w, r, r.FormValue("return_to"), http.StatusSeeOther) // WANT oauthredirect O09
}

func (f *Flows) classicLogin(w http.ResponseWriter, r *http.Request) {
	user, err := f.Store.CheckPassword(r.FormValue("email"), r.FormValue(passwordParam))
	if err != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	f.session(w, user)
	http.Redirect(w, r, nav.SafeNext(r.FormValue("return_to")), http.StatusSeeOther) // NEAR oauthredirect o12
}

func (f *Flows) magicLink(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	user, err := f.Store.RedeemMagicToken(q.Get("token"))
	if err != nil {
		http.Error(w, "link expired", http.StatusUnauthorized)
		return
	}
	f.session(w, user)
	http.Redirect(w, r, q.Get("redirect"), http.StatusFound) // WANT oauthredirect O10
}

func (f *Flows) magicLinkV2(w http.ResponseWriter, r *http.Request) {
	user, err := f.Store.RedeemMagicToken(r.URL.Query().Get("token"))
	if err != nil {
		http.Error(w, "link expired", http.StatusUnauthorized)
		return
	}
	sid := f.session(w, user)
	dest := f.returnTo[sid]
	if dest == "" {
		dest = "/"
	}
	http.Redirect(w, r, dest, http.StatusFound) // NEAR oauthredirect o13
}

func nextURL(r *http.Request) string {
	n := r.FormValue("next")
	if n == "" {
		return "/"
	}
	return n
}

func (f *Flows) mfa(w http.ResponseWriter, r *http.Request) {
	user, err := f.Store.VerifyTOTP(r.FormValue("pending"), r.FormValue("code"))
	if err != nil {
		http.Error(w, "wrong code", http.StatusUnauthorized)
		return
	}
	f.session(w, user)
	http.Redirect(w, r, nextURL(r), http.StatusSeeOther) // WANT oauthredirect O11
}

var localPath = regexp.MustCompile(`^/[a-zA-Z0-9/_-]*$`)

func (f *Flows) mfaV2(w http.ResponseWriter, r *http.Request) {
	user, err := f.Store.VerifyTOTP(r.FormValue("pending"), r.FormValue("code"))
	if err != nil {
		http.Error(w, "wrong code", http.StatusUnauthorized)
		return
	}
	f.session(w, user)
	next := r.FormValue("next")
	if !localPath.MatchString(next) {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther) // NEAR oauthredirect o14
}

func (f *Flows) quickLogin(w http.ResponseWriter, r *http.Request) {
	user, err := f.Store.CheckPassword(r.FormValue("email"), r.FormValue(passwordParam))
	if err != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	f.session(w, user)
	w.Header().Set("Location", r.Referer()) // WANT oauthredirect O12
	w.WriteHeader(http.StatusFound)
}

func (f *Flows) hostLogin(w http.ResponseWriter, r *http.Request) {
	user, err := f.Store.CheckPassword(r.FormValue("email"), r.FormValue(passwordParam))
	if err != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	f.session(w, user)
	next := r.FormValue("next")
	u, err := url.Parse(next)
	if err != nil || u.Hostname() != f.PublicHost {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther) // NEAR oauthredirect o15
}

type signupRequest struct {
	Email      string `json:"email"`
	Password   string `json:"password"`
	RedirectTo string `json:"redirect_to"`
}

func (f *Flows) signup(w http.ResponseWriter, r *http.Request) {
	var req signupRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	user, err := f.Store.CreateUser(req.Email, req.Password)
	if err != nil {
		http.Error(w, "cannot sign up", http.StatusConflict)
		return
	}
	f.session(w, user)
	http.Redirect(w, r, req.RedirectTo, http.StatusSeeOther) // WANT oauthredirect O13
}

func (f *Flows) signupFinish(w http.ResponseWriter, r *http.Request) {
	user, err := f.Store.CreateUser(r.FormValue("email"), r.FormValue(passwordParam))
	if err != nil {
		http.Error(w, "cannot sign up", http.StatusConflict)
		return
	}
	f.session(w, user)
	http.Redirect(w, r, "/welcome?from="+url.QueryEscape(r.FormValue("from")), http.StatusSeeOther) // NEAR oauthredirect o16
}

func (f *Flows) acceptInvite(w http.ResponseWriter, r *http.Request) {
	user, err := f.Store.AcceptInvite(r.FormValue("invite"), r.FormValue(passwordParam))
	if err != nil {
		http.Error(w, "invalid invite", http.StatusBadRequest)
		return
	}
	f.session(w, user)
	u, err := url.Parse(r.FormValue("continue"))
	if err != nil || u.IsAbs() {
		u = &url.URL{Path: "/"}
	}
	http.Redirect(w, r, u.String(), http.StatusSeeOther) // WANT oauthredirect O14
}

func (f *Flows) acceptInviteV2(w http.ResponseWriter, r *http.Request) {
	user, err := f.Store.AcceptInvite(r.FormValue("invite"), r.FormValue(passwordParam))
	if err != nil {
		http.Error(w, "invalid invite", http.StatusBadRequest)
		return
	}
	f.session(w, user)
	next := r.FormValue("continue")
	if !nav.IsLocal(next) {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther) // NEAR oauthredirect o17
}

func (f *Flows) resetComplete(w http.ResponseWriter, r *http.Request) {
	user, err := f.Store.ResetPassword(r.FormValue("reset_token"), r.FormValue(passwordParam))
	if err != nil {
		http.Error(w, "reset failed", http.StatusBadRequest)
		return
	}
	f.session(w, user)
	next := strings.TrimSpace(r.FormValue("next"))
	http.Redirect(w, r, next, http.StatusSeeOther) // WANT oauthredirect O15
}

func (f *Flows) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "acct_session", Value: "", Path: "/", MaxAge: -1})
	target := r.URL.Query().Get("post_logout_redirect_uri")
	http.Redirect(w, r, fmt.Sprintf("%s?logged_out=1", target), http.StatusFound) // WANT oauthredirect O16
}

func (f *Flows) logoutAll(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "acct_session", Value: "", Path: "/", MaxAge: -1})
	http.Redirect(w, r, f.AppURL+"/signed-out", http.StatusFound) // NEAR oauthredirect o18
}

func (f *Flows) stopImpersonating(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("acct_admin_session")
	if err != nil {
		http.Error(w, "not impersonating", http.StatusBadRequest)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "acct_session", Value: c.Value, Path: "/", HttpOnly: true, Secure: true})
	http.Redirect(w, r, r.URL.Query().Get("back"), http.StatusFound) // WANT oauthredirect O17
}

func (f *Flows) reauth(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "acct_session", Value: "", Path: "/", MaxAge: -1})
	http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.Path), http.StatusFound) // NEAR oauthredirect o19
}

func (f *Flows) theme(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: r.URL.Query().Get("t"), Path: "/"})
	http.Redirect(w, r, r.Referer(), http.StatusFound) // NEAR oauthredirect o20
}

func (f *Flows) shortLink(w http.ResponseWriter, r *http.Request) {
	target, ok := f.Store.ShortLink(r.PathValue("id"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	http.Redirect(w, r, target, http.StatusFound) // NEAR oauthredirect o21
}

// outbound counts clicks on links in the help pages.
func (f *Flows) outbound(w http.ResponseWriter, r *http.Request) {
	log.Printf("outbound click to %s", r.URL.Query().Get("u"))
	http.Redirect(w, r, r.URL.Query().Get("u"), http.StatusFound) // NEAR oauthredirect o22
}

// acs is the SAML assertion consumer service.
func (f *Flows) acs(w http.ResponseWriter, r *http.Request) {
	user, err := f.Store.VerifySAMLResponse(r.PostFormValue("SAMLResponse"))
	if err != nil {
		http.Error(w, "invalid assertion", http.StatusUnauthorized)
		return
	}
	f.session(w, user)
	nav.AfterLogin(w, r, r.PostFormValue("RelayState")) // WANT oauthredirect O24
}

// mobileSSO hands a session token to the mobile app.
func (f *Flows) mobileSSO(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("acct_session")
	if err != nil {
		http.Redirect(w, r, "/login", http.StatusFound)
		return
	}
	tok := f.Store.MintAppToken(c.Value)
	ret := r.URL.Query().Get("app_return")
	http.Redirect(w, r, ret+"#token="+tok, http.StatusFound) // WANT oauthredirect O18
}

func (f *Flows) mobileSSOv2(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("acct_session")
	if err != nil {
		http.Redirect(w, r, "/login", http.StatusFound)
		return
	}
	tok := f.Store.MintAppToken(c.Value)
	ret := r.URL.Query().Get("app_return")
	if !strings.HasPrefix(ret, "com.example.accounts://sso/") {
		http.Error(w, "bad app_return", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, ret+"#token="+tok, http.StatusFound) // NEAR oauthredirect o23
}
