// Package fasthttp is a stub of github.com/valyala/fasthttp for tests.
package fasthttp

type Request struct{}

func AcquireRequest() *Request                        { return &Request{} }
func (r *Request) SetRequestURI(uri string)           {}
func (r *Request) SetBodyString(body string)          {}
func Get(dst []byte, url string) (int, []byte, error) { return 0, nil, nil }

type Client struct{}

func (c *Client) Get(dst []byte, url string) (int, []byte, error) { return 0, nil, nil }

type Args struct{}

func (a *Args) Set(key, value string) {}
func (a *Args) String() string        { return "" }
