package oauthredirect

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// srcKind says what part of a request a value comes from.
type srcKind uint8

const (
	// kParam: a query, form or path parameter, or the Referer: what a
	// link on an attacker's page chooses.
	kParam srcKind = 1 << iota
	// kCookie: a cookie value (an open redirect source only when the
	// package stores request data in that cookie; see cookies.go).
	kCookie
	// kHost: the Host header or X-Forwarded-Host: spoofable, but not
	// by a link, so a source for dynamic-uri only.
	kHost
	// kHeader: any other request header, a source for dynamic-uri only.
	kHeader
)

// origin is where a traced value comes from: request data, or (while
// summarising a function) one of its parameters.
type origin struct {
	kind   srcKind
	desc   string // e.g. `query parameter "next"`
	pos    token.Pos
	param  int    // >= 0: the value is the function's parameter param
	cookie string // for kCookie: the cookie's name, "" if not constant
}

// keyDesc describes a parameter read by key.
func keyDesc(what string, key ssa.Value) string {
	if k, ok := credsrc.ConstString(key); ok {
		return fmt.Sprintf("%s %q", what, k)
	}
	return what
}

// headerKind classifies a request header by its name.
func headerKind(key ssa.Value) (srcKind, string) {
	k, ok := credsrc.ConstString(key)
	if !ok {
		return kHeader, "request header"
	}
	switch strings.ToLower(k) {
	case "referer", "referrer":
		return kParam, "Referer header"
	case "host", "x-forwarded-host", "x-forwarded-server", "x-original-host", "forwarded", "x-host":
		return kHost, fmt.Sprintf("%s header", k)
	}
	return kHeader, fmt.Sprintf("%s header", k)
}

// callSource reports whether result index idx (-1 for a single result)
// of the call is request data.
func callSource(call *ssa.Call, idx int) (origin, bool) {
	c, ok := resolve(call.Common())
	if !ok {
		return origin{}, false
	}
	pos := call.Pos()
	o := func(k srcKind, desc string) (origin, bool) {
		return origin{kind: k, desc: desc, pos: pos, param: -1}, true
	}
	first := idx <= 0
	switch c.pkg {
	case "net/http":
		switch {
		case c.recv == "Request" && (c.name == "FormValue" || c.name == "PostFormValue"):
			return o(kParam, keyDesc("form value", c.arg(0)))
		case c.recv == "Request" && c.name == "Referer":
			return o(kParam, "Referer header")
		case c.recv == "Header" && c.name == "Get" && fromRequestField(c.recvVal, "Header"):
			k, d := headerKind(c.arg(0))
			return o(k, d)
		}
	case "github.com/go-chi/chi/v5", "github.com/go-chi/chi":
		if c.recv == "" && c.name == "URLParam" {
			return o(kParam, keyDesc("path parameter", c.arg(1)))
		}
	case "net/url":
		if c.recv == "Values" && c.name == "Get" && requestValues(c.recvVal) {
			return o(kParam, keyDesc("query parameter", c.arg(0)))
		}
	}
	switch frameworkPath(c.pkg) {
	case "gin":
		if c.recv != "Context" {
			break
		}
		switch c.name {
		case "Query", "DefaultQuery", "GetQuery":
			if first {
				return o(kParam, keyDesc("query parameter", c.arg(0)))
			}
		case "PostForm", "DefaultPostForm", "GetPostForm":
			if first {
				return o(kParam, keyDesc("form value", c.arg(0)))
			}
		case "Param":
			return o(kParam, keyDesc("path parameter", c.arg(0)))
		case "GetHeader":
			k, d := headerKind(c.arg(0))
			return o(k, d)
		case "Cookie":
			if first {
				name, _ := credsrc.ConstString(c.arg(0))
				return origin{kind: kCookie, desc: keyDesc("cookie", c.arg(0)), pos: pos, param: -1, cookie: name}, true
			}
		}
	case "echo":
		if c.recv != "Context" {
			break
		}
		switch c.name {
		case "QueryParam":
			return o(kParam, keyDesc("query parameter", c.arg(0)))
		case "FormValue":
			return o(kParam, keyDesc("form value", c.arg(0)))
		case "Param":
			return o(kParam, keyDesc("path parameter", c.arg(0)))
		}
	case "fiber":
		if c.recv != "Ctx" {
			break
		}
		switch c.name {
		case "Query":
			return o(kParam, keyDesc("query parameter", c.arg(0)))
		case "FormValue":
			return o(kParam, keyDesc("form value", c.arg(0)))
		case "Params":
			return o(kParam, keyDesc("path parameter", c.arg(0)))
		case "Get":
			k, d := headerKind(c.arg(0))
			return o(k, d)
		case "Cookies":
			name, _ := credsrc.ConstString(c.arg(0))
			return origin{kind: kCookie, desc: keyDesc("cookie", c.arg(0)), pos: pos, param: -1, cookie: name}, true
		case "Hostname", "BaseURL":
			return o(kHost, "request host")
		}
	}
	return origin{}, false
}

// loadSource reports whether a field read is request data: the
// request's Host, or the Value of a cookie read from the request.
func loadSource(v ssa.Value) (origin, bool) {
	var addr ssa.Value = v
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		addr = u.X
	}
	base, name, ok := fieldName(addr)
	if !ok {
		return origin{}, false
	}
	t := base.Type()
	switch {
	case isNamed(t, "net/http", "Request") && name == "Host":
		return origin{kind: kHost, desc: "request Host", pos: v.Pos(), param: -1}, true
	case isNamed(t, "net/url", "URL") && name == "Host" && fromRequestField(base, "URL"):
		return origin{kind: kHost, desc: "request Host", pos: v.Pos(), param: -1}, true
	case isNamed(t, "net/http", "Cookie") && name == "Value":
		if call, ok := extractOf(base, 0); ok {
			c, _ := resolve(call.Common())
			if c.is("net/http", "Request", "Cookie") || (frameworkPath(c.pkg) == "echo" && c.name == "Cookie") {
				name, _ := credsrc.ConstString(c.arg(0))
				return origin{kind: kCookie, desc: keyDesc("cookie", c.arg(0)), pos: v.Pos(), param: -1, cookie: name}, true
			}
		}
	}
	return origin{}, false
}

// extractOf returns the call whose result idx v is.
func extractOf(v ssa.Value, idx int) (*ssa.Call, bool) {
	if e, ok := v.(*ssa.Extract); ok && e.Index == idx {
		c, ok := e.Tuple.(*ssa.Call)
		return c, ok
	}
	return nil, false
}

// fromRequestField reports whether v is the field name of an
// *http.Request (r.Header, r.URL, r.Form).
func fromRequestField(v ssa.Value, name string) bool {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	base, n, ok := fieldName(v)
	return ok && n == name && isNamed(base.Type(), "net/http", "Request")
}

// requestValues reports whether v is the request's query or form:
// r.URL.Query(), r.Form, r.PostForm.
func requestValues(v ssa.Value) bool {
	if fromRequestField(v, "Form") || fromRequestField(v, "PostForm") {
		return true
	}
	if call, ok := v.(*ssa.Call); ok {
		c, _ := resolve(call.Common())
		return c.is("net/url", "URL", "Query") && fromRequestField(c.recvVal, "URL") ||
			frameworkPath(c.pkg) == "echo" && c.recv == "Context" && c.name == "QueryParams"
	}
	if call, ok := extractOf(v, 0); ok {
		// echo's FormParams() (url.Values, error).
		c, _ := resolve(call.Common())
		return frameworkPath(c.pkg) == "echo" && c.recv == "Context" && c.name == "FormParams"
	}
	return false
}

// lookupSource handles mux.Vars(r)["next"]: gorilla/mux path variables.
func lookupSource(l *ssa.Lookup) (origin, bool) {
	if name, ok := sessionEntry(l.X, l.Index); ok {
		// Judged like a cookie by what the program stores there
		// (cookies.go).
		return origin{kind: kCookie, desc: fmt.Sprintf("session value %q", strings.TrimPrefix(name, sessionPrefix)), pos: l.Pos(), param: -1, cookie: name}, true
	}
	if call, ok := l.X.(*ssa.Call); ok {
		if c, ok := resolve(call.Common()); ok && c.is("github.com/gorilla/mux", "", "Vars") {
			return origin{kind: kParam, desc: keyDesc("path parameter", l.Index), pos: l.Pos(), param: -1}, true
		}
	}
	return origin{}, false
}

// indexSource handles r.URL.Query()["next"][0] and r.Form["next"][0]:
// v indexes x.
func indexSource(v, x ssa.Value) (origin, bool) {
	if l, ok := x.(*ssa.Lookup); ok && requestValues(l.X) {
		return origin{kind: kParam, desc: keyDesc("query parameter", l.Index), pos: v.Pos(), param: -1}, true
	}
	return origin{}, false
}

// sourceOf reports whether v is itself a read of request data (not
// following any flow), for matching two reads of the same value.
func sourceOf(v ssa.Value) (origin, bool) {
	switch v := v.(type) {
	case *ssa.Call:
		return callSource(v, -1)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return callSource(call, v.Index)
		}
	case *ssa.UnOp:
		if o, ok := loadSource(v); ok {
			return o, true
		}
		if ia, ok := v.X.(*ssa.IndexAddr); ok && v.Op == token.MUL {
			return indexSource(v, ia.X)
		}
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			if base, name, _ := fieldName(fa); base != nil {
				if alloc, ok := base.(*ssa.Alloc); ok && boundFromRequest(alloc) {
					return origin{kind: kParam, desc: "request field " + name, pos: fa.Pos(), param: -1}, true
				}
			}
		}
	case *ssa.Field:
		return loadSource(v)
	case *ssa.Lookup:
		return lookupSource(v)
	case *ssa.Index:
		return indexSource(v, v.X)
	}
	return origin{}, false
}

// boundFromRequest reports whether the request's body or query is
// decoded into the struct at alloc: json.NewDecoder(r.Body).Decode,
// json.Unmarshal of io.ReadAll(r.Body), gin's Bind*/ShouldBind* and
// echo's Bind.
func boundFromRequest(alloc *ssa.Alloc) bool {
	for _, ref := range *alloc.Referrers() {
		var arg ssa.Value = alloc
		if mi, ok := ref.(*ssa.MakeInterface); ok {
			arg = mi
			if mi.Referrers() == nil {
				continue
			}
			for _, r2 := range *mi.Referrers() {
				if call, ok := r2.(*ssa.Call); ok && bindsInto(call, arg) {
					return true
				}
			}
			continue
		}
		if call, ok := ref.(*ssa.Call); ok && bindsInto(call, arg) {
			return true
		}
	}
	return false
}

// bindsInto reports whether the call decodes request data into arg.
func bindsInto(call *ssa.Call, arg ssa.Value) bool {
	c, ok := resolve(call.Common())
	if !ok {
		return false
	}
	isArg := false
	for _, a := range c.args {
		if a == arg {
			isArg = true
		}
	}
	if !isArg {
		return false
	}
	switch fw := frameworkPath(c.pkg); {
	case fw == "gin" && c.recv == "Context" && (strings.HasPrefix(c.name, "Bind") || strings.HasPrefix(c.name, "ShouldBind")):
		return true
	case fw == "echo" && c.recv == "Context" && c.name == "Bind":
		return true
	case fw == "fiber" && c.recv == "Ctx" && (c.name == "BodyParser" || c.name == "QueryParser"):
		return true
	case c.pkg == "encoding/json" && c.recv == "Decoder" && c.name == "Decode":
		if dec, ok := c.recvVal.(*ssa.Call); ok {
			d, _ := resolve(dec.Common())
			return d.is("encoding/json", "", "NewDecoder") && requestBody(d.arg(0))
		}
	case c.is("encoding/json", "", "Unmarshal"):
		if data, ok := extractOf(c.arg(0), 0); ok {
			r, _ := resolve(data.Common())
			return r.is("io", "", "ReadAll") && requestBody(r.arg(0))
		}
	}
	return false
}

// requestBody reports whether v is r.Body (possibly as an io.Reader).
func requestBody(v ssa.Value) bool {
	switch c := v.(type) {
	case *ssa.MakeInterface:
		v = c.X
	case *ssa.ChangeInterface:
		v = c.X
	}
	return fromRequestField(v, "Body")
}
