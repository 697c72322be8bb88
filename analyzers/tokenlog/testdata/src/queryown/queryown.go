package queryown // want package:`tokenlog\(query params api_key, token read by queryown\)`

// queryown reads credentials from the query itself (url.Values
// of r.URL.Query(), gin's c.Query) and logs whole request URLs.

import (
	"log"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"
)

func apiKey(c *gin.Context) string { return c.Query("api_key") }

func tokenOf(r *http.Request) string {
	q := r.URL.Query()
	return q.Get("token")
}

func Handle(w http.ResponseWriter, r *http.Request) {
	_ = tokenOf(r)
	slog.Info("request", "url", r.URL.Redacted())    // want `request URL with the "api_key" query parameter \(read in this package\) reaches slog.Info`
	slog.Info("request", "query", r.URL.RawQuery)    // want `request query string with the "api_key" query parameter`
	log.Printf("uri %s", r.URL.RequestURI())         // want `request URL with the "api_key" query parameter`
	log.Printf("query %v", r.URL.Query())            // want `request query with the "api_key" query parameter`
	log.Printf("page %s", r.URL.Query().Get("page")) // silent: another parameter
	log.Printf("url %s", r.URL.Path)                 // silent: the path
	log.Printf("host %s", r.URL.Hostname())          // silent: the host
	log.Printf("method %s", r.Method)                // silent: the method
	u := *r.URL
	u.RawQuery = ""
	log.Printf("url %s", u.String()) // silent: a copy without its query
}
