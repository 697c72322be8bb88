// Package gin is a stub of github.com/gin-gonic/gin for tests.
package gin

import "net/http"

type H map[string]any

type HandlerFunc func(*Context)

type Context struct {
	Request *http.Request
	Writer  http.ResponseWriter
}

func (c *Context) Next()                                    {}
func (c *Context) Abort()                                   {}
func (c *Context) AbortWithStatus(code int)                 {}
func (c *Context) AbortWithStatusJSON(code int, obj any)    {}
func (c *Context) Set(key string, value any)                {}
func (c *Context) Get(key string) (value any, exists bool)  { return nil, false }
func (c *Context) MustGet(key string) any                   { return nil }
func (c *Context) GetString(key string) string              { return "" }
func (c *Context) GetHeader(key string) string              { return "" }
func (c *Context) Param(key string) string                  { return "" }
func (c *Context) Query(key string) string                  { return "" }
func (c *Context) JSON(code int, obj any)                   {}
func (c *Context) String(code int, format string, v ...any) {}
func (c *Context) Status(code int)                          {}
func (c *Context) SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool) {
}

type IRoutes interface {
	Use(...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
	DELETE(string, ...HandlerFunc) IRoutes
}

type RouterGroup struct{}

func (g *RouterGroup) Use(middleware ...HandlerFunc) IRoutes                           { return g }
func (g *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup { return g }
func (g *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes        { return g }
func (g *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes       { return g }
func (g *RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes     { return g }

type Engine struct{ RouterGroup }

func New() *Engine     { return &Engine{} }
func Default() *Engine { return &Engine{} }

func (e *Engine) Run(addr ...string) error { return nil }
func (e *Engine) HandleContext(c *Context) {}

type Accounts map[string]string

func BasicAuth(accounts Accounts) HandlerFunc { return nil }

func (c *Context) PostForm(key string) string { return "" }

func (c *Context) GetInt64(key string) int64 { return 0 }
func (c *Context) GetUint(key string) uint   { return 0 }
func (c *Context) GetBool(key string) bool   { return false }
