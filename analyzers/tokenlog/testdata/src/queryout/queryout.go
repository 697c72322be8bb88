package queryout // want package:`tokenlog\(query params token read by queryout\)`

// queryout reads a token from the query of the requests it serves and
// logs the URLs of requests it sends: those hold only what it put in.

import (
	"context"
	"log"
	"net/http"
	"net/url"
)

func tokenOf(r *http.Request) string { return r.URL.Query().Get("token") }

type fetcher struct {
	workerURL string
	last      *http.Request
}

func newReq(u string) (*http.Request, error) { return http.NewRequest("GET", u, nil) }

// Fetch sends requests it builds and logs their URLs.
func (f *fetcher) Fetch(ctx context.Context, src string) error { // want Fetch:`param 2 reaches log.Printf \(own sink\)`
	req, err := http.NewRequest("GET", f.workerURL, nil)
	if err != nil {
		return err
	}
	q := req.URL.Query()
	q.Add("src", src)
	req.URL.RawQuery = q.Encode()
	log.Printf("calling %s", req.URL)          // silent: a request this package built
	log.Printf("calling %s", req.URL.String()) // silent: the same, as a string
	log.Printf("query %s", req.URL.RawQuery)   // silent: its query string
	r2, _ := http.NewRequestWithContext(ctx, "GET", f.workerURL, nil)
	log.Printf("calling %v", r2.URL) // silent: NewRequestWithContext
	r3, _ := newReq(f.workerURL)
	log.Printf("calling %s", r3.URL.Redacted()) // silent: built by a function of the package
	f.last = req
	log.Printf("last %s", f.last.URL) // silent: a field that only holds built requests
	_, err = http.DefaultClient.Do(req)
	return err
}

// Handle logs the URL of a request it serves.
func Handle(w http.ResponseWriter, r *http.Request) {
	_ = tokenOf(r)
	log.Printf("serving %s", r.URL)          // want `request URL with the "token" query parameter \(read in this package\) reaches log.Printf`
	log.Printf("query %s", r.URL.RawQuery)   // want `request query string with the "token" query parameter`
	log.Printf("uri %s", r.RequestURI)       // want `request URI with the "token" query parameter`
	log.Printf("uri %s", r.URL.RequestURI()) // want `request URL with the "token" query parameter`
	logAny(r)
}

// logAny is handed a request it did not build: it may be served.
func logAny(req *http.Request) {
	log.Printf("req %s", req.URL.String()) // want `request URL with the "token" query parameter`
}

// Proxy logs a served request it copied: a copy is no request it built.
func Proxy(r *http.Request) {
	out := r.Clone(context.Background())
	log.Printf("proxy %s", out.URL) // want `request URL with the "token" query parameter`
	_ = url.Values{}
}
