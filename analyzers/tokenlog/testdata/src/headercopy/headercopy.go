// Package headercopy: a request's headers copied entry by entry into a
// map that is logged. The values carry the header's credentials unless
// the loop leaves out (or masks) both Authorization and Cookie, or picks
// the headers to keep with a predicate.
package headercopy

import (
	"log"
	"net/http"
	"strings"
)

// Positives.

// Authorization is masked, the session cookie is logged.
func authOnly(r *http.Request) {
	headers := map[string][]string{}
	for key, value := range r.Header {
		if key == "Authorization" {
			value = []string{"******"}
		}
		headers[key] = value
	}
	log.Printf("headers: %v", headers) // want `request headers with their Authorization and Cookie values reaches log.Printf`
}

// Nothing masked: every header is logged.
func all(r *http.Request) {
	for k, v := range r.Header {
		log.Printf("%s: %s", k, strings.Join(v, ",")) // want `request headers with their Authorization and Cookie values reaches log.Printf`
	}
}

// Near misses.

// Both credential headers masked.
func masked(r *http.Request) {
	headers := map[string][]string{}
	for key, value := range r.Header {
		if key == "Authorization" || key == "Cookie" {
			value = []string{"******"}
		}
		headers[key] = value
	}
	log.Printf("headers: %v", headers)
}

// Both left out, compared in lower case with a switch.
func skipped(r *http.Request) {
	for k, v := range r.Header {
		switch strings.ToLower(k) {
		case "authorization", "cookie":
			continue
		}
		log.Printf("%s: %v", k, v)
	}
}

// Headers picked by a predicate.
func picked(r *http.Request) {
	for k, v := range r.Header {
		if sensitive(k) {
			continue
		}
		log.Printf("%s: %v", k, v)
	}
}

func sensitive(k string) bool {
	return strings.EqualFold(k, "Authorization") || strings.EqualFold(k, "Cookie")
}

// Only the names are logged.
func names(r *http.Request) {
	for k := range r.Header {
		log.Printf("header %s", k)
	}
}

// The headers of a request the program builds hold what it put there.
func outgoing() {
	req, _ := http.NewRequest("GET", "https://example.com", nil)
	req.Header.Set("Accept", "application/json")
	for k, v := range req.Header {
		log.Printf("%s: %v", k, v)
	}
}
