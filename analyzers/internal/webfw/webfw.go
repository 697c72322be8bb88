// Package webfw names the web frameworks the analyzers know, by import
// path, in every major version: echo's handlers take an interface
// (v4) or a struct (v5) Context with the same methods, so one table
// entry serves them all.
package webfw

import (
	"go/types"
	"regexp"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

const echoPath = "github.com/labstack/echo"

// Echo reports whether path is echo's root package, any major version
// (github.com/labstack/echo, /v4, /v5), vendored or not.
func Echo(path string) bool {
	path = jwtlib.Unvendor(path)
	if path == echoPath {
		return true
	}
	rest, ok := strings.CutPrefix(path, echoPath+"/v")
	return ok && rest != "" && strings.Trim(rest, "0123456789") == ""
}

// Canonical returns path without a vendor prefix, and echo's root
// package under its unversioned path, for table lookups.
func Canonical(path string) string {
	if Echo(path) {
		return echoPath
	}
	return jwtlib.Unvendor(path)
}

// echoMiddlewarePath is echo's middleware package, any major version.
var echoMiddlewarePath = regexp.MustCompile(`^github\.com/labstack/echo(?:/v\d+)?/middleware$`)

// EchoMiddleware reports whether path is echo's middleware package
// (github.com/labstack/echo/middleware, /v4/middleware …).
func EchoMiddleware(path string) bool { return echoMiddlewarePath.MatchString(path) }

// EchoValidator reports whether t is one of the callback types through
// which echo's KeyAuth and BasicAuth middleware hand the program the
// credential the client presented (KeyAuthValidator: the key, its
// parameter 0; BasicAuthValidator: the password, its parameter 1), and
// that parameter's index.
func EchoValidator(t types.Type) (param int, ok bool) {
	n, isNamed := types.Unalias(t).(*types.Named)
	if !isNamed || n.Obj().Pkg() == nil || !EchoMiddleware(n.Obj().Pkg().Path()) {
		return 0, false
	}
	switch n.Obj().Name() {
	case "KeyAuthValidator":
		return 0, true
	case "BasicAuthValidator":
		return 1, true
	}
	return 0, false
}
