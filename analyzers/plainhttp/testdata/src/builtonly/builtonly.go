// Package builtonly: a request made only to use its helpers (encode
// Basic credentials, format cookies) and never sent carries its URL
// nowhere; a request handed to a client, returned, stored or whose URL
// or copy goes on is reported as before.
package builtonly

import (
	"context"
	"net/http"
)

type client struct {
	headers map[string]string
	last    *http.Request
}

// basicHeader builds a throwaway request to encode user:pass (rclone's
// rest.Client.SetUserPass).
func (c *client) basicHeader(user, pass string) {
	req, _ := http.NewRequest("GET", "http://example.com", nil)
	req.SetBasicAuth(user, pass)
	c.headers["Authorization"] = req.Header.Get("Authorization")
}

// cookieHeader formats cookies the same way.
func (c *client) cookieHeader(cks ...*http.Cookie) {
	req, _ := http.NewRequest("GET", "http://api.vendor.com", nil)
	for _, ck := range cks {
		req.AddCookie(ck)
	}
	c.headers["Cookie"] = req.Header.Get("Cookie")
}

// Near misses.

func (c *client) sent(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, "GET", "http://api.vendor.com/v1/items", nil) // want `plain HTTP URL http://api.vendor.com reaches http.NewRequestWithContext; use https://`
	if err != nil {
		return err
	}
	req.SetBasicAuth("svc", "pass")
	_, err = http.DefaultClient.Do(req)
	return err
}

func (c *client) returned() *http.Request {
	req, _ := http.NewRequest("GET", "http://api.vendor.com/v1/items", nil) // want `plain HTTP URL http://api.vendor.com reaches http.NewRequest; use https://`
	req.SetBasicAuth("svc", "pass")
	return req
}

func (c *client) stored() {
	req, _ := http.NewRequest("GET", "http://api.vendor.com/v1/items", nil) // want `plain HTTP URL http://api.vendor.com reaches http.NewRequest; use https://`
	req.SetBasicAuth("svc", "pass")
	c.last = req
}

func (c *client) copied(ctx context.Context) {
	req, _ := http.NewRequest("GET", "http://api.vendor.com/v1/items", nil) // want `plain HTTP URL http://api.vendor.com reaches http.NewRequest; use https://`
	req.SetBasicAuth("svc", "pass")
	c.last = req.WithContext(ctx)
}

func (c *client) urlOnward() (*http.Response, error) {
	req, _ := http.NewRequest("GET", "http://api.vendor.com/v1/items", nil) // want `plain HTTP URL http://api.vendor.com reaches http.NewRequest; use https://`
	req.SetBasicAuth("svc", "pass")
	return http.Get(req.URL.String())
}
