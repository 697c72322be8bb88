// Package acme serves ACME HTTP-01 challenges as traefik's acme provider
// does: a method of the challenge type receives the challenge token from
// the request path and logs it, which leaks nothing (the token is the
// validation URL's last segment). The DNS solver's API token, a method
// parameter of another type of the same package, is still a secret.
package acme

import (
	"log"
	"net/http"
	"strings"
	"sync"
)

type ChallengeHTTP struct {
	lock       sync.RWMutex
	challenges map[string]map[string][]byte
}

func (c *ChallengeHTTP) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	token := pathParam(r)
	log.Printf("challenge token %s", token) // silent: a challenge type's method
	if v := c.tokenValue(token, r.Host); len(v) > 0 {
		w.Write(v)
		return
	}
	w.WriteHeader(http.StatusNotFound)
}

func (c *ChallengeHTTP) tokenValue(token, domain string) []byte {
	log.Printf("retrieving the ACME challenge for %s (token %q)", domain, token) // silent: the challenge token is public
	c.lock.RLock()
	defer c.lock.RUnlock()
	v, ok := c.challenges[token][domain]
	if !ok {
		log.Printf("no ACME challenge for %s (token %q)", domain, token) // silent
	}
	return v
}

// pathParam reads the last segment of the request path, wherever the
// handler is mounted.
func pathParam(r *http.Request) string {
	return r.URL.Path[strings.LastIndex(r.URL.Path, "/")+1:]
}

type dnsSolver struct{ zone string }

func (d *dnsSolver) login(token string) {
	log.Printf("DNS API login with %s", token) // want `token in parameter token reaches log.Printf`
}

func (d *dnsSolver) refresh(read func() string) {
	token := read()
	log.Printf("DNS API token %s", token) // want `token in variable token reaches log.Printf`
}
