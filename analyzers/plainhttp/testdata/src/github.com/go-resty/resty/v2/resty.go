// Package resty is a stub of github.com/go-resty/resty/v2 (v2.17.2):
// the client and request setters tokenlog's debug-log rule looks at,
// with their real signatures.
package resty

import (
	"net/http"
	"net/url"
)

type Client struct {
	Debug  bool
	Token  string
	Header http.Header
}

type Request struct {
	Debug  bool
	URL    string
	Header http.Header
}

type Response struct{}

type RequestLog struct {
	Header http.Header
	Body   string
}

type RequestLogCallback func(*RequestLog) error

func New() *Client                                                { return &Client{} }
func NewWithClient(hc *http.Client) *Client                       { return &Client{} }
func (c *Client) R() *Request                                     { return &Request{} }
func (c *Client) NewRequest() *Request                            { return c.R() }
func (c *Client) SetHeader(header, value string) *Client          { return c }
func (c *Client) SetHeaders(headers map[string]string) *Client    { return c }
func (c *Client) SetHeaderVerbatim(header, value string) *Client  { return c }
func (c *Client) SetCookie(hc *http.Cookie) *Client               { return c }
func (c *Client) SetCookies(cs []*http.Cookie) *Client            { return c }
func (c *Client) SetQueryParam(param, value string) *Client       { return c }
func (c *Client) SetBasicAuth(username, password string) *Client  { return c }
func (c *Client) SetAuthToken(token string) *Client               { return c }
func (c *Client) SetAuthScheme(scheme string) *Client             { return c }
func (c *Client) SetDigestAuth(username, password string) *Client { return c }
func (c *Client) SetDebug(d bool) *Client                         { return c }
func (c *Client) SetDebugBodyLimit(sl int64) *Client              { return c }
func (c *Client) OnRequestLog(rl RequestLogCallback) *Client      { return c }
func (c *Client) SetBaseURL(url string) *Client                   { return c }
func (c *Client) EnableGenerateCurlOnDebug() *Client              { return c }

func (r *Request) SetHeader(header, value string) *Request          { return r }
func (r *Request) SetHeaders(headers map[string]string) *Request    { return r }
func (r *Request) SetHeaderVerbatim(header, value string) *Request  { return r }
func (r *Request) SetQueryParam(param, value string) *Request       { return r }
func (r *Request) SetBasicAuth(username, password string) *Request  { return r }
func (r *Request) SetAuthToken(token string) *Request               { return r }
func (r *Request) SetAuthScheme(scheme string) *Request             { return r }
func (r *Request) SetDigestAuth(username, password string) *Request { return r }
func (r *Request) SetCookie(hc *http.Cookie) *Request               { return r }
func (r *Request) SetCookies(rs []*http.Cookie) *Request            { return r }
func (r *Request) SetDebug(d bool) *Request                         { return r }
func (r *Request) SetBody(body any) *Request                        { return r }
func (r *Request) Get(url string) (*Response, error)                { return &Response{}, nil }
func (r *Request) Post(url string) (*Response, error)               { return &Response{}, nil }

func (r *Request) SetFormData(data map[string]string) *Request      { return r }
func (r *Request) SetFormDataFromValues(data url.Values) *Request   { return r }
func (r *Request) SetQueryParams(params map[string]string) *Request { return r }
func (r *Request) SetResult(res interface{}) *Request               { return r }
func (r *Request) SetError(err interface{}) *Request                { return r }

func (r *Response) String() string  { return "" }
func (r *Response) Body() []byte    { return nil }
func (r *Response) StatusCode() int { return 0 }
func (r *Response) IsError() bool   { return false }
func (r *Response) IsSuccess() bool { return true }
