// Package sessionvalues keeps return URLs in a gorilla session between // want package:`cookies set: session:after session:checked_next session:next\(request\) session:return_to\(request\) session:state`
// the login start and the OAuth callback.
package sessionvalues

import (
	"net/http"
	"strings"

	"github.com/gorilla/sessions"
	"golang.org/x/oauth2"
)

type app struct {
	store sessions.Store
	conf  *oauth2.Config
}

func (a *app) login(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, "s")
	sess.Values["state"] = "fixed-for-the-test"
	sess.Values["return_to"] = r.URL.Query().Get("return_to")
	sess.Values["after"] = "/dashboard"
	next := r.URL.Query().Get("next")
	if strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//") && !strings.Contains(next, `\`) {
		sess.Values["checked_next"] = next
	}
	sess.Values["next"] = r.FormValue("next")
	_ = sess.Save(r, w)
	http.Redirect(w, r, a.conf.AuthCodeURL("st"), http.StatusFound)
}

func (a *app) callback(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, "s")
	if _, err := a.conf.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		return
	}
	ret, _ := sess.Values["return_to"].(string)
	http.Redirect(w, r, ret, http.StatusFound) // want `the session value "return_to"`
}

func (a *app) callbackNext(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, "s")
	if _, err := a.conf.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		return
	}
	http.Redirect(w, r, sess.Values["next"].(string), http.StatusFound) // want `the session value "next"`
}

func (a *app) callbackConstant(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, "s")
	if _, err := a.conf.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		return
	}
	http.Redirect(w, r, sess.Values["after"].(string), http.StatusFound) // silent: the program stored a constant
}

func (a *app) callbackChecked(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, "s")
	if _, err := a.conf.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		return
	}
	http.Redirect(w, r, sess.Values["checked_next"].(string), http.StatusFound) // silent: stored after a path-only check
}

func (a *app) callbackUnset(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, "s")
	if _, err := a.conf.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		return
	}
	dest, _ := sess.Values["redirect_after_login"].(string)
	http.Redirect(w, r, dest, http.StatusFound) // silent: nothing in sight stores it, and a browser cannot write a session
}

func (a *app) callbackFixed(w http.ResponseWriter, r *http.Request) {
	sess, _ := a.store.Get(r, "s")
	if st, _ := sess.Values["state"].(string); st != r.URL.Query().Get("state") {
		return
	}
	if _, err := a.conf.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		return
	}
	http.Redirect(w, r, "/home", http.StatusFound) // silent: a constant
}
