// Package echo is a stub of github.com/labstack/echo/v4 for tests.
package echo

import (
	"net/http"
	"net/url"
)

type Context interface {
	Request() *http.Request
	Param(name string) string
	QueryParam(name string) string
	Get(key string) interface{}
	Set(key string, val interface{})
	JSON(code int, i interface{}) error
	NoContent(code int) error
	String(code int, s string) error
	Redirect(code int, url string) error
	FormValue(name string) string
	Cookie(name string) (*http.Cookie, error)
	SetCookie(cookie *http.Cookie)
	QueryParams() url.Values
	FormParams() (url.Values, error)
}

type HandlerFunc func(c Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Route struct{}

type Echo struct{}

func New() *Echo { return &Echo{} }

func (e *Echo) Use(middleware ...MiddlewareFunc)                              {}
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) *Group               { return &Group{} }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) Start(addr string) error                                       { return nil }

type Group struct{}

func (g *Group) Use(middleware ...MiddlewareFunc)                              {}
func (g *Group) Group(prefix string, m ...MiddlewareFunc) *Group               { return g }
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

type HTTPError struct{ Code int }

func (he *HTTPError) Error() string { return "" }

func NewHTTPError(code int, message ...interface{}) *HTTPError { return &HTTPError{Code: code} }

var (
	ErrUnauthorized = NewHTTPError(http.StatusUnauthorized)
	ErrForbidden    = NewHTTPError(http.StatusForbidden)
	ErrNotFound     = NewHTTPError(http.StatusNotFound)
)
