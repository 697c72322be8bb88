// Package echo is a stub of github.com/labstack/echo/v4 for tests.
package echo

import "net/http"

type Context interface {
	Request() *http.Request
	QueryParam(name string) string
	FormValue(name string) string
	SetCookie(cookie *http.Cookie)
	String(code int, s string) error
}
