// Package fasthttp is a stub of github.com/valyala/fasthttp for tests.
package fasthttp

type RequestHeader struct{}

func (h *RequestHeader) Peek(key string) []byte { return nil }

type Request struct{ Header RequestHeader }

type RequestCtx struct{ Request Request }

func (ctx *RequestCtx) UserValue(key any) any            { return nil }
func (ctx *RequestCtx) SetUserValue(key any, value any)  {}
func (ctx *RequestCtx) Error(msg string, statusCode int) {}
func (ctx *RequestCtx) SetStatusCode(statusCode int)     {}
func (ctx *RequestCtx) Write(p []byte) (int, error)      { return 0, nil }

type RequestHandler func(ctx *RequestCtx)

func ListenAndServe(addr string, handler RequestHandler) error { return nil }
