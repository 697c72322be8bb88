package querymask // want package:`tokenlog\(query params accessToken, token read by querymask\)`

// querymask reads two credential parameters from the query and logs the
// parsed query string with some of them masked.

import (
	"log"
	"net/http"
	"net/url"
)

func token(r *http.Request) string { return r.URL.Query().Get("token") }

func accessToken(r *http.Request) string { return r.URL.Query().Get("accessToken") }

// Near misses: every credential parameter masked before the log.

func LogMasked(r *http.Request) {
	vals, _ := url.ParseQuery(r.URL.RawQuery)
	if vals.Has("token") {
		vals.Set("token", "redacted")
	}
	vals.Del("accessToken")
	log.Printf("query %s", vals.Encode()) // silent: both masked
}

func LogBothSet(r *http.Request) {
	vals, _ := url.ParseQuery(r.URL.RawQuery)
	vals.Set("token", "***")
	vals.Set("accessToken", "***")
	log.Println("query", vals) // silent: both overwritten with a constant
}

func LogPage(r *http.Request) {
	vals, _ := url.ParseQuery(r.URL.RawQuery)
	log.Printf("page %s", vals.Get("page")) // silent: another parameter
}

// Positives.

func LogOneMasked(r *http.Request) {
	vals, _ := url.ParseQuery(r.URL.RawQuery)
	if vals.Has("token") {
		vals.Set("token", "redacted-value")
	}
	log.Printf("query %s", vals.Encode()) // want `request query string with the "accessToken" query parameter \(read in this package\) reaches log.Printf`
}

func LogParsed(r *http.Request) {
	vals, _ := url.ParseQuery(r.URL.RawQuery)
	log.Println("query", vals) // want `request query string with the "token" query parameter`
}

func LogCopied(r *http.Request) {
	vals, _ := url.ParseQuery(r.URL.RawQuery)
	vals.Set("token", token(r)[:4])
	vals.Del("accessToken")
	log.Printf("query %s", vals.Encode()) // want `request query string with the "token" query parameter`
}

func LogRawToo(r *http.Request) {
	raw := r.URL.RawQuery
	vals, _ := url.ParseQuery(raw)
	vals.Del("token")
	vals.Del("accessToken")
	log.Printf("raw %s %s", raw, vals.Encode()) // want `request query string with the "token" query parameter`
	_ = accessToken(r)
}
