package usequeryroutesdisp // want package:`tokenlog\(query params token read by queryroutesdisp\)`

// The web server importing it. Its static file handler and its reverse
// proxy return whether they handled the request, and they serve other
// routes, whose URLs never carry the token. The dispatcher in front of
// them sees every route's URL, the import stream's included.

import (
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"

	"queryroutesdisp"
)

func handleStatic(w http.ResponseWriter, r *http.Request) (handled bool) {
	logf := func() *log.Logger { return log.Default() }
	if r.URL.Path == "/" {
		logf().Printf("no index for %s", r.URL) // silent: a static route never carries the token
		return false
	}
	http.ServeFile(w, r, r.URL.Path)
	return true
}

func handleForward(target *url.URL, w http.ResponseWriter, r *http.Request) (handled bool) {
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		log.Printf("forwarding %s: %v", r.URL, err) // silent: a forwarded route never carries the token
		http.Error(w, "bad gateway", http.StatusBadGateway)
	}
	proxy.ServeHTTP(w, r)
	return true
}

type server struct {
	target  *url.URL
	account http.Handler
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	log.Printf("request %s", r.URL) // want `request URL with the "token" query parameter \(read by queryroutesdisp\)`
	if handleStatic(w, r) || handleForward(s.target, w, r) {
		return
	}
	s.account.ServeHTTP(w, r)
}

func newServer(api http.Handler) *server {
	return &server{account: queryroutesdisp.Handler(api)}
}
