// Package resty is a stub of github.com/go-resty/resty/v2 for tests.
package resty

type Client struct{}

type Request struct{}

type Response struct{}

func New() *Client                                            { return &Client{} }
func (c *Client) R() *Request                                 { return &Request{} }
func (r *Request) SetQueryParam(param, value string) *Request { return r }
func (r *Request) SetHeader(header, value string) *Request    { return r }
func (r *Request) SetAuthToken(token string) *Request         { return r }
func (r *Request) Get(url string) (*Response, error)          { return &Response{}, nil }
