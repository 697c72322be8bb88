// Package dynamic holds oauth2.Config redirect URLs built from the
// request, each with a near miss beside it.
package dynamic

import (
	"fmt"
	"net/http"
	"net/url"
	"os"

	"golang.org/x/oauth2"
)

var base = oauth2.Config{ClientID: "id"}

var knownHosts = map[string]bool{"app.example.com": true}

func fromHost(w http.ResponseWriter, r *http.Request) {
	conf := base
	conf.RedirectURL = "https://" + r.Host + "/oauth/callback" // want `oauth2.Config.RedirectURL is built from the request Host`
	http.Redirect(w, r, conf.AuthCodeURL("state"), http.StatusFound)
}

func fromForwarded(w http.ResponseWriter, r *http.Request) {
	conf := &oauth2.Config{
		ClientID:    "id",
		RedirectURL: fmt.Sprintf("https://%s/cb", r.Header.Get("X-Forwarded-Host")), // want `built from the X-Forwarded-Host header`
	}
	http.Redirect(w, r, conf.AuthCodeURL("state"), http.StatusFound)
}

func fromQuery(w http.ResponseWriter, r *http.Request) {
	conf := base
	conf.RedirectURL = r.URL.Query().Get("redirect_uri") // want `built from the query parameter "redirect_uri"`
	http.Redirect(w, r, conf.AuthCodeURL("state"), http.StatusFound)
}

func callbackURL(r *http.Request) string {
	u := url.URL{Scheme: "https", Host: r.Host, Path: "/cb"}
	return u.String()
}

func fromHelper(w http.ResponseWriter, r *http.Request) {
	conf := base
	conf.RedirectURL = callbackURL(r) // want `built from the request Host`
	http.Redirect(w, r, conf.AuthCodeURL("state"), http.StatusFound)
}

func authParam(w http.ResponseWriter, r *http.Request) {
	opt := oauth2.SetAuthURLParam("redirect_uri", "https://"+r.Host+"/cb") // want `the redirect_uri parameter is built from the request Host`
	http.Redirect(w, r, base.AuthCodeURL("state", opt), http.StatusFound)
}

func fromEnv(w http.ResponseWriter, r *http.Request) {
	conf := base
	conf.RedirectURL = os.Getenv("OAUTH_REDIRECT_URL") // configuration
	http.Redirect(w, r, conf.AuthCodeURL("state"), http.StatusFound)
}

func fromConst() *oauth2.Config {
	return &oauth2.Config{RedirectURL: "https://app.example.com/cb"} // constant
}

func checkedHost(w http.ResponseWriter, r *http.Request) {
	if !knownHosts[r.Host] {
		http.Error(w, "unknown host", http.StatusBadRequest)
		return
	}
	conf := base
	conf.RedirectURL = "https://" + r.Host + "/cb" // host checked against an allow-list
	http.Redirect(w, r, conf.AuthCodeURL("state"), http.StatusFound)
}

func otherParam(w http.ResponseWriter, r *http.Request) {
	opt := oauth2.SetAuthURLParam("login_hint", r.URL.Query().Get("email")) // not the redirect URI
	http.Redirect(w, r, base.AuthCodeURL("state", opt), http.StatusFound)
}

type settings struct{ PublicURL string }

var cfg = settings{PublicURL: "https://app.example.com"}

func fromSettings(w http.ResponseWriter, r *http.Request) {
	conf := base
	conf.RedirectURL = cfg.PublicURL + "/oauth/callback" // a configured base URL
	http.Redirect(w, r, conf.AuthCodeURL("state"), http.StatusFound)
}
