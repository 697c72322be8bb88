// Package gin is a stub of github.com/gin-gonic/gin for tests.
package gin

import (
	"io"
	"net/http"
	"os"
)

// DefaultWriter and DefaultErrorWriter are where gin's logger and
// recovery middleware write.
var (
	DefaultWriter      io.Writer = os.Stdout
	DefaultErrorWriter io.Writer = os.Stderr
)

type Context struct {
	Request *http.Request
}

func (c *Context) Query(key string) string             { return "" }
func (c *Context) DefaultQuery(key, def string) string { return def }
func (c *Context) GetQuery(key string) (string, bool)  { return "", false }
func (c *Context) PostForm(key string) string          { return "" }
func (c *Context) GetHeader(key string) string         { return "" }
func (c *Context) Next()                               {}
func (c *Context) FullPath() string                    { return "" }

type HandlerFunc func(*Context)
