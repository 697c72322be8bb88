// Package dash is the gateway's operator dashboard login (chi, OIDC through x/oauth2).
package dash

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/go-chi/chi/v5"
	"golang.org/x/oauth2"
)

// Dash serves the dashboard.
type Dash struct {
	OAuth          *oauth2.Config
	ReturnPrefixes []string
}

// Routes registers the dashboard routes.
func (d *Dash) Routes(r chi.Router) {
	r.Get("/dash/login", d.login)
	r.Get("/dash/callback", d.callback)
	r.Get("/dash/logout", d.logout)
	r.Get("/dash/sso", d.sso)
	r.Get("/dash/oauth/authorize", d.authorize)
}

func (d *Dash) login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "dash_return", Value: r.URL.Query().Get("return"), Path: "/dash", HttpOnly: true, Secure: true})
	http.Redirect(w, r, d.OAuth.AuthCodeURL("st"), http.StatusFound)
}

func (d *Dash) callback(w http.ResponseWriter, r *http.Request) {
	tok, err := d.OAuth.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "login failed", http.StatusUnauthorized)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "dash_session", Value: tok.AccessToken, Path: "/dash", HttpOnly: true, Secure: true})
	ret := "/dash"
	if c, err := r.Cookie("dash_return"); err == nil && c.Value != "" {
		ret = c.Value
	}
	http.Redirect(w, r, ret, http.StatusFound) // WANT oauthredirect O07
}

func (d *Dash) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "dash_session", Value: "", Path: "/dash", MaxAge: -1})
	next := r.URL.Query().Get("next")
	for _, p := range d.ReturnPrefixes {
		if strings.HasPrefix(next, p) {
			http.Redirect(w, r, next, http.StatusFound) // NEAR oauthredirect o10
			return
		}
	}
	http.Redirect(w, r, "/dash", http.StatusFound)
}

// sso accepts a session handed over by the portal and continues to the page the user asked for.
func (d *Dash) sso(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	http.SetCookie(w, &http.Cookie{Name: "dash_session", Value: q.Get("session"), Path: "/dash", HttpOnly: true, Secure: true})
	target := q.Get("continue")
	if !strings.HasPrefix(target, "/") {
		target = "/dash"
	}
	http.Redirect(w, r, target, http.StatusFound) // WANT oauthredirect O08
}

// authorize is the dashboard's own OAuth endpoint for the CLI.
func (d *Dash) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	redirect := q.Get("redirect_uri")
	u, err := url.Parse(redirect)
	if err != nil || !slices.Contains([]string{"127.0.0.1", "localhost"}, u.Hostname()) {
		http.Error(w, "redirect_uri not allowed", http.StatusBadRequest)
		return
	}
	v := u.Query()
	v.Set("code", "c0de")
	v.Set("state", q.Get("state"))
	u.RawQuery = v.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound) // NEAR oauthredirect o11
}
