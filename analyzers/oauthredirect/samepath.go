package oauthredirect

import (
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// A same-origin path built by construction.
//
// "/" + strings.TrimLeft(v, "/") starts with exactly one slash followed
// by something that is not a slash, so it names a path on this origin,
// unless what follows is a backslash: browsers read "/\evil.example" as
// "//evil.example". The target is same-origin when the trimmed value
// cannot start with a backslash either: the cutset trims "\" too, or
// the value is an escaped URL path ((*url.URL).EscapedPath,
// url.PathEscape), in which a backslash is written %5C. Trimming one
// slash (TrimPrefix) is not enough ("///evil.example" keeps "//"), nor
// is the escaped path on its own.

// sameOriginPath reports whether prefix + rest is such a path.
func sameOriginPath(prefix, rest ssa.Value) bool {
	if s, ok := credsrc.ConstString(prefix); !ok || s != "/" {
		return false
	}
	call, ok := rest.(*ssa.Call)
	if !ok {
		return false
	}
	c, ok := resolve(&call.Call)
	if !ok || !c.is("strings", "", "TrimLeft") {
		return false
	}
	cutset, ok := credsrc.ConstString(c.arg(1))
	if !ok || !strings.Contains(cutset, "/") {
		return false
	}
	return strings.Contains(cutset, `\`) || escapedPath(c.arg(0))
}

// escapedPath reports whether v is a URL path escaped for use in a URL,
// in which a backslash cannot appear unescaped.
func escapedPath(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	c, ok := resolve(&call.Call)
	return ok && (c.is("net/url", "URL", "EscapedPath") || c.is("net/url", "", "PathEscape"))
}
