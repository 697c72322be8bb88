// Package cookiejar sets and reads the cookies that carry a return URL
// across a login, for the packages that redirect (fixture cookieset).
package cookiejar

import "net/http"

const returnTo = "_app_return_to"

// SetReturnTo stores a return URL the program chose (a signed sign-out
// URL, say): the cookie's value is the caller's argument, not the
// request's.
func SetReturnTo(w http.ResponseWriter, url string) {
	http.SetCookie(w, &http.Cookie{Name: returnTo, Value: url, HttpOnly: true, Secure: true})
}

// ReturnTo reads it back.
func ReturnTo(r *http.Request) (string, bool) {
	c, err := r.Cookie(returnTo)
	if err != nil {
		return "", false
	}
	return c.Value, true
}

// Remember stores the request's next parameter, unvalidated.
func Remember(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "_app_jump", Value: r.URL.Query().Get("next")})
}

// Next reads it back.
func Next(r *http.Request) string {
	c, err := r.Cookie("_app_jump")
	if err != nil {
		return ""
	}
	return c.Value
}

// SetHome stores a fixed landing page.
func SetHome(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "_app_continue", Value: "/home"})
}

// Continue reads it back.
func Continue(r *http.Request) string {
	c, err := r.Cookie("_app_continue")
	if err != nil {
		return ""
	}
	return c.Value
}
