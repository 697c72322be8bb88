// Package outreqsign hands the requests it builds to a signer it does
// not see into: the signer may add an Authorization header.
package outreqsign

import (
	"log"
	"net/http"
)

type Signer interface {
	Sign(*http.Request) error
}

func Fetch(s Signer, url string) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return
	}
	if err := s.Sign(req); err != nil {
		return
	}
	log.Printf("headers %v", req.Header) // want `request headers with their Authorization and Cookie values reaches log.Printf`
}
