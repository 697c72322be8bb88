// Package outreqauth puts a bearer token on the requests it builds:
// their headers hold a credential (outreq.go judges the package as a
// whole, so even the request built without one is reported).
package outreqauth

import (
	"log"
	"net/http"
	"net/http/httputil"
)

type Client struct {
	token string
}

func (c *Client) Get(url string) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	log.Printf("headers %v", req.Header) // want `request headers with their Authorization and Cookie values reaches log.Printf`
}

func (c *Client) Whole(url string) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	log.Printf("request %v", req) // want `\*http.Request with credential field Header is printed whole by log.Printf`
}

func (c *Client) Head(url string) {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return
	}
	log.Printf("headers %v", req.Header) // want `request headers with their Authorization and Cookie values reaches log.Printf`
}

// A dump of a request of a package that puts a bearer token on its
// requests holds it.
func (c *Client) Dump(url string) {
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	dump, _ := httputil.DumpRequestOut(req, false)
	log.Printf("sending %s", dump) // want `request dump with its Authorization and Cookie headers reaches log.Printf`
}
