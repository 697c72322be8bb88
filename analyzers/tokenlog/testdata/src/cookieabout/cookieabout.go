// Package cookieabout reads cookies named for a location or a
// preference (silent when logged) beside cookies that carry a session
// or token, or whose name is unknown (reported).
package cookieabout

import (
	"encoding/base64"
	"log"
	"net/http"
)

type manager struct {
	CookieRequestURIName string
	CookieAccessName     string
}

// requestURIFromCookie decodes the URL to return to after login: its
// parameter names it a URI, so its value is no credential.
func requestURIFromCookie(encodedRequestURI *http.Cookie) string {
	decoded, err := base64.StdEncoding.DecodeString(encodedRequestURI.Value)
	if err != nil {
		log.Printf("corrupted redirect cookie %q", encodedRequestURI.Value) // silent: a URI cookie
	}
	return string(decoded)
}

func (m *manager) callback(w http.ResponseWriter, r *http.Request, cookieRequestURIName string) {
	if c, err := r.Cookie(cookieRequestURIName); err == nil {
		log.Printf("redirecting to %s", requestURIFromCookie(c)) // silent: read by a name parameter naming a URI
	}
	if c, err := r.Cookie(m.CookieRequestURIName); err == nil {
		log.Printf("return to %s", c.Value) // silent: read by a field naming a URI
	}
	if c, err := r.Cookie("redirect_url"); err == nil {
		log.Printf("return to %s", c.Value) // silent: a constant name ending in url
	}
	if lang, err := r.Cookie("lang"); err == nil {
		log.Printf("language %s", lang.Value) // silent: a preference
	}
	if st, err := r.Cookie("oidc_state"); err == nil && st.Value != r.URL.Query().Get("state") {
		log.Printf("state mismatch: expected %s", st.Value) // silent: a login flow's state
	}
	if n, err := r.Cookie("oidc_nonce"); err == nil {
		log.Printf("nonce %s", n.Value) // silent: a login flow's nonce
	}
	if v, err := r.Cookie("pkce_verifier"); err == nil {
		log.Printf("verifier %s", v.Value) // want `cookie value reaches log.Printf`
	}

	if c, err := r.Cookie("session"); err == nil {
		log.Printf("session %s", c.Value) // want `cookie value reaches log.Printf`
	}
	if c, err := r.Cookie(m.CookieAccessName); err == nil {
		log.Printf("access %s", c.Value) // want `cookie value reaches log.Printf`
	}
	if c, err := r.Cookie("redirect_token"); err == nil {
		log.Printf("token %s", c.Value) // want `cookie value reaches log.Printf`
	}
	for _, c := range r.Cookies() {
		log.Printf("cookie %s", c.Value) // want `cookie value reaches log.Printf`
	}
}

// logCookie knows its cookie by no name: reported.
func logCookie(c *http.Cookie) {
	log.Printf("cookie %s", c.Value) // want `cookie value reaches log.Printf`
}
