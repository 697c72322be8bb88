// Package usesegmentlib logs what segmentlib returns.
package usesegmentlib

import (
	"log"
	"net/http"

	"segmentlib"
)

func handler(r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		return
	}
	email, err := segmentlib.ValidateCookie(c, nil)
	if err == nil {
		log.Printf("user %s", email) // the identity the MAC covers
	}
	log.Printf("mac %s", segmentlib.CookieMAC(c)) // want `cookie value returned by segmentlib.CookieMAC reaches log.Printf`
}
