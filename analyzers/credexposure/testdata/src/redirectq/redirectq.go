// Package redirectq sends the browser on after a login.
package redirectq

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

type session struct{ Token string }

func issue(user string) session { return session{Token: user} }

// The session token in the query of the page the browser goes to next:
// it lands in that server's access log, the history and Referer.
func Callback(w http.ResponseWriter, r *http.Request) {
	s := issue(r.FormValue("user"))
	http.Redirect(w, r, "/login?token="+url.QueryEscape(s.Token), http.StatusFound) // want `token in field Token is put in the query string of the URL the browser is redirected to by http.Redirect`
}

func GinCallback(c *gin.Context) {
	s := issue(c.Query("user"))
	q := url.Values{}
	q.Set("access_token", s.Token) // want `token in field Token is put in the query string of the URL the browser is redirected to by \(\*gin.Context\).Redirect`
	c.Redirect(http.StatusFound, "/app?"+q.Encode())
}

// Near misses: where to go next, and the session kept in a cookie.
func Done(w http.ResponseWriter, r *http.Request) {
	s := issue(r.FormValue("user"))
	http.SetCookie(w, &http.Cookie{Name: "session", Value: s.Token, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/home?next="+url.QueryEscape(r.FormValue("next")), http.StatusFound)
}
