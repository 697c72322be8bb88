// Package macaron is a stub of gopkg.in/macaron.v1's request context.
package macaron

import "net/http"

type Request struct{ *http.Request }

type Context struct {
	Req  Request
	Resp http.ResponseWriter
}

func (c *Context) QueryTrim(name string) string { return c.Req.URL.Query().Get(name) }

func (c *Context) QueryInt64(name string) int64 { return 0 }

func (c *Context) Write(b []byte) (int, error) { return c.Resp.Write(b) }
