package oauthredirect

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// redirectSink returns the URL argument of a call that redirects the
// browser, and how the message names the call: http.Redirect, a
// Location header, and the frameworks' Redirect methods.
func redirectSink(call *ssa.Call) (ssa.Value, string, bool) {
	c, ok := resolve(call.Common())
	if !ok {
		return nil, "", false
	}
	location := func(key ssa.Value) bool {
		k, ok := credsrc.ConstString(key)
		return ok && strings.EqualFold(k, "Location")
	}
	switch {
	case c.is("net/http", "", "Redirect"):
		return c.arg(2), "http.Redirect", c.arg(2) != nil
	case c.pkg == "net/http" && c.recv == "Header" && (c.name == "Set" || c.name == "Add") && location(c.arg(0)):
		return c.arg(1), "the Location header", true
	}
	switch frameworkPath(c.pkg) {
	case "gin":
		if c.recv == "Context" && c.name == "Redirect" {
			return c.arg(1), "gin's Redirect", c.arg(1) != nil
		}
		if c.recv == "Context" && c.name == "Header" && location(c.arg(0)) {
			return c.arg(1), "the Location header", true
		}
	case "echo":
		if c.recv == "Context" && c.name == "Redirect" {
			return c.arg(1), "echo's Redirect", c.arg(1) != nil
		}
	case "fiber":
		if c.recv == "Ctx" && c.name == "Redirect" {
			return c.arg(0), "fiber's Redirect", c.arg(0) != nil
		}
		if c.recv == "Ctx" && c.name == "Set" && location(c.arg(0)) {
			return c.arg(1), "the Location header", true
		}
	}
	return nil, "", false
}
