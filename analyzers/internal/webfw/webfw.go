// Package webfw names the web frameworks the analyzers know, by import
// path, in every major version: echo's handlers take an interface
// (v4) or a struct (v5) Context with the same methods, so one table
// entry serves them all.
package webfw

import (
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
