package querydial

// querydial is a relay client: it reads the join token from the relay's
// URI, a URL it dials, never from a request it serves. It exports no
// query fact.

import (
	"net"
	"net/url"
)

type Client struct {
	uri   *url.URL
	token string
}

func NewClient(uri *url.URL) *Client { // want NewClient:`result 0.1 is token from the "token" URL parameter; param 0 flows to result 0.0`
	return &Client{uri: uri, token: uri.Query().Get("token")}
}

func (c *Client) Dial() (net.Conn, error) {
	q := c.uri.Query()
	_ = q.Get("access_token")
	return net.Dial("tcp", c.uri.Host)
}
