// Package patterns holds shapes of login code seen in real services. // want package:`cookies set: app_session`
package patterns

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

const sessionCookie = "app_session"

type handler struct{ frontend string }

// Logout clears the session cookie and goes where the query says.
func (h *handler) Logout(c *gin.Context) { // want Logout:`oauthredirect\(auth\)`
	c.SetCookie(sessionCookie, "", -1, "/", "", true, true)
	if c.Query("redirect") != "" {
		c.Redirect(http.StatusFound, c.Query("redirect")) // want `gin's Redirect sends the browser to the query parameter "redirect"`
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

// LogoutToFrontend goes to the configured frontend.
func (h *handler) LogoutToFrontend(c *gin.Context) { // want LogoutToFrontend:`oauthredirect\(auth\)`
	c.SetCookie(sessionCookie, "", -1, "/", "", true, true)
	c.Redirect(http.StatusFound, h.frontend) // configured destination
}

// AuthorizeConsent records consent and returns to next.
func AuthorizeConsent(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if next == "" {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // want `query parameter "next"`
}

// RequireLogin sends anonymous users to the login page with their own
// path as the return URL.
func RequireLogin(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/login?next="+r.URL.Path, http.StatusFound) // fixed path, own request path
}

// Share is not a login: the rule is silent.
func Share(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("url"), http.StatusFound) // not part of a login
}

type users interface {
	Authenticate(name, password string) (string, error)
}

var store users

// submit checks the password through the application's own store.
func submit(w http.ResponseWriter, r *http.Request) {
	if _, err := store.Authenticate(r.FormValue("user"), r.FormValue("password")); err != nil {
		http.Error(w, "no", http.StatusUnauthorized)
		return
	}
	http.Redirect(w, r, r.FormValue("next"), http.StatusSeeOther) // want `the form value "next"`
}

// handleGitHubAuth is named like an auth handler.
func handleGitHubAuth(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Query().Get("return_to"), http.StatusFound) // want `query parameter "return_to"`
}

// authorPage is about authors, not auth.
func authorPage(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound) // not part of a login
}
