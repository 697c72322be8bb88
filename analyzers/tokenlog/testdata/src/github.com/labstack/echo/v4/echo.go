// Package echo is a stub of github.com/labstack/echo/v4 for tests.
package echo

type Context interface {
	RealIP() string
	JSON(code int, i interface{}) error
}

type HandlerFunc func(c Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc
