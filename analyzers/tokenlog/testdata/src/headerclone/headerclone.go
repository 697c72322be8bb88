// Package headerclone logs copies of a request's headers: a copy holds
// their credentials unless both Authorization and Cookie are masked on
// it.
package headerclone

import (
	"log"
	"net/http"
)

// nuclio's request logger masks the cookie and its own session header
// on the copy, and logs Authorization.
func partlyMasked(r *http.Request) {
	h := r.Header.Clone()
	for _, k := range []string{"cookie", "X-Session-Key"} {
		if h.Get(k) != "" {
			h.Set(k, "[redacted]")
		}
	}
	log.Printf("headers %v", h) // want `request headers with their Authorization and Cookie values reaches log.Printf`
}

func copied(r *http.Request) {
	log.Printf("headers %v", r.Header.Clone()) // want `request headers with their Authorization and Cookie values reaches log.Printf`
}

// Near misses: both credential headers masked on the copy; a copy of
// headers the program built.
func masked(r *http.Request) {
	h := r.Header.Clone()
	h.Set("Authorization", "[redacted]")
	h.Del("Cookie")
	log.Printf("headers %v", h)
}

func built() {
	h := http.Header{}
	h.Set("Accept", "application/json")
	log.Printf("headers %v", h.Clone())
}
