// Package querynone reads no credential from a URL query: an OAuth
// callback's code and state, a password from the POST body, a token from
// a parsed body. Logging its request URLs is left alone.
package querynone

import (
	"io"
	"log"
	"net/http"
	"net/url"
)

func Callback(w http.ResponseWriter, r *http.Request) {
	code := r.URL.Query().Get("code")
	state := r.FormValue("state")
	_, _ = code, state
	log.Printf("callback %s", r.URL.String()) // silent: code and state are not query credentials here
	log.Printf("callback %v", r.URL.Query())  // silent: likewise
}

func Login(w http.ResponseWriter, r *http.Request) {
	_ = r.PostFormValue("password")
	b, _ := io.ReadAll(r.Body)
	vals, _ := url.ParseQuery(string(b))
	_ = vals.Get("token")
	log.Printf("login %v", r.URL) // silent: the credentials come from the body
	log.Printf("uri %s", r.RequestURI)
}

// Token is a token endpoint: FormValue reads the POST body too, where a
// password and a client secret are sent.
func Token(w http.ResponseWriter, r *http.Request) {
	_ = r.FormValue("password")
	_ = r.FormValue("client_secret")
	log.Printf("token request %s", r.URL.String()) // silent: body credentials
}
