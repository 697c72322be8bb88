// Package shortslice: a prefix or suffix of at most eight characters,
// bounded with min or max so that short tokens do not panic, identifies
// a token without showing it.
package shortslice

import (
	"log"
	"net/http"
)

func h(r *http.Request) {
	tok := r.Header.Get("X-Api-Key")
	log.Printf("key %s…", tok[:min(len(tok), 6)])    // silent: at most six characters
	log.Printf("key …%s", tok[max(0, len(tok)-4):])  // silent: at most the last four
	log.Printf("key %s…", tok[:min(8, len(tok))])    // silent: the bound may come first
	log.Printf("key %s…", tok[:min(len(tok), 20)])   // want `API key from the X-Api-Key header reaches log.Printf`
	log.Printf("key …%s", tok[max(0, len(tok)-20):]) // want `API key from the X-Api-Key header reaches log.Printf`
	log.Printf("key %s", tok[min(4, len(tok)):])     // want `API key from the X-Api-Key header reaches log.Printf`
}
