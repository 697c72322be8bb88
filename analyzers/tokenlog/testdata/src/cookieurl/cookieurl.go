// Package cookieurl holds cookie values logged: a session cookie is a
// credential, a cookie the code parses as a URL (a return-to or referer
// cookie) holds a location.
package cookieurl

import (
	"log"
	"net/http"
	"net/url"
	"os"
	"strings"
)

type portal struct{ refererCookie string }

// Near miss: the referer cookie is parsed as a URL and the URL logged.
func (p *portal) redirectBack(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(p.refererCookie)
	if err != nil {
		return
	}
	u, err := url.Parse(c.Value)
	if err != nil {
		return
	}
	log.Printf("redirecting to %s", u.String())
	log.Printf("redirect host %s", u.Host)
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// Near miss: the same with url.ParseRequestURI.
func returnTo(r *http.Request) {
	if c, err := r.Cookie("return_to"); err == nil {
		if u, err := url.ParseRequestURI(c.Value); err == nil {
			log.Println("return to", u)
		}
	}
}

// Positive: the session cookie logged.
func session(r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		return
	}
	log.Printf("session %s", c.Value) // want `cookie value reaches log.Printf`
}

// Positive: the cookie logged trimmed, not parsed.
func trimmed(r *http.Request) {
	if c, err := r.Cookie("sid"); err == nil {
		log.Printf("sid %s", strings.TrimSpace(c.Value)) // want `cookie value reaches log.Printf`
	}
}

// Positive: the cookie logged beside its parse: the raw value is still
// the cookie.
func rawBeside(r *http.Request) {
	if c, err := r.Cookie("next"); err == nil {
		if _, err := url.Parse(c.Value); err != nil {
			log.Printf("bad cookie %s", c.Value) // want `cookie value reaches log.Printf`
		}
	}
}

// Positive: a URL parsed from a DSN with a password keeps it.
func dsn() {
	u, _ := url.Parse("postgres://app:" + os.Getenv("DB_PASSWORD") + "@db/app")
	log.Printf("db %s", u) // want `reaches log.Printf`
}
