// Package urlvalues: url.Values.Set and Add store a value that Encode
// writes back out, so a link built with a token carries it.
package urlvalues

import (
	"log"
	"net/http"
	"net/url"
)

func links(r *http.Request, base, email, resetToken string) {
	q := url.Values{}
	q.Set("page", "2")
	q.Add("user", email)
	log.Printf("list %s?%s", base, q.Encode()) // silent: a page number and an e-mail

	in := r.URL.Query()
	in.Del("access_token")
	log.Printf("query %s", in.Encode()) // silent: the request's query holds no credential by type

	v := url.Values{}
	v.Set("token", resetToken)
	link := base + "/reset?" + v.Encode()
	log.Printf("reset link %s", link) // want `token in parameter resetToken reaches log.Printf`

	w := url.Values{}
	w.Add("user", email)
	w.Add("api_key", resetToken)
	log.Printf("call %s", w.Encode()) // want `token in parameter resetToken reaches log.Printf`
}
