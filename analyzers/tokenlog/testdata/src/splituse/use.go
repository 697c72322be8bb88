// Package splituse logs what splitlib's helpers return for a request's
// credentials: the secret half is reported, the user half and a digest
// are not.
package splituse

import (
	"log"
	"net/http"

	"splitlib"
)

func passwordHalf(r *http.Request) {
	_, p, _ := splitlib.ParseBasicAuth(r.Header.Get("Authorization"))
	log.Printf("password %s", p) // want `credentials from the Authorization header reaches log.Printf`
}

func userHalf(r *http.Request) {
	u, _, _ := splitlib.ParseBasicAuth(r.Header.Get("Authorization"))
	log.Printf("user %s", u)
}

func fingerprint(r *http.Request) {
	log.Printf("fingerprint %s", splitlib.Fingerprint(r.Header.Get("Authorization")))
}
