// Package httpc is a cluster's own HTTP client: it takes plain http://
// URLs and rewrites the scheme to https when TLS is configured.
package httpc

import (
	"net/http"
	"net/url"
	"strings"
)

type Client struct {
	c     *http.Client
	https bool
}

var global = &Client{c: http.DefaultClient}

func Global() *Client { return global }

func (c *Client) Scheme() string {
	if c.https {
		return "https"
	}
	return "http"
}

// Do decides the scheme of the request.
func (c *Client) Do(req *http.Request) (*http.Response, error) { // want Do:"decides scheme"
	req.URL.Scheme = c.Scheme()
	return c.c.Do(req)
}

// Normalize decides the scheme of a URL string.
func (c *Client) Normalize(raw string) (string, error) { // want Normalize:"decides scheme"
	u, err := url.Parse(raw)
	if err != nil {
		return "", err
	}
	if u.Scheme != c.Scheme() {
		u.Scheme = c.Scheme()
	}
	return u.String(), nil
}

// Get normalizes through Normalize.
func (c *Client) Get(raw string) (*http.Response, error) { // want Get:"decides scheme"
	raw, err := c.Normalize(raw)
	if err != nil {
		return nil, err
	}
	return c.c.Get(raw)
}

// NormalizeURL wraps the global client's.
func NormalizeURL(raw string) (string, error) { // want NormalizeURL:"decides scheme"
	return global.Normalize(raw)
}

// Near misses: these do not decide the scheme.

// Lower only normalises the case of the scheme it was given.
func Lower(req *http.Request) { req.URL.Scheme = strings.ToLower(req.URL.Scheme) }

// Downgrade sets plain HTTP on purpose.
func Downgrade(req *http.Request) (*http.Response, error) {
	req.URL.Scheme = "http"
	return http.DefaultClient.Do(req)
}

// Log looks at the URL and changes nothing.
func Log(raw string) int { return len(raw) }
